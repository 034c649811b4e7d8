#!/usr/bin/env node
// `npm run bench:replica`: Depot on a primary with a streaming replica (issue 14, docs/scaling.md).
//   1. A mixed workload (reporting reads, catalogue reads, stock adjustments) against: one process
//      on the primary only (the baseline, same run), one process with DATABASE_READ_URL, two
//      processes sharing primary and replica. Requests/s, p95, and the connections each database saw.
//   2. The ledger and audit lists at growing volumes (stock_movements and audit_events rows):
//      p95 of a first page, of filtered pages and of a page with its total, to find where one
//      table stops being enough and partitioning by month pays.
// A dedicated primary (initdb) and replica (pg_basebackup) on loopback, Debian's PostgreSQL
// binaries (/usr/lib/postgresql/<version>/bin). Short runs: BENCH_SECONDS per configuration
// (default 8), BENCH_CLIENTS concurrent clients (default 16), BENCH_VOLUMES (default
// 100000,400000,1000000 rows of each table).
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort, root, startDepot } from './support.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const VOLUMES = (process.env.BENCH_VOLUMES ?? '100000,400000,1000000').split(',').map(Number);
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 30);
const run = promisify(execFile);

// --- A primary and a streaming replica on loopback ---------------------------------------------
const bin = (() => {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    if (existsSync(join(base, version, 'bin', 'pg_basebackup'))) return join(base, version, 'bin');
  }
  throw new Error('needs PostgreSQL server binaries with pg_basebackup (Debian package postgresql)');
})();
const asService =
  process.getuid?.() === 0
    ? {
        uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
        gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
      }
    : {};
const serviceDir = (prefix) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (asService.uid !== undefined) chownSync(dir, asService.uid, asService.gid);
  return dir;
};
const tool = (name, args) => run(join(bin, name), args, { ...asService, env: { PATH: process.env.PATH } });
async function startCluster(dir, port) {
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c max_connections=200`;
  await tool('pg_ctl', ['-D', join(dir, 'data'), '-l', join(dir, 'log'), '-o', options, '-w', 'start']);
  return {
    port,
    url: (db = 'depot') => `postgres://postgres@127.0.0.1:${port}/${db}`,
    stop: async () => {
      await tool('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
const primaryDir = serviceDir('depot-bench-primary-');
await tool('initdb', ['-D', join(primaryDir, 'data'), '-U', 'postgres', '-A', 'trust', '-N']);
const primary = await startCluster(primaryDir, await freePort());
const replicaDir = serviceDir('depot-bench-replica-');
await tool('pg_basebackup', [
  ...['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'],
  ...['-D', join(replicaDir, 'data'), '-R', '-X', 'stream', '-c', 'fast'],
]);
const replica = await startCluster(replicaDir, await freePort());

const query = async (url, sql, params) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
};
await query(primary.url('postgres'), 'CREATE DATABASE depot');

// --- Helpers --------------------------------------------------------------------------------------
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
};
const login = async (base, email) => {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'depot-demo-password' }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
  return (await response.json()).accessToken;
};
const connectionsOn = async (url) =>
  Number(
    (
      await query(
        url,
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'depot' AND application_name LIKE 'depot%'`,
      )
    )[0].n,
  );

const started = [];
const depot = async (env) => {
  const server = await startDepot(primary.url(), {
    NODE_ENV: 'production',
    METRICS_ENABLED: 'false',
    LOG_LEVEL: 'error',
    DATABASE_POOL_MAX: '10',
    API_RATE_LIMIT_BULK_MAX_REQUESTS: '1000000',
    ...env,
  });
  started.push(server);
  return server;
};
const stop = async (server) => {
  await server.stop();
  started.splice(started.indexOf(server), 1);
};

let exitCode = 0;
try {
  // Migrate, seed the demo data, then a ledger of VOLUMES[0] movements (products, warehouses).
  const seeder = await depot({ SEED_DEMO_DATA: 'true' });
  await stop(seeder);
  const seeded = execFileSync(process.execPath, [join(root, 'dist/backend/cli/database/seed-large.js')], {
    env: {
      ...process.env,
      DATABASE_URL: primary.url(),
      LOG_LEVEL: 'warn',
      // 50 000 stock levels: the seed's first batch is all receipts, whatever its join order.
      LARGE_PRODUCTS: '10000',
      LARGE_MOVEMENTS: String(VOLUMES[0]),
    },
  });
  void seeded;
  // Audit rows as many as ledger rows: one product's history in 1 of 100, a rare actor in 1 of 10 000.
  const addAudit = (from, to) =>
    query(
      primary.url(),
      `INSERT INTO audit_events (id, occurred_at, actor_type, actor_id, actor_label, action, entity_type, entity_id, changes)
       SELECT gen_random_uuid(), now() - interval '365 days' + (g::float / $2::int) * interval '365 days', 'user',
              CASE WHEN g % 10000 = 0 THEN '00000000-0000-4000-8000-000000000001'::uuid
                   ELSE '00000000-0000-4000-8000-000000000002'::uuid END,
              'bench@depot.local',
              (ARRAY['product.updated','stock.adjusted','sales_order.confirmed','purchase_order.received'])[1 + g % 4],
              'product',
              CASE WHEN g % 100 = 0 THEN '00000000-0000-4000-8000-0000000000aa'::uuid ELSE gen_random_uuid() END,
              '{"name":{"before":"a","after":"b"}}'::jsonb
         FROM generate_series($1::int, $3::int) g`,
      [from, VOLUMES.at(-1), to],
    );
  await addAudit(1, VOLUMES[0]);
  await query(primary.url(), 'ANALYZE audit_events');

  // --- 1. Throughput of a mixed workload -----------------------------------------------------------
  const [{ id: warehouseId }] = await query(primary.url(), `SELECT id FROM warehouses WHERE code = 'BULK-1'`);
  const productIds = (await query(primary.url(), `SELECT id FROM products WHERE sku LIKE 'BULK-%' LIMIT 200`)).map(
    (row) => row.id,
  );
  const READS = [
    ['ledger page', 35, () => `/api/v1/stock-movements?limit=50`],
    ['ledger of a warehouse', 15, () => `/api/v1/stock-movements?limit=50&warehouseId=${warehouseId}`],
    ['audit page', 15, () => `/api/v1/audit-events?limit=50&entityType=product`],
    ['dashboard', 10, () => `/api/v1/dashboard`],
    ['products page', 25, () => `/api/v1/products?limit=25`],
  ];
  const totalWeight = READS.reduce((sum, [, weight]) => sum + weight, 0);
  const pickRead = () => {
    let roll = Math.random() * totalWeight;
    for (const [, weight, path] of READS) if ((roll -= weight) < 0) return path();
    return READS[0][2]();
  };

  /** CLIENTS clients for SECONDS: 1 in 8 is a clerk adjusting stock, the others managers reading reports. */
  const workload = async (servers) => {
    const tokens = await Promise.all(
      servers.map(async (server) => ({
        manager: await login(server.base, 'manager@depot.local'),
        clerk: await login(server.base, 'clerk@depot.local'),
      })),
    );
    const latencies = [];
    let requests = 0;
    let errors = 0;
    let peakPrimary = 0;
    let peakReplica = 0;
    const deadline = performance.now() + SECONDS * 1000;
    const sampler = (async () => {
      while (performance.now() < deadline) {
        peakPrimary = Math.max(peakPrimary, await connectionsOn(primary.url()));
        peakReplica = Math.max(peakReplica, await connectionsOn(replica.url()));
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, index) => {
        const server = servers[index % servers.length];
        const token = tokens[index % servers.length];
        const writer = index % 8 === 7;
        while (performance.now() < deadline) {
          const began = performance.now();
          const response = writer
            ? await fetch(`${server.base}/api/v1/stock/adjustments`, {
                method: 'POST',
                headers: { authorization: `Bearer ${token.clerk}`, 'content-type': 'application/json' },
                body: JSON.stringify({
                  productId: productIds[Math.floor(Math.random() * productIds.length)],
                  warehouseId,
                  quantity: 1,
                  reasonCode: 'found',
                }),
              })
            : await fetch(`${server.base}${pickRead()}`, { headers: { authorization: `Bearer ${token.manager}` } });
          await response.arrayBuffer();
          latencies.push(performance.now() - began);
          requests++;
          if (response.status >= 400) errors++;
        }
      }),
    );
    await sampler;
    return {
      rps: Math.round(requests / SECONDS),
      p95: Math.round(percentile(latencies, 0.95)),
      errors,
      peakPrimary,
      peakReplica,
    };
  };

  const configurations = [
    ['1 process, primary only (baseline)', 1, {}],
    ['1 process, reports on the replica', 1, { DATABASE_READ_URL: replica.url() }],
    ['2 processes, primary only', 2, {}],
    ['2 processes, reports on the replica', 2, { DATABASE_READ_URL: replica.url() }],
  ];
  const throughput = [];
  for (const [label, processes, env] of configurations) {
    const servers = [];
    for (let index = 0; index < processes; index++) servers.push(await depot({ ...env, MIGRATE_ON_START: 'false' }));
    const result = await workload(servers);
    for (const server of servers) await stop(server);
    throughput.push({ label, ...result });
    console.log(`[bench:replica] ${label}: ${JSON.stringify(result)}`);
  }
  const baseline = throughput[0].rps;
  console.log('\nMixed workload (%d clients, %d s each; ratio to the baseline of this run):', CLIENTS, SECONDS);
  console.table(
    throughput.map((row) => ({
      configuration: row.label,
      'req/s': row.rps,
      ratio: (row.rps / baseline).toFixed(2),
      'p95 ms': row.p95,
      errors: row.errors,
      'primary conns (peak)': row.peakPrimary,
      'replica conns (peak)': row.peakReplica,
    })),
  );

  // --- 2. Ledger and audit lists at growing volumes -------------------------------------------------
  const server = await depot({ MIGRATE_ON_START: 'false' });
  const token = await login(server.base, 'admin@depot.local');
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const LISTS = [
    ['ledger, first page', () => `/api/v1/stock-movements?limit=50`],
    [
      'ledger, one warehouse, one month',
      () => `/api/v1/stock-movements?limit=50&warehouseId=${warehouseId}&from=${monthAgo}`,
    ],
    [
      'ledger, one warehouse, with total',
      () => `/api/v1/stock-movements?limit=50&warehouseId=${warehouseId}&includeTotal=true`,
    ],
    ['ledger, issues in one month', () => `/api/v1/stock-movements?limit=50&type=issue&from=${monthAgo}`],
    ['audit, first page', () => `/api/v1/audit-events?limit=50`],
    [
      'audit, one entity',
      () => `/api/v1/audit-events?limit=50&entityType=product&entityId=00000000-0000-4000-8000-0000000000aa`,
    ],
    ['audit, one action, one month', () => `/api/v1/audit-events?limit=50&action=stock.adjusted&from=${monthAgo}`],
    ['audit, a rare actor', () => `/api/v1/audit-events?limit=50&actorId=00000000-0000-4000-8000-000000000001`],
  ];
  const volumes = [];
  let rows = VOLUMES[0];
  for (const volume of VOLUMES) {
    // Grow both tables to `volume` rows: receipts through the ledger trigger, as production writes them.
    for (let from = rows + 1; from <= volume; from += 100_000) {
      const to = Math.min(volume, from + 99_999);
      await query(
        primary.url(),
        `WITH p AS (SELECT id, row_number() OVER (ORDER BY sku) - 1 AS n FROM products WHERE sku LIKE 'BULK-%'),
              w AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM warehouses WHERE code LIKE 'BULK-%')
         INSERT INTO stock_movements (id, type, product_id, warehouse_id, on_hand_change, actor_type, occurred_at)
         SELECT gen_random_uuid(), 'receipt', p.id, w.id, 1, 'system',
                now() - interval '365 days' + random() * interval '365 days'
           FROM generate_series($1::int, $2::int) g
           JOIN p ON p.n = g % 5000 JOIN w ON w.n = (g / 5000) % 5`,
        [from, to],
      );
      await addAudit(from, to);
    }
    rows = Math.max(rows, volume);
    await query(primary.url(), 'ANALYZE stock_movements');
    await query(primary.url(), 'ANALYZE audit_events');
    const sizes = await query(
      primary.url(),
      `SELECT pg_total_relation_size('stock_movements') AS ledger, pg_total_relation_size('audit_events') AS audit`,
    );
    const result = {
      rows: volume,
      ledgerMb: Math.round(sizes[0].ledger / 2 ** 20),
      auditMb: Math.round(sizes[0].audit / 2 ** 20),
    };
    for (const [label, path] of LISTS) {
      const samples = [];
      for (let index = 0; index < LATENCY_SAMPLES; index++) {
        const began = performance.now();
        const response = await fetch(`${server.base}${path()}`, { headers: { authorization: `Bearer ${token}` } });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${label}: ${response.status}`);
        samples.push(performance.now() - began);
      }
      result[label] = Math.round(percentile(samples, 0.95) * 10) / 10;
    }
    volumes.push(result);
    console.log(`[bench:replica] ${JSON.stringify(result)}`);
  }
  await stop(server);
  console.log('\nList p95 in ms (%d samples each) by rows in stock_movements and in audit_events:', LATENCY_SAMPLES);
  console.table(volumes);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  for (const server of [...started]) await server.stop();
  await replica.stop();
  await primary.stop();
}
process.exit(exitCode);
