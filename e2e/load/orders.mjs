#!/usr/bin/env node
// `npm run bench:orders`: order placement with stock reservation (QUALITY P5).
// 32 concurrent clients each create a sales order (1-3 lines over a small set of products) and
// confirm it, until ORDERS orders were placed. Stock is set well below demand, so confirmations
// compete for the last units and many are refused with 409 (that is part of the load).
// Reports orders/s and p99 of create+confirm, a same-run baseline (32 clients reading an order),
// and checks zero oversell: reservations never exceed what was there, on hand equals the ledger.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startDepot, startEmbedded } from './support.mjs';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 2000);
const PRODUCTS = 20;
const STOCK_PER_PRODUCT = 150;

const database = process.env.BENCH_DATABASE_URL
  ? { url: process.env.BENCH_DATABASE_URL, stop: async () => {} }
  : await startEmbedded();
const depot = await startDepot(database.url, { DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? '10' });
const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

/** A small deterministic PRNG, so every run asks for the same orders. */
function random(seed) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

try {
  const login = await fetch(`${depot.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@depot.local', password: process.env.DEMO_PASSWORD ?? 'depot-demo-password' }),
  });
  const { accessToken } = await login.json();
  const call = async (method, path, body) => {
    const response = await fetch(`${depot.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: await response.json() };
  };

  const warehouse = (await call('POST', '/api/v1/warehouses', { code: 'BENCH', name: 'Bench' })).body;
  const customer = (await call('POST', '/api/v1/customers', { code: 'BENCH', name: 'Bench customer' })).body;
  const products = [];
  for (let index = 0; index < PRODUCTS; index += 1) {
    const product = (
      await call('POST', '/api/v1/products', {
        sku: `BENCH-${index}`,
        name: `Bench ${index}`,
        priceMinor: 999,
        currency: 'EUR',
      })
    ).body;
    await call('POST', '/api/v1/stock/adjustments', {
      productId: product.id,
      warehouseId: warehouse.id,
      quantity: STOCK_PER_PRODUCT,
      reasonCode: 'opening_balance',
    });
    products.push(product.id);
  }

  // Baseline: the same clients reading one order, same process, same server.
  const probe = (
    await call('POST', '/api/v1/sales-orders', {
      customerId: customer.id,
      warehouseId: warehouse.id,
      lines: [{ productId: products[0], quantity: 1 }],
    })
  ).body;
  const baselineStart = performance.now();
  let baselineReads = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (baselineReads < ORDERS) {
        baselineReads += 1;
        await call('GET', `/api/v1/sales-orders/${probe.id}`);
      }
    }),
  );
  const baselinePerSecond = baselineReads / ((performance.now() - baselineStart) / 1000);

  const latencies = [];
  const outcomes = { confirmed: 0, short: 0, other: 0 };
  let started = 0;
  const runStart = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const next = random(client + 1);
      while (started < ORDERS) {
        started += 1;
        const lineCount = 1 + Math.floor(next() * 3);
        const picked = new Set(Array.from({ length: lineCount }, () => products[Math.floor(next() * PRODUCTS)]));
        const lines = [...picked].map((productId) => ({ productId, quantity: 1 + Math.floor(next() * 3) }));
        const t0 = performance.now();
        const created = await call('POST', '/api/v1/sales-orders', {
          customerId: customer.id,
          warehouseId: warehouse.id,
          lines,
        });
        const confirmed = await call('POST', `/api/v1/sales-orders/${created.body.id}/confirm`, { version: 1 });
        latencies.push(performance.now() - t0);
        if (confirmed.status === 200) outcomes.confirmed += 1;
        else if (confirmed.status === 409 && confirmed.body.code === 'SALES.LINES_SHORT') outcomes.short += 1;
        else outcomes.other += 1;
      }
    }),
  );
  const seconds = (performance.now() - runStart) / 1000;

  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const { rows } = await db.query(
    `SELECT l.product_id, l.on_hand::int, l.reserved::int,
            (SELECT sum(on_hand_change)::int FROM stock_movements m WHERE m.product_id = l.product_id AND m.warehouse_id = l.warehouse_id) AS ledger,
            (SELECT coalesce(sum(sl.quantity), 0)::int FROM sales_order_lines sl JOIN sales_orders so ON so.id = sl.sales_order_id
              WHERE sl.product_id = l.product_id AND so.status = 'confirmed' AND so.warehouse_id = l.warehouse_id) AS promised
       FROM stock_levels l WHERE l.warehouse_id = $1`,
    [warehouse.id],
  );
  await db.end();
  const oversold = rows.filter(
    (row) => row.promised > STOCK_PER_PRODUCT || row.reserved > row.on_hand || row.reserved !== row.promised,
  );
  const ledgerMismatches = rows.filter((row) => row.on_hand !== row.ledger);
  const ordersPerSecond = ORDERS / seconds;
  const report = {
    clients: CLIENTS,
    orders: ORDERS,
    seconds: Number(seconds.toFixed(1)),
    ordersPerSecond: Number(ordersPerSecond.toFixed(1)),
    p50ms: Number(percentile(latencies, 0.5).toFixed(1)),
    p99ms: Number(percentile(latencies, 0.99).toFixed(1)),
    outcomes,
    unitsReserved: rows.reduce((sum, row) => sum + row.reserved, 0),
    unitsAvailableAtStart: PRODUCTS * STOCK_PER_PRODUCT,
    oversoldProducts: oversold.length,
    ledgerMismatches: ledgerMismatches.length,
    baselineReadsPerSecond: Number(baselinePerSecond.toFixed(1)),
    ratioOrdersToReads: Number((ordersPerSecond / baselinePerSecond).toFixed(3)),
  };
  console.log(JSON.stringify(report, null, 2));
  if (oversold.length > 0 || ledgerMismatches.length > 0 || outcomes.other > 0) {
    console.error('P5 FAILED: oversell, ledger mismatch or unexpected errors');
    process.exitCode = 1;
  }
} finally {
  await depot.stop();
  await database.stop();
}
