import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { PgBouncer } from './support/pg-cluster';
import { databaseUrlOf, expectProblem, freePort, startServer, type ServerProcess } from './support/test-app';

/* eslint-disable @typescript-eslint/no-require-imports -- shared with the plain-JS global setup */
const { adminQuery } = require('./support/test-database') as {
  adminQuery: (url: string, sql: string, params?: unknown[]) => Promise<unknown>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The PgBouncer pool per database: far fewer server connections than the two servers' pools. */
const POOL_SIZE = 3;

/**
 * Issue 14 item 7: Depot behind PgBouncer in transaction pooling mode (Debian's package). Two
 * servers share one PgBouncer (DATABASE_URL) and keep a direct connection (DATABASE_DIRECT_URL)
 * for migrations and LISTEN, which a transaction pooler cannot carry. Everything else must hold
 * no session state: no session advisory locks, no named prepared statements, no `SET`.
 */
describe('Behind PgBouncer in transaction mode', () => {
  const adminUrl = process.env.DEPOT_TEST_ADMIN_URL!;
  const name = `depot_test_pgb_${randomBytes(4).toString('hex')}`;
  let bouncer: PgBouncer;
  let a: ServerProcess;
  let b: ServerProcess;
  let admin: string;

  const call = async (
    server: ServerProcess,
    path: string,
    init: { token?: string; apiKey?: string; method?: string; json?: unknown } = {},
  ) => {
    const headers: Record<string, string> = {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.apiKey) headers['x-api-key'] = init.apiKey;
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${server.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined,
    };
  };

  const serverConnections = async (): Promise<number> => {
    const client = new Client({ connectionString: databaseUrlOf(name) });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name <> 'depot-listener'`,
      );
      return rows[0].count;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    // An empty database: the servers migrate it at start (over the direct connection).
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    bouncer = await PgBouncer.start({
      port: await freePort(),
      target: new URL(databaseUrlOf(name)),
      poolSize: POOL_SIZE,
    });
    const env = { DATABASE_URL: bouncer.url(), DATABASE_DIRECT_URL: databaseUrlOf(name), DATABASE_POOL_MAX: '5' };
    // Both start at once: one migrates under the advisory lock, the other finds nothing to do.
    [a, b] = await Promise.all([
      startServer({ ...env, SEED_DEMO_DATA: 'true' }, { timeoutMs: 120_000 }),
      startServer({ ...env, SEED_DEMO_DATA: 'false' }, { timeoutMs: 120_000 }),
    ]);
    const login = await call(a, '/api/v1/auth/login', {
      method: 'POST',
      json: { email: 'admin@depot.local', password: 'depot-demo-password' },
    });
    expect(login.status).toBe(200);
    admin = login.body.accessToken as string;
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    bouncer?.stop();
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('migrates an empty database once and signs in on both servers', async () => {
    const client = new Client({ connectionString: databaseUrlOf(name) });
    await client.connect();
    const { rows } = await client.query<{ count: number; distinct: number }>(
      'SELECT count(*)::int AS count, count(DISTINCT name)::int AS distinct FROM schema_migrations',
    );
    await client.end();
    expect(rows[0].count).toBeGreaterThan(0);
    expect(rows[0].distinct).toBe(rows[0].count);
    const onB = await call(b, '/api/v1/auth/login', {
      method: 'POST',
      json: { email: 'clerk@depot.local', password: 'depot-demo-password' },
    });
    expect(onB.status).toBe(200);
  });

  it('creates and updates a product, adjusts stock, confirms a sales order and exports, across both servers', async () => {
    const sku = `PGB-${randomBytes(3).toString('hex')}`.toUpperCase();
    const created = await call(a, '/api/v1/products', {
      method: 'POST',
      token: admin,
      json: { sku, name: 'Pooled widget', priceMinor: 1500, currency: 'EUR' },
    });
    expect(created.status).toBe(201);
    const updated = await call(b, `/api/v1/products/${created.body.id}`, {
      method: 'PATCH',
      token: admin,
      json: { version: 1, name: 'Pooled widget, renamed' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Pooled widget, renamed', version: 2 });

    const warehouses = await call(a, '/api/v1/warehouses?limit=1', { token: admin });
    const warehouseId = warehouses.body.items[0].id as string;
    const adjusted = await call(b, '/api/v1/stock/adjustments', {
      method: 'POST',
      token: admin,
      json: { productId: created.body.id, warehouseId, quantity: 10, reasonCode: 'found' },
    });
    expect(adjusted.status).toBe(201);

    const customer = await call(a, '/api/v1/customers', {
      method: 'POST',
      token: admin,
      json: { code: sku, name: `Customer ${sku}`, email: `${sku.toLowerCase()}@example.com` },
    });
    expect(customer.status).toBe(201);
    const order = await call(a, '/api/v1/sales-orders', {
      method: 'POST',
      token: admin,
      json: { customerId: customer.body.id, warehouseId, lines: [{ productId: created.body.id, quantity: 4 }] },
    });
    expect(order.status).toBe(201);
    const confirmed = await call(b, `/api/v1/sales-orders/${order.body.id}/confirm`, {
      method: 'POST',
      token: admin,
      json: { version: 1 },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed' });

    // Streamed exports hold a cursor: the whole statement stays on one server connection.
    const products = await call(a, `/api/v1/products/export.csv?q=${sku}`, { token: admin });
    expect(products.status).toBe(200);
    expect(products.text).toContain('Pooled widget, renamed');
    const ledger = await call(b, `/api/v1/stock-movements/export.csv?productId=${created.body.id}`, {
      token: admin,
    });
    expect(ledger.status).toBe(200);
    expect(ledger.text.trim().split('\n')).toHaveLength(3); // header, adjustment, reservation
  });

  it('shares a few server connections among both servers under concurrent load', async () => {
    const requests = Array.from({ length: 40 }, (_, index) =>
      call(index % 2 === 0 ? a : b, '/api/v1/products?limit=5&includeTotal=true', { token: admin }),
    );
    let peak = 0;
    const watching = (async () => {
      for (let round = 0; round < 20; round++) peak = Math.max(peak, await serverConnections());
    })();
    const responses = await Promise.all(requests);
    await watching;
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 200));
    // Ten client connections (two pools of five) never hold more than PgBouncer's pool.
    expect(peak).toBeLessThanOrEqual(POOL_SIZE + 1);
  });

  it('refuses a revoked API key on the next request on both servers (LISTEN on the direct connection)', async () => {
    const created = await call(a, '/api/v1/api-keys', {
      method: 'POST',
      token: admin,
      json: { name: 'pooled', scopes: ['catalog.products.read'] },
    });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    expect((await call(a, '/api/v1/products?limit=1', { apiKey: key })).status).toBe(200);
    expect((await call(b, '/api/v1/products?limit=1', { apiKey: key })).status).toBe(200);

    const revoked = await call(a, `/api/v1/api-keys/${created.body.id}`, { method: 'DELETE', token: admin });
    expect(revoked.status).toBe(204);
    expectProblem(await call(b, '/api/v1/products?limit=1', { apiKey: key }), 401, 'AUTH.UNAUTHENTICATED');
    expectProblem(await call(a, '/api/v1/products?limit=1', { apiKey: key }), 401);
  });
});
