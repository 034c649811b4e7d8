#!/usr/bin/env node
// `npm run bench:ledger`: the stock ledger at scale (QUALITY P3, P8), on `npm run db:seed:large`
// data (100k products, 1M movements by default; LARGE_PRODUCTS / LARGE_MOVEMENTS to change).
//   P3: a page deep into the ledger (and the product list) vs page 1, same run, alternating;
//       target: deep <= 1.5x page 1 (median latency).
//   P8: the full ledger exported as CSV while the server's RSS is sampled; target: growth < 100 MB.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import pg from 'pg';
import { root, startDepot, startEmbedded } from './support.mjs';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 150);

const database = process.env.BENCH_DATABASE_URL
  ? { url: process.env.BENCH_DATABASE_URL, stop: async () => {} }
  : await startEmbedded();
const depot = await startDepot(database.url);
const cursorOf = (sortValue, id) => Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
/** Resident memory of a process in MB (ps reads it the same way on every Linux). */
const rssMb = (pid) => {
  const result = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
  const kb = Number(result.stdout.trim());
  if (!kb) throw new Error(`cannot read the memory of process ${pid}: ${result.stdout}${result.stderr}`);
  return kb / 1024;
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  const seeded = spawnSync(process.execPath, [join(root, 'dist/backend/cli/database/seed-large.js')], {
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  if (seeded.status !== 0) throw new Error('large seed failed');

  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const [{ movements }] = (await db.query('SELECT count(*)::int AS movements FROM stock_movements')).rows;
  const deepMovement = (
    await db.query('SELECT occurred_at, id FROM stock_movements ORDER BY occurred_at DESC, id DESC OFFSET $1 LIMIT 1', [
      Math.floor(movements * 0.9),
    ])
  ).rows[0];
  const [{ products }] = (await db.query('SELECT count(*)::int AS products FROM products')).rows;
  const deepProduct = (
    await db.query('SELECT created_at, id FROM products ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1', [
      Math.floor(products * 0.9),
    ])
  ).rows[0];
  await db.end();

  const login = await fetch(`${depot.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@depot.local', password: 'depot-demo-password' }),
  });
  const { accessToken } = await login.json();
  const headers = { authorization: `Bearer ${accessToken}` };
  const timed = async (path) => {
    const started = performance.now();
    const response = await fetch(`${depot.base}${path}`, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return performance.now() - started;
  };

  async function p3(name, first, deep) {
    for (let i = 0; i < 20; i++) await timed(i % 2 ? first : deep); // warm-up
    const a = [];
    const b = [];
    for (let i = 0; i < SAMPLES; i++) {
      a.push(await timed(first));
      b.push(await timed(deep));
    }
    const result = {
      name,
      page1MedianMs: +median(a).toFixed(2),
      deepMedianMs: +median(b).toFixed(2),
      ratio: +(median(b) / median(a)).toFixed(2),
      target: '<= 1.5',
    };
    console.log(JSON.stringify(result));
  }

  console.log(`# ${movements} movements, ${products} products, ${SAMPLES} samples per page`);
  await p3(
    'P3 ledger page 1 vs 90% deep',
    '/api/v1/stock-movements?limit=25',
    `/api/v1/stock-movements?limit=25&cursor=${cursorOf(deepMovement.occurred_at.toISOString(), deepMovement.id)}`,
  );
  await p3(
    'P3 product list page 1 vs 90% deep',
    '/api/v1/products?limit=25',
    `/api/v1/products?limit=25&cursor=${cursorOf(deepProduct.created_at.toISOString(), deepProduct.id)}`,
  );

  // P8: export everything, sampling the server's memory meanwhile.
  const before = rssMb(depot.pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(depot.pid))), 50);
  const started = performance.now();
  const response = await fetch(`${depot.base}/api/v1/stock-movements/export.csv`, { headers });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) lines++;
  }
  clearInterval(sampler);
  console.log(
    JSON.stringify({
      name: 'P8 ledger CSV export',
      rows: lines - 1,
      megabytes: +(bytes / 1e6).toFixed(1),
      seconds: +((performance.now() - started) / 1000).toFixed(1),
      rssBeforeMb: +before.toFixed(0),
      rssPeakMb: +peak.toFixed(0),
      growthMb: +(peak - before).toFixed(0),
      target: '< 100',
    }),
  );
} finally {
  await depot.stop();
  await database.stop();
}
