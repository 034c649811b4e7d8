#!/usr/bin/env node
// `npm run bench:soak`: Depot under steady mixed traffic for SOAK_SECONDS (default 300), to catch
// leaks and slow degradation (issue 13). On 100k products (SOAK_PRODUCTS), after a warm-up
// (SOAK_WARMUP_SECONDS, default 30, not judged), back-to-back windows of SOAK_WINDOW_SECONDS
// (default 30) each run:
//   - the mix, SOAK_CONNECTIONS (default 16) autocannon connections, each cycling through:
//     product list, product by id, search, product list, stock adjustment (fresh Idempotency-Key),
//     product by id, health, search, product list, product by id;
//   - beside it, a sign-in every 2 s (argon2id), timed on its own so its ~30 ms of hashing does
//     not stand for the mix's latency.
// Per window: requests/s, p50/p99 of the mix, sign-in p99, errors, and Depot's resident memory
// (/proc/<pid>/status, sampled every second: the window's mean, which the verdict uses, since a
// single sample swings by tens of MB with garbage collection; and its maximum).
// Pass when (both judged on the windows after the warm-up, first against last):
//   - RSS growth < 50 MB;
//   - the last window's p99 <= max(1.5 x the first's, the first's + 10 ms): the margin covers the
//     run-to-run noise of a shared machine while still catching a steady climb;
//   - no failed request in any window.
// Prints the windows and writes e2e/load/results/soak.json; exits 1 on failure. Depot runs as in
// `npm run bench` (production mode, request logging on into a scratch file, rate limits raised).
// Targets only 127.0.0.1; bounded by SOAK_SECONDS.
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
  withCleanup,
} from './support.mjs';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const WARMUP = Number(process.env.SOAK_WARMUP_SECONDS ?? 30);
const WINDOW = Number(process.env.SOAK_WINDOW_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 16);
const PRODUCTS = Number(process.env.SOAK_PRODUCTS ?? 100_000);
const LOGIN_EVERY_MS = 2000;
const RSS_GROWTH_LIMIT_MB = 50;
const P99_FACTOR = 1.5;
const P99_SLACK_MS = 10;
const percentile = (values, p) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const round1 = (value) => (value === null || value === undefined ? null : +value.toFixed(1));

await withCleanup(async (onCleanup) => {
  const database = process.env.BENCH_DATABASE_URL
    ? { url: process.env.BENCH_DATABASE_URL, stop: async () => {} }
    : await startEmbedded();
  onCleanup(() => database.stop());
  const logFd = depotLogFile(onCleanup);
  const depot = await startDepot(database.url, { LOG_LEVEL: 'info' }, { stdout: logFd });
  onCleanup(() => depot.stop());
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  onCleanup(() => db.end());
  await seedProducts(database.url, db, PRODUCTS);

  const productIds = (await db.query('SELECT id FROM products ORDER BY random() LIMIT 2000')).rows.map((r) => r.id);
  const [warehouse] = (await db.query('SELECT id FROM warehouses WHERE active ORDER BY code LIMIT 1')).rows;
  const queries = await searchQueries(db, PRODUCTS);
  const auth = { authorization: `Bearer ${await adminToken(depot.base)}` };

  let turn = 0;
  const get = (path) => ({ method: 'GET', setupRequest: (request) => ({ ...request, headers: auth, path: path() }) });
  const mix = [
    get(() => '/api/v1/products?limit=25'),
    get(() => `/api/v1/products/${pick(productIds)}`),
    get(() => `/api/v1/search?q=${encodeURIComponent(queries[turn++ % queries.length]())}`),
    get(() => '/api/v1/products?limit=25'),
    {
      method: 'POST',
      setupRequest: (request) => ({
        ...request,
        path: '/api/v1/stock/adjustments',
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({
          productId: pick(productIds),
          warehouseId: warehouse.id,
          quantity: 1,
          reasonCode: 'count_correction',
        }),
      }),
    },
    get(() => `/api/v1/products/${pick(productIds)}`),
    get(() => '/api/health/live'),
    get(() => `/api/v1/search?q=${encodeURIComponent(queries[turn++ % queries.length]())}`),
    get(() => '/api/v1/products?limit=25'),
    get(() => `/api/v1/products/${pick(productIds)}`),
  ];

  /** Signs in every LOGIN_EVERY_MS until stopped: latencies and failures. */
  const signIns = () => {
    const samples = [];
    let failures = 0;
    let running = true;
    const done = (async () => {
      while (running) {
        const started = performance.now();
        const response = await fetch(`${depot.base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'admin@depot.local', password: 'depot-demo-password' }),
        });
        await response.arrayBuffer();
        if (response.ok) samples.push(performance.now() - started);
        else failures += 1;
        await new Promise((resolve) => setTimeout(resolve, LOGIN_EVERY_MS));
      }
    })();
    return { stop: async () => ((running = false), await done, { samples, failures }) };
  };

  const window = (seconds) =>
    new Promise((resolve, reject) => {
      const logins = signIns();
      const rss = [];
      const sampler = setInterval(() => rss.push(rssMb(depot.pid)), 1000);
      autocannon({ url: depot.base, connections: CONNECTIONS, duration: seconds, requests: mix }, (error, result) => {
        clearInterval(sampler);
        void logins.stop().then(({ samples, failures }) => {
          if (error) return reject(error);
          resolve({
            rps: round1(result.requests.average),
            p50ms: result.latency.p50,
            p99ms: result.latency.p99,
            failed: result.non2xx + result.errors + result.timeouts + failures,
            loginP99ms: round1(percentile(samples, 99)),
            rssMb: round1(rss.reduce((sum, value) => sum + value, 0) / rss.length),
            rssMaxMb: round1(Math.max(...rss)),
          });
        });
      });
    });

  console.log(
    `# soak: ${CONNECTIONS} connections, warm-up ${WARMUP}s, then ${SECONDS}s in ${WINDOW}s windows, ${PRODUCTS} products`,
  );
  const warmup = await window(WARMUP);
  console.log(JSON.stringify({ window: 'warm-up', ...warmup }));
  const windows = [];
  for (let elapsed = 0; elapsed < SECONDS; elapsed += WINDOW) {
    const seconds = Math.min(WINDOW, SECONDS - elapsed);
    const result = { window: windows.length + 1, fromSecond: elapsed, seconds, ...(await window(seconds)) };
    windows.push(result);
    console.log(JSON.stringify(result));
  }

  const first = windows[0];
  const last = windows[windows.length - 1];
  const rssGrowthMb = round1(last.rssMb - first.rssMb); // window means
  const p99LimitMs = round1(Math.max(first.p99ms * P99_FACTOR, first.p99ms + P99_SLACK_MS));
  const failed = windows.reduce((sum, w) => sum + w.failed, 0) + warmup.failed;
  const verdict = {
    rssGrowthMb,
    rssGrowthLimitMb: RSS_GROWTH_LIMIT_MB,
    firstP99ms: first.p99ms,
    lastP99ms: last.p99ms,
    p99LimitMs,
    failedRequests: failed,
    pass: rssGrowthMb < RSS_GROWTH_LIMIT_MB && last.p99ms <= p99LimitMs && failed === 0,
  };
  console.log('| window | from s | req/s | p50 ms | p99 ms | login p99 ms | failed | RSS MB mean (max) |');
  console.log('|--------|--------|-------|--------|--------|--------------|--------|-------------------|');
  for (const w of windows) {
    console.log(
      `| ${w.window} | ${w.fromSecond} | ${w.rps} | ${w.p50ms} | ${w.p99ms} | ${w.loginP99ms} | ${w.failed} | ${w.rssMb} (${w.rssMaxMb}) |`,
    );
  }
  console.log(
    `# RSS growth ${rssGrowthMb} MB (limit < ${RSS_GROWTH_LIMIT_MB}); p99 first ${first.p99ms} ms, last ${last.p99ms} ms ` +
      `(limit ${p99LimitMs} ms = max(${P99_FACTOR}x, +${P99_SLACK_MS} ms)); failed requests ${failed}: ` +
      `${verdict.pass ? 'PASS' : 'FAIL'}`,
  );
  mkdirSync(join(root, 'e2e/load/results'), { recursive: true });
  writeFileSync(
    join(root, 'e2e/load/results/soak.json'),
    `${JSON.stringify(
      {
        finishedAt: new Date().toISOString(),
        machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
        settings: {
          seconds: SECONDS,
          warmupSeconds: WARMUP,
          windowSeconds: WINDOW,
          connections: CONNECTIONS,
          products: PRODUCTS,
          loginEveryMs: LOGIN_EVERY_MS,
        },
        warmup,
        windows,
        verdict,
      },
      null,
      2,
    )}\n`,
  );
  console.log('# written to e2e/load/results/soak.json');
  if (!verdict.pass) process.exitCode = 1;
});
