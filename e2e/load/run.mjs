#!/usr/bin/env node
// `npm run bench`: Depot against raw baselines, measured in the same run (QUALITY P1, P2, P5 and
// issue 13). Each bench loads Depot and its raw twin (raw-server.mjs: bare fastify + pg running
// the same statements, in a process of its own) with autocannon, alternating A/B after a warm-up:
//   p1      GET /api/health/live                 vs a raw Fastify route returning the same JSON
//   p2      GET /api/v1/products?limit=25 (JWT)  vs the same list statement
//   get     GET /api/v1/products/:id (JWT)       vs the same SELECT by id (random ids of 100k)
//   login   POST /api/v1/auth/login              vs the same user SELECT + argon2id verify of the
//           same hash (same m/t/p); meanwhile a light probe times GET /api/health/live (and the
//           raw /live during the raw storm): the event loop must stay free while passwords hash.
//   adjust  POST /api/v1/stock/adjustments with a fresh Idempotency-Key each request vs the same
//           statements in one transaction (see raw-server.mjs)
//   confirm POST /api/v1/sales-orders/:id/confirm (P5), each request on its own draft order
//           (cloned in SQL before each run, outside the timed window) vs the reservation
//           statements in one transaction (see raw-server.mjs); 32 connections as in P5
//   search  GET /api/v1/search?q=... with varied queries (SKU, SKU prefix, name words, misspelled
//           words, order numbers, two letters) vs Depot's own search statement (searchSql)
// Reported per bench: req/s, p50 (mean of the rounds), p99 (worst round), the req/s ratio, and
// Depot's resident memory (/proc/<pid>/status) at the end and at peak. Printed as a table and
// written to e2e/load/results/latest.json.
//
// Depot runs as in production (NODE_ENV=production, pool of 5, request logging on at info level,
// written to a scratch file) with the API and sign-in rate limits raised through their env vars
// (API_RATE_LIMIT_MAX_REQUESTS, AUTH_IP_MAX_REQUESTS; see support.mjs): one client sends what
// thousands of people would. The limiter still runs and counts.
//
// Knobs: BENCH_ONLY=p1,p2 (default: all), BENCH_SECONDS (8) per round, BENCH_ROUNDS (2),
// BENCH_WARMUP_SECONDS (2), BENCH_CONNECTIONS (50), BENCH_ORDER_CONNECTIONS (32), BENCH_PRODUCTS
// (100000), BENCH_DATABASE_URL (an existing, empty database instead of an embedded one).
// Targets only 127.0.0.1; every run is bounded in time.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  adminToken,
  depotLogFile,
  pick,
  root,
  rssMb,
  searchQueries,
  seedProducts,
  startDepot,
  startEmbedded,
  startRaw,
  withCleanup,
} from './support.mjs';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ORDER_CONNECTIONS = Number(process.env.BENCH_ORDER_CONNECTIONS ?? 32);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const ALL = ['p1', 'p2', 'get', 'login', 'adjust', 'confirm', 'search'];
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((name) => name.trim().toLowerCase()) : ALL;
const unknown = ONLY.filter((name) => !ALL.includes(name));
if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown bench ${unknown.join(', ')}; known: ${ALL.join(', ')}`);
const wanted = (name) => ONLY.includes(name);

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const round1 = (value) => (value === null || value === undefined ? null : +value.toFixed(1));

/**
 * One autocannon run. Failed requests (non-2xx, socket errors, timeouts) do not stop the run: they
 * are counted, reported beside the bench and make the run exit 1 (a bench must measure success).
 */
function load(options, seconds) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, ...options, duration: seconds }, (error, result) => {
      if (error) return reject(error);
      const failed = result.non2xx + result.errors + result.timeouts;
      if (failed > 0) {
        console.error(
          `# ${options.url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts ` +
            `(status counts ${JSON.stringify(result.statusCodeStats)})`,
        );
      }
      resolve({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failed });
    });
  });
}

/** Times GET `url` one request at a time, every `gapMs`, until stopped: latencies in ms. */
function probe(url, gapMs = 20) {
  const samples = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(url);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      samples.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
  })();
  return { stop: async () => ((running = false), await done, samples) };
}

await withCleanup(async (onCleanup) => {
  const database = process.env.BENCH_DATABASE_URL
    ? { url: process.env.BENCH_DATABASE_URL, stop: async () => {} }
    : await startEmbedded();
  onCleanup(() => database.stop());
  const logFd = depotLogFile(onCleanup);
  const depot = await startDepot(database.url, { LOG_LEVEL: 'info' }, { stdout: logFd });
  onCleanup(() => depot.stop());
  const raw = await startRaw(database.url);
  onCleanup(() => raw.stop());

  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  onCleanup(() => db.end());

  if (ONLY.some((name) => ['p2', 'get', 'adjust', 'search'].includes(name))) {
    await seedProducts(database.url, db, PRODUCTS);
  }

  const auth = { authorization: `Bearer ${await adminToken(depot.base)}` };
  const call = async (method, path, body) => {
    const response = await fetch(`${depot.base}${path}`, {
      method,
      headers: {
        ...auth,
        ...(body ? { 'content-type': 'application/json', 'idempotency-key': randomUUID() } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  };

  /**
   * Warm-up of each side, then ROUNDS alternating A (Depot) / B (raw) runs. `before(side, last)`
   * runs before every run, outside the timed window, and may return the run's options (`last`:
   * that side's previous result); `during(side)` starts a side load (the login
   * probe) whose result is kept per side.
   */
  async function compare(name, depotOptions, rawOptions, { before, during } = {}) {
    const sides = {
      depot: { options: depotOptions, runs: [], extra: [] },
      raw: { options: rawOptions, runs: [], extra: [] },
    };
    const baseRss = rssMb(depot.pid);
    let peakRss = baseRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(depot.pid) ?? 0)), 250);
    const run = async (side, seconds, timed) => {
      const options = (await before?.(side, sides[side].last)) ?? sides[side].options;
      const sideLoad = during?.(side);
      const result = await load(options, seconds);
      const extra = await sideLoad?.stop();
      sides[side].last = result;
      sides[side].failed = (sides[side].failed ?? 0) + result.failed;
      if (timed) {
        sides[side].runs.push(result);
        if (extra) sides[side].extra.push(...extra);
      }
    };
    try {
      await run('depot', WARMUP, false);
      await run('raw', WARMUP, false);
      for (let round = 0; round < ROUNDS; round++) {
        await run('depot', DURATION, true);
        await run('raw', DURATION, true);
      }
    } finally {
      clearInterval(sampler);
    }
    const endRss = rssMb(depot.pid);
    const mean = (list, key) => list.reduce((sum, item) => sum + item[key], 0) / list.length;
    const a = sides.depot.runs;
    const b = sides.raw.runs;
    const result = {
      name,
      connections: depotOptions.connections ?? CONNECTIONS,
      depotRps: round1(mean(a, 'rps')),
      depotP50ms: round1(mean(a, 'p50')),
      depotP99ms: Math.max(...a.map((x) => x.p99)),
      rawRps: round1(mean(b, 'rps')),
      rawP50ms: round1(mean(b, 'p50')),
      rawP99ms: Math.max(...b.map((x) => x.p99)),
      ratio: +(mean(a, 'rps') / mean(b, 'rps')).toFixed(2),
      depotFailed: sides.depot.failed,
      rawFailed: sides.raw.failed,
      depotRssMb: round1(endRss),
      depotRssPeakMb: round1(Math.max(peakRss, endRss)),
    };
    if (during) {
      result.healthDuringDepotP50ms = round1(percentile(sides.depot.extra, 50));
      result.healthDuringDepotP99ms = round1(percentile(sides.depot.extra, 99));
      result.healthDuringDepotSamples = sides.depot.extra.length;
      result.healthDuringRawP99ms = round1(percentile(sides.raw.extra, 99));
    }
    console.log(JSON.stringify(result));
    return result;
  }

  // Fixtures shared by several benches.
  const productIds = (await db.query('SELECT id FROM products ORDER BY random() LIMIT 2000')).rows.map((r) => r.id);
  const [warehouse] = (await db.query('SELECT id FROM warehouses WHERE active ORDER BY code LIMIT 1')).rows;
  const results = [];
  console.log(
    `# ${CONNECTIONS} connections (confirm: ${ORDER_CONNECTIONS}), warm-up ${WARMUP}s, ${DURATION}s x ${ROUNDS} ` +
      `rounds per side, benches: ${ONLY.join(', ')}`,
  );

  if (wanted('p1')) {
    results.push(await compare('P1 health', { url: `${depot.base}/api/health/live` }, { url: `${raw.base}/live` }));
  }
  if (wanted('p2')) {
    results.push(
      await compare(
        'P2 product list',
        { url: `${depot.base}/api/v1/products?limit=25`, headers: auth },
        { url: `${raw.base}/products` },
      ),
    );
  }
  if (wanted('get')) {
    const byId = (base, path, headers) => ({
      url: base,
      headers,
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `${path}/${pick(productIds)}` }) }],
    });
    results.push(
      await compare('product by id', byId(depot.base, '/api/v1/products', auth), byId(raw.base, '/products')),
    );
  }
  if (wanted('login')) {
    const body = JSON.stringify({ email: 'admin@depot.local', password: 'depot-demo-password' });
    const login = (url) => ({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body });
    results.push(
      await compare('login (argon2id)', login(`${depot.base}/api/v1/auth/login`), login(`${raw.base}/login`), {
        during: (side) => probe(side === 'depot' ? `${depot.base}/api/health/live` : `${raw.base}/live`),
      }),
    );
  }
  if (wanted('adjust')) {
    let sequence = 0;
    const adjust = (url, headers) => ({
      url,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => ({
            ...request,
            headers: {
              ...headers,
              'content-type': 'application/json',
              'idempotency-key': `bench-adjust-${process.pid}-${++sequence}`,
            },
            body: JSON.stringify({
              productId: pick(productIds),
              warehouseId: warehouse.id,
              quantity: 1,
              reasonCode: 'count_correction',
            }),
          }),
        },
      ],
    });
    results.push(
      await compare(
        'stock adjustment (Idempotency-Key)',
        adjust(`${depot.base}/api/v1/stock/adjustments`, auth),
        adjust(`${raw.base}/adjust`, {}),
      ),
    );
  }
  if (wanted('confirm')) {
    // Templates: one draft per product (one line of 1 unit) over 20 stocked products, through the
    // API; runs confirm clones of them made in SQL, so every request finds a draft of its own.
    const [customer] = (await db.query(`SELECT id FROM partners WHERE kind = 'customer' ORDER BY code LIMIT 1`)).rows;
    const stocked = (await db.query(`SELECT id FROM products WHERE status = 'active' ORDER BY sku LIMIT 20`)).rows;
    const templates = [];
    for (const product of stocked) {
      await call('POST', '/api/v1/stock/adjustments', {
        productId: product.id,
        warehouseId: warehouse.id,
        quantity: 10_000_000,
        reasonCode: 'count_correction',
      });
      const order = await call('POST', '/api/v1/sales-orders', {
        customerId: customer.id,
        warehouseId: warehouse.id,
        lines: [{ productId: product.id, quantity: 1 }],
      });
      templates.push(order.id);
    }
    let cloned = 0;
    const drafts = async (count) => {
      const from = cloned + 1;
      cloned += count;
      const { rows } = await db.query(
        `WITH src AS (
           SELECT g, gen_random_uuid() AS id, ($3::uuid[])[1 + g % cardinality($3::uuid[])] AS template
             FROM generate_series($1::int, $2::int) AS g),
         made AS (
           INSERT INTO sales_orders
           SELECT (jsonb_populate_record(null::sales_orders, to_jsonb(o) || jsonb_build_object(
                     'id', src.id, 'number', 'BENCH-' || src.g, 'created_at', now(), 'updated_at', now()))).*
             FROM src JOIN sales_orders o ON o.id = src.template
           RETURNING id),
         lines AS (
           INSERT INTO sales_order_lines
           SELECT (jsonb_populate_record(null::sales_order_lines, to_jsonb(l) || jsonb_build_object(
                     'id', gen_random_uuid(), 'sales_order_id', src.id))).*
             FROM src JOIN sales_order_lines l ON l.sales_order_id = src.template)
         SELECT id FROM made`,
        [from, cloned, templates],
      );
      return rows.map((row) => row.id);
    };
    const confirm = (base, path, headers) => (ids) => {
      let next = 0;
      return {
        url: base,
        connections: ORDER_CONNECTIONS,
        // Never more requests than drafts: a run that used them all ends early rather than 409.
        maxOverallRequests: ids.length,
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => ({
              ...request,
              path: `${path}/${ids[next++]}${path.startsWith('/api') ? '/confirm' : ''}`,
              headers: { ...headers, 'content-type': 'application/json' },
              body: JSON.stringify({ version: 1 }),
            }),
          },
        ],
      };
    };
    const make = { depot: confirm(depot.base, '/api/v1/sales-orders', auth), raw: confirm(raw.base, '/confirm', {}) };
    results.push(
      await compare('P5 sales order confirm', make.depot([]), make.raw([]), {
        before: async (side, last) => {
          // Enough drafts for the run at 1.5x the side's last rate (at least 3000).
          const count = Math.max(3000, Math.ceil((last?.rps ?? 0) * DURATION * 1.5));
          return make[side](await drafts(count));
        },
      }),
    );
    const [check] = (
      await db.query(
        `SELECT count(*) FILTER (WHERE reserved > on_hand OR reserved < 0)::int AS broken FROM stock_levels WHERE warehouse_id = $1`,
        [warehouse.id],
      )
    ).rows;
    if (check.broken > 0) throw new Error(`P5: ${check.broken} stock levels reserve more than is on hand`);
  }
  if (wanted('search')) {
    const queries = await searchQueries(db, PRODUCTS);
    let turn = 0;
    const search = (base, path, headers) => ({
      url: base,
      headers,
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => ({
            ...request,
            path: `${path}?q=${encodeURIComponent(queries[turn++ % queries.length]())}`,
          }),
        },
      ],
    });
    results.push(
      await compare('search (varied queries)', search(depot.base, '/api/v1/search', auth), search(raw.base, '/search')),
    );
  }

  printTable(results);
  const report = {
    finishedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
    settings: {
      connections: CONNECTIONS,
      orderConnections: ORDER_CONNECTIONS,
      warmupSeconds: WARMUP,
      seconds: DURATION,
      rounds: ROUNDS,
      products: PRODUCTS,
    },
    results,
  };
  mkdirSync(join(root, 'e2e/load/results'), { recursive: true });
  writeFileSync(join(root, 'e2e/load/results/latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log('# written to e2e/load/results/latest.json');
  const failing = results.filter((result) => result.depotFailed > 0 || result.rawFailed > 0);
  if (failing.length > 0) {
    // Thrown after the report is written: the run exits 1 and keeps Depot's log.
    throw new Error(`failed requests in: ${failing.map((result) => result.name).join('; ')} (see above)`);
  }
});

function printTable(results) {
  const rows = results.map((r) => ({
    bench: r.name,
    'Depot req/s': r.depotRps,
    'p50 ms': r.depotP50ms,
    'p99 ms': r.depotP99ms,
    'raw req/s': r.rawRps,
    'raw p50': r.rawP50ms,
    'raw p99': r.rawP99ms,
    ratio: r.ratio,
    'RSS MB (peak)': `${r.depotRssMb} (${r.depotRssPeakMb})`,
  }));
  const columns = Object.keys(rows[0] ?? {});
  const width = (column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length));
  const line = (cells) => `| ${columns.map((column, i) => String(cells[i]).padEnd(width(column))).join(' | ')} |`;
  console.log(line(columns));
  console.log(`|${columns.map((column) => '-'.repeat(width(column) + 2)).join('|')}|`);
  for (const row of rows) console.log(line(columns.map((column) => row[column])));
  for (const r of results.filter((result) => result.healthDuringDepotP99ms !== undefined)) {
    console.log(
      `# health during the login storm: Depot p50 ${r.healthDuringDepotP50ms} ms, p99 ${r.healthDuringDepotP99ms} ms ` +
        `(${r.healthDuringDepotSamples} probes); raw /live during the raw storm p99 ${r.healthDuringRawP99ms} ms`,
    );
  }
}
