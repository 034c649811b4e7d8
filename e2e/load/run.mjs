#!/usr/bin/env node
// `npm run bench`: Depot against raw baselines, measured in the same run (QUALITY P1, P2).
//   P1: GET /api/health/live vs a raw Fastify route returning the same JSON.
//   P2: authenticated GET /api/v1/products?limit=25 on 100k products vs raw fastify + pg running
//       the same SQL (no auth, no validation, no framework).
// A/B runs alternate after a warm-up; the report gives req/s, p99 and the ratio. Targets only
// 127.0.0.1, with bounded durations.
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { freePort, startDepot, startEmbedded } from './support.mjs';
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);

async function startRaw(databaseUrl) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
  const app = Fastify({ logger: false });
  app.get('/live', async () => ({ status: 'ok' }));
  app.get('/products', async () => {
    const { rows } = await pool.query(
      `SELECT id, sku, name, description, unit, price_minor, cost_minor, currency, barcode, category_id, attributes,
              reorder_point, reorder_quantity, status, version, created_at, updated_at
         FROM products ORDER BY created_at DESC, id DESC LIMIT $1`,
      [26],
    );
    return { items: rows.slice(0, 25), nextCursor: null };
  });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  return { base: `http://127.0.0.1:${port}`, stop: async () => (await app.close(), await pool.end()) };
}

function load(url, headers, duration = DURATION) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration, headers }, (error, result) => {
      if (error) reject(error);
      else if (result.non2xx > 0 || result.errors > 0)
        reject(new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`));
      else resolve({ rps: result.requests.average, p99: result.latency.p99 });
    });
  });
}

async function compare(name, depot, raw) {
  await load(depot.url, depot.headers, 2);
  await load(raw.url, raw.headers, 2);
  const a = [];
  const b = [];
  for (let round = 0; round < ROUNDS; round++) {
    a.push(await load(depot.url, depot.headers));
    b.push(await load(raw.url, raw.headers));
  }
  const mean = (list, key) => list.reduce((sum, item) => sum + item[key], 0) / list.length;
  const result = {
    name,
    depotRps: Math.round(mean(a, 'rps')),
    rawRps: Math.round(mean(b, 'rps')),
    ratio: +(mean(a, 'rps') / mean(b, 'rps')).toFixed(2),
    depotP99ms: Math.max(...a.map((x) => x.p99)),
    rawP99ms: Math.max(...b.map((x) => x.p99)),
  };
  console.log(JSON.stringify(result));
  return result;
}

const database = process.env.BENCH_DATABASE_URL
  ? { url: process.env.BENCH_DATABASE_URL, stop: async () => {} }
  : await startEmbedded();
const depot = await startDepot(database.url);
const raw = await startRaw(database.url);
try {
  const setup = new pg.Client({ connectionString: database.url });
  await setup.connect();
  await setup.query(
    `INSERT INTO products (id, sku, name, description, unit, price_minor, currency, status, version, created_at, updated_at)
     SELECT gen_random_uuid(), 'BENCH-' || g, 'Bench product ' || g, 'Generated', 'pcs', (g % 100000) + 1, 'EUR', 'active', 1,
            now() - (g || ' seconds')::interval, now()
       FROM generate_series(1, $1) AS g`,
    [PRODUCTS],
  );
  await setup.query('ANALYZE products');
  await setup.end();
  const login = await fetch(`${depot.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@depot.local', password: 'depot-demo-password' }),
  });
  const { accessToken } = await login.json();
  console.log(`# ${CONNECTIONS} connections, ${DURATION}s x ${ROUNDS} rounds each, ${PRODUCTS} products`);
  await compare(
    'P1 health route vs raw Fastify',
    { url: `${depot.base}/api/health/live` },
    { url: `${raw.base}/live` },
  );
  await compare(
    'P2 authenticated product list vs raw fastify+pg',
    { url: `${depot.base}/api/v1/products?limit=25`, headers: { authorization: `Bearer ${accessToken}` } },
    { url: `${raw.base}/products` },
  );
} finally {
  await raw.stop();
  await depot.stop();
  await database.stop();
}
