import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEMO_PASSWORD, startServer, startTestApp, type ServerProcess, type TestApp } from './support/test-app';

/* eslint-disable @typescript-eslint/no-require-imports -- shared with the plain-JS global setup */
const { withDatabase, adminQuery } = require('./support/test-database') as {
  withDatabase: (url: string, name: string) => string;
  adminQuery: (url: string, sql: string) => Promise<unknown>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const MAIN = join(__dirname, '..', '..', 'dist', 'backend', 'main.js');
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Running Depot as a fleet: metrics, migrations that never race, web and worker roles. */
describe('Operations: metrics, migrations, roles', () => {
  describe('metrics', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(() => app?.close());

    it('exposes Prometheus metrics for HTTP, the pool, queries, the outbox, logins, webhooks, mail and sockets', async () => {
      const token = await app.login('admin@depot.local');
      await app.request('/api/v1/auth/login', {
        method: 'POST',
        json: { email: 'admin@depot.local', password: 'wrong-password-1' },
      });
      await app.request('/api/v1/products?limit=5', { token });
      const response = await app.request('/api/metrics');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = response.text;
      for (const metric of [
        'depot_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/v1/products",status="200"}',
        'depot_db_pool_connections{state="total"}',
        'depot_db_query_duration_seconds_count{outcome="ok"}',
        'depot_outbox_backlog{measure="events"}',
        'depot_outbox_backlog{measure="lag_seconds"}',
        'depot_logins_total{outcome="succeeded"}',
        'depot_logins_total{outcome="AUTH.INVALID_CREDENTIALS"}',
        'depot_webhook_endpoints',
        'depot_mail_messages',
        'depot_realtime_connections',
        'depot_nodejs_eventloop_lag_seconds',
        'depot_nodejs_heap_size_used_bytes',
      ]) {
        expect([metric, text.includes(metric)]).toEqual([metric, true]);
      }
    });
  });

  it('serves metrics in production only with the token', async () => {
    const app = await startTestApp({
      NODE_ENV: 'production',
      DEPOT_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      METRICS_TOKEN: 'metrics-token-0123456789',
    });
    try {
      expect((await app.request('/api/metrics')).status).toBe(401);
      expect(
        (await app.request('/api/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status,
      ).toBe(401);
      const ok = await app.request('/api/metrics', { headers: { authorization: 'Bearer metrics-token-0123456789' } });
      expect(ok.status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('migrates a new database once when several replicas start together', async () => {
    const name = `depot_test_migrate_${randomBytes(4).toString('hex')}`;
    const adminUrl = process.env.DEPOT_TEST_ADMIN_URL!;
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    const url = withDatabase(adminUrl, name);
    const servers: ServerProcess[] = [];
    try {
      servers.push(
        ...(await Promise.all([1, 2, 3].map(() => startServer({ DATABASE_URL: url }, { timeoutMs: 90_000 })))),
      );
      const client = new Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{ name: string; n: number }>(
        'SELECT name, count(*)::int AS n FROM schema_migrations GROUP BY name HAVING count(*) > 1',
      );
      const applied = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      await client.end();
      expect(rows).toEqual([]);
      expect(applied.rows[0].n).toBeGreaterThan(5);
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }, 120_000);

  it('refuses split roles without Redis, with one line naming the variable', () => {
    const result = spawnSync(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH, DEPOT_ROLE: 'web', DATABASE_URL: 'postgres://x@127.0.0.1:1/test' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/DEPOT_ROLE: .*REDIS_URL/);
  });

  describe('a web replica and a worker replica', () => {
    let web: TestApp;
    let worker: ServerProcess;

    beforeAll(async () => {
      const prefix = `depot-test-${randomBytes(4).toString('hex')}`;
      web = await startTestApp({ DEPOT_ROLE: 'web', REDIS_URL, RATE_LIMIT_KEY_PREFIX: prefix });
      const { name } = (await web.db.query<{ name: string }>('SELECT current_database() AS name')).rows[0];
      worker = await startServer({
        DEPOT_ROLE: 'worker',
        REDIS_URL,
        RATE_LIMIT_KEY_PREFIX: prefix,
        DATABASE_URL: withDatabase(process.env.DEPOT_TEST_ADMIN_URL!, name),
      });
    }, 90_000);
    afterAll(async () => {
      await worker?.stop();
      await web?.close();
    });

    it('serves the API on web replicas and only probes and metrics on workers, which dispatch the events', async () => {
      const token = await web.login('admin@depot.local');
      const created = await web.request('/api/v1/products', {
        method: 'POST',
        token,
        json: {
          sku: `ROLE-${randomBytes(3).toString('hex')}`,
          name: 'Dispatched by the worker',
          priceMinor: 1,
          currency: 'EUR',
        },
      });
      expect(created.status).toBe(201);

      // The worker, not the web replica, delivers the outbox.
      let dispatched = false;
      for (let i = 0; i < 100 && !dispatched; i++) {
        const { rows } = await web.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM outbox_events WHERE aggregate_id = $1 AND dispatched_at IS NULL',
          [created.body.id],
        );
        dispatched = rows[0].n === 0;
        if (!dispatched) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(dispatched).toBe(true);

      const api = await fetch(`${worker.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@depot.local', password: DEMO_PASSWORD }),
      });
      expect(api.status).toBe(404);
      expect((await api.json()) as { detail: string }).toMatchObject({ detail: expect.stringContaining('worker') });
      expect((await fetch(`${worker.baseUrl}/api/health/ready`)).status).toBe(200);
      expect((await fetch(`${worker.baseUrl}/api/metrics`)).status).toBe(200);
    });
  });
});
