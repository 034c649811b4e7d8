import type { DataSource } from 'typeorm';

export interface LargeDataOptions {
  products: number;
  movements: number;
  warehouses: number;
  /** Progress lines. */
  log: (line: string) => void;
}

/**
 * A realistic large data set for benchmarks (QUALITY P3, P8): bulk products in a few
 * categories and warehouses, and stock movements spread over the past year. Movements go
 * through the normal ledger trigger (receipts, then issues that never exceed what is there),
 * so stock levels equal the ledger sums exactly as in production. Set-based SQL, in batches.
 */
export async function seedLargeData(dataSource: DataSource, options: LargeDataOptions): Promise<void> {
  const started = Date.now();
  const [{ existing }] = await dataSource.query<[{ existing: number }]>(
    `SELECT count(*)::int AS existing FROM products WHERE sku LIKE 'BULK-%'`,
  );
  if (existing > 0) {
    options.log(`bulk data already present (${existing} products); nothing to do`);
    return;
  }
  await dataSource.query(
    `INSERT INTO categories (id, name) SELECT gen_random_uuid(), 'Bulk ' || g FROM generate_series(1, 20) g
     ON CONFLICT DO NOTHING`,
  );
  await dataSource.query(
    `INSERT INTO warehouses (id, code, name) SELECT gen_random_uuid(), 'BULK-' || g, 'Bulk warehouse ' || g
       FROM generate_series(1, $1) g ON CONFLICT DO NOTHING`,
    [options.warehouses],
  );
  const batch = 50_000;
  for (let from = 1; from <= options.products; from += batch) {
    const to = Math.min(options.products, from + batch - 1);
    await dataSource.query(
      `INSERT INTO products (id, sku, name, description, unit, price_minor, cost_minor, currency, category_id, attributes,
                             reorder_point, reorder_quantity, status, version, created_at, updated_at)
       SELECT gen_random_uuid(), 'BULK-' || lpad(g::text, 7, '0'), 'Bulk product ' || g, 'Generated for benchmarks', 'pcs',
              100 + (g * 37) % 50000, 50 + (g * 17) % 20000, 'EUR',
              (SELECT id FROM categories WHERE name = 'Bulk ' || (1 + g % 20)),
              jsonb_build_object('color', (ARRAY['red','green','blue','black','white'])[1 + g % 5]),
              g % 15, 40, 'active', 1, now() - (g || ' seconds')::interval, now()
         FROM generate_series($1::int, $2::int) g`,
      [from, to],
    );
    options.log(`products ${to}/${options.products}`);
  }
  await dataSource.query('ANALYZE products');

  // Movement n touches product (n mod P) in warehouse (n mod W); the first pass over each level
  // is a receipt of 100, later ones alternate small issues and receipts, so nothing goes negative.
  for (let from = 1; from <= options.movements; from += batch) {
    const to = Math.min(options.movements, from + batch - 1);
    await dataSource.query(
      `WITH p AS (SELECT id, row_number() OVER (ORDER BY sku) - 1 AS n FROM products WHERE sku LIKE 'BULK-%'),
            w AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM warehouses WHERE code LIKE 'BULK-%')
       INSERT INTO stock_movements (id, type, product_id, warehouse_id, on_hand_change, reason_code, actor_type, occurred_at)
       SELECT gen_random_uuid(),
              CASE WHEN g <= $3::int OR g % 2 = 0 THEN 'receipt' ELSE 'issue' END,
              p.id, w.id,
              CASE WHEN g <= $3::int THEN 100 WHEN g % 2 = 0 THEN 1 + g % 5 ELSE -(1 + g % 3) END,
              NULL, 'system',
              now() - interval '365 days' + (g::float / $4::int) * interval '365 days'
         FROM generate_series($1::int, $2::int) g
         JOIN p ON p.n = (g - 1) % $5::int
         JOIN w ON w.n = ((g - 1) / $5::int) % $6::int`,
      [from, to, options.products * options.warehouses, options.movements, options.products, options.warehouses],
    );
    options.log(`movements ${to}/${options.movements}`);
  }
  await dataSource.query('ANALYZE stock_movements');
  await dataSource.query('ANALYZE stock_levels');
  options.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
