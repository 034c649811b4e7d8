#!/usr/bin/env node
// `npm run bench:search`: global search (GET /api/v1/search) on 100k products (issue 12).
//   Seeds `npm run db:seed:large` products (LARGE_PRODUCTS, default 100k; no movements), gives
//   them varied names (the seed names them all "Bulk product N", which no one searches for), then
//   sends a mix of queries one at a time over HTTP as the admin (every group searched):
//   exact SKU, SKU prefix, name words, misspelled name, order number, a two-letter prefix.
//   Target: p95 <= 50 ms. Baseline in the same run: GET /api/v1/products?limit=25 (p50/p95),
//   so the figures can be compared across machines as a ratio.
//   BENCH_EXPLAIN=1 prints the plan of each query kind.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { root, startDepot, startEmbedded } from './support.mjs';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const PRODUCTS = Number(process.env.LARGE_PRODUCTS ?? 100_000);

const ADJECTIVES = ['stainless', 'galvanised', 'heavy', 'compact', 'industrial', 'folding', 'cordless', 'precision'];
const MATERIALS = ['steel', 'brass', 'oak', 'aluminium', 'nylon', 'copper', 'rubber', 'walnut', 'ceramic', 'glass'];
const NOUNS = [
  'hinge',
  'bracket',
  'hammer',
  'drill',
  'clamp',
  'shelf',
  'bolt',
  'washer',
  'ladder',
  'lamp',
  'chair',
  'spanner',
  'valve',
  'hose',
  'bucket',
  'trolley',
  'cable',
  'pliers',
  'socket',
  'funnel',
  'castor',
  'padlock',
  'toolbox',
  'wrench',
  'scraper',
];
const pick = (values) => values[Math.floor(Math.random() * values.length)];
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
/** Drops one letter in the middle of a word: "hinge" -> "hnge". */
const typo = (word) => word.slice(0, 2) + word.slice(3);

const database = process.env.BENCH_DATABASE_URL
  ? { url: process.env.BENCH_DATABASE_URL, stop: async () => {} }
  : await startEmbedded();
const depot = await startDepot(database.url);

try {
  const seeded = spawnSync(process.execPath, [join(root, 'dist/backend/cli/database/seed-large.js')], {
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn', LARGE_MOVEMENTS: '0' },
    stdio: 'inherit',
  });
  if (seeded.status !== 0) throw new Error('large seed failed');

  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  await db.query(
    `UPDATE products SET name = initcap(($1::text[])[1 + n % $4]) || ' ' || ($2::text[])[1 + (n / $4) % $5] || ' '
                             || ($3::text[])[1 + (n / ($4 * $5)) % $6] || ' ' || n
       FROM (SELECT id AS pid, substr(sku, 6)::int AS n FROM products WHERE sku LIKE 'BULK-%') s
      WHERE id = s.pid AND name LIKE 'Bulk product %'`,
    [ADJECTIVES, MATERIALS, NOUNS, ADJECTIVES.length, MATERIALS.length, NOUNS.length],
  );
  await db.query('ANALYZE products');
  const [{ products }] = (await db.query('SELECT count(*)::int AS products FROM products')).rows;
  const orderNumbers = (
    await db.query('SELECT number FROM sales_orders UNION ALL SELECT number FROM purchase_orders')
  ).rows.map((row) => row.number);
  if (orderNumbers.length === 0) throw new Error('the demo data has no orders to search for');

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
    const body = await response.json();
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - started, body };
  };

  const sku = () => `BULK-${String(1 + Math.floor(Math.random() * PRODUCTS)).padStart(7, '0')}`;
  const kinds = {
    'SKU exact': () => sku().toLowerCase(),
    'SKU prefix': () => sku().slice(0, 10),
    'name words': () => `${pick(MATERIALS)} ${pick(NOUNS)}`,
    'misspelled name': () => `${typo(pick(ADJECTIVES))} ${typo(pick(NOUNS))}`,
    'order number': () => pick(orderNumbers),
    'two letters': () => pick(['bu', 'st', 'so', 'po']),
  };
  const search = (q) => `/api/v1/search?q=${encodeURIComponent(q)}`;

  // Sanity: what each kind finds.
  for (const [kind, next] of Object.entries(kinds)) {
    const q = next();
    const { body } = await timed(search(q));
    const found = body.groups.map((group) => `${group.type}:${group.items.length}`).join(' ');
    console.log(`# ${kind}: "${q}" -> ${found || 'nothing'}; first: ${body.groups[0]?.items[0]?.title ?? '-'}`);
  }
  if (process.env.BENCH_EXPLAIN) {
    const { searchSql, branchApplies, queryWords, SEARCH_BRANCHES } = await import(
      join(root, 'dist/backend/modules/search/search-sql.js')
    );
    for (const [kind, next] of Object.entries(kinds)) {
      const q = next();
      const lower = q.toLowerCase();
      const escape = (value) => value.replace(/[\\%_]/g, (match) => `\\${match}`);
      // The statement the service runs for this query (see search.service.ts).
      const shape = { fuzzy: q.length >= 3, phrase: /\s/.test(q) };
      const words = shape.fuzzy ? queryWords(q) : [];
      const branches = Object.values(SEARCH_BRANCHES).filter((branch) => branchApplies(branch, shape));
      const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${searchSql(branches, shape, words.length)}`, [
        q,
        lower,
        `${escape(lower)}%`,
        5,
        `%${escape(q)}%`,
        ...words,
      ]);
      console.log(`## EXPLAIN ${kind} "${q}"\n${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}`);
    }
  }
  await db.end();

  const kindNames = Object.keys(kinds);
  for (let i = 0; i < 30; i++) await timed(search(kinds[kindNames[i % kindNames.length]]())); // warm-up
  const perKind = Object.fromEntries(kindNames.map((kind) => [kind, []]));
  const all = [];
  const server = [];
  const baseline = [];
  for (let i = 0; i < SAMPLES; i++) {
    for (const kind of kindNames) {
      const { ms, body } = await timed(search(kinds[kind]()));
      perKind[kind].push(ms);
      all.push(ms);
      server.push(body.tookMs);
    }
    baseline.push((await timed('/api/v1/products?limit=25')).ms);
  }
  const round = (value) => +value.toFixed(1);
  console.log(`# ${products} products, ${SAMPLES} samples per query kind, one request at a time`);
  for (const kind of kindNames) {
    console.log(
      JSON.stringify({
        name: `search: ${kind}`,
        p50Ms: round(percentile(perKind[kind], 50)),
        p95Ms: round(percentile(perKind[kind], 95)),
      }),
    );
  }
  const p95 = percentile(all, 95);
  console.log(
    JSON.stringify({
      name: 'search: all kinds',
      requests: all.length,
      p50Ms: round(percentile(all, 50)),
      p95Ms: round(p95),
      serverP95Ms: round(percentile(server, 95)),
      baselineProductListP50Ms: round(percentile(baseline, 50)),
      baselineProductListP95Ms: round(percentile(baseline, 95)),
      p95VsProductListP95: +(p95 / percentile(baseline, 95)).toFixed(2),
      target: 'p95 <= 50 ms',
      pass: p95 <= 50,
    }),
  );
} finally {
  await depot.stop();
  await database.stop();
}
