import { randomBytes } from 'node:crypto';
import { LocalCluster } from './support/pg-cluster';
import { freePort, startServer, type ServerProcess } from './support/test-app';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Issue 14 item 7: reporting reads on a real streaming replica (pg_basebackup on loopback).
 * A dedicated primary is made with initdb (the shared test server is not set up for
 * replication), a replica is cloned from it, and Depot runs with DATABASE_URL on the primary and
 * DATABASE_READ_URL on the replica.
 */
describe('Reporting reads on a streaming replica', () => {
  let primary: LocalCluster;
  let replica: LocalCluster;
  let server: ServerProcess;
  let env: Record<string, string>;
  let clerk: string;
  let viewer: string;
  let productId: string;
  let warehouseId: string;

  const call = async (
    path: string,
    token: string,
    init: { method?: string; json?: unknown; on?: ServerProcess } = {},
  ) => {
    const response = await fetch(`${(init.on ?? server).baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    const text = await response.text();
    return {
      status: response.status,
      text,
      body: /json/.test(response.headers.get('content-type') ?? '') && text ? JSON.parse(text) : undefined,
    };
  };

  const login = async (email: string): Promise<string> => {
    const response = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'depot-demo-password' }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { accessToken: string }).accessToken;
  };

  const metric = async (name: string): Promise<string[]> => {
    const text = await (await fetch(`${server.baseUrl}/api/metrics`)).text();
    return text.split('\n').filter((line) => line.startsWith(name));
  };

  const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const ledgerIds = async (token: string, on?: ServerProcess): Promise<string[]> => {
    const response = await call(`/api/v1/stock-movements?productId=${productId}&limit=100`, token, { on });
    expect(response.status).toBe(200);
    return (response.body.items as { id: string }[]).map((item) => item.id);
  };

  beforeAll(async () => {
    primary = await LocalCluster.primary(await freePort());
    await primary.query('CREATE DATABASE depot');
    replica = await LocalCluster.replicaOf(primary, await freePort());
    env = {
      DATABASE_URL: primary.url('depot'),
      DATABASE_READ_URL: replica.url('depot'),
      // Replay is paused for a while below: the replica must stay "fresh enough" meanwhile.
      DATABASE_READ_MAX_LAG_SECONDS: '60',
      // Recent writers are shared through Redis by the servers of this test only.
      REDIS_URL,
      RATE_LIMIT_KEY_PREFIX: `depot-test:${randomBytes(6).toString('hex')}`,
    };
    server = await startServer({ ...env, SEED_DEMO_DATA: 'true' }, { timeoutMs: 120_000 });
    clerk = await login('clerk@depot.local');
    viewer = await login('viewer@depot.local');
    const products = await call('/api/v1/products?status=active&limit=1', clerk);
    productId = products.body.items[0].id;
    const warehouses = await call('/api/v1/warehouses?limit=1', clerk);
    warehouseId = warehouses.body.items[0].id;
    await waitFor('the replica is in use', async () =>
      (await metric('depot_db_replica_usable ')).includes('depot_db_replica_usable 1'),
    );
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await replica?.remove();
    await primary?.remove();
  });

  it("serves other users' reports from the replica while the writer reads their own writes", async () => {
    const before = await ledgerIds(viewer);
    await replica.query('SELECT pg_wal_replay_pause()');
    try {
      const adjusted = await call('/api/v1/stock/adjustments', clerk, {
        method: 'POST',
        json: { productId, warehouseId, quantity: 3, reasonCode: 'found', note: 'replica test' },
      });
      expect(adjusted.status).toBe(201);
      const movementId = adjusted.body.movement.id as string;

      // The writer just wrote: their report comes from the primary and shows the movement.
      expect(await ledgerIds(clerk)).toContain(movementId);
      // Another user reads the replica, whose replay is paused: the movement is not there yet.
      const seenByViewer = await ledgerIds(viewer);
      expect(seenByViewer).not.toContain(movementId);
      expect(seenByViewer).toEqual(before);

      await replica.query('SELECT pg_wal_replay_resume()');
      await waitFor('the replica has replayed the movement', async () =>
        (await ledgerIds(viewer)).includes(movementId),
      );
    } finally {
      await replica.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
    }
    const reads = await metric('depot_db_reporting_reads_total');
    expect(reads.some((line) => /target="replica",reason="replica"} [1-9]/.test(line))).toBe(true);
    expect(reads.some((line) => /target="primary",reason="recent_write"} [1-9]/.test(line))).toBe(true);
  });

  it('keeps read-your-writes on another instance through Redis', async () => {
    const other = await startServer({ ...env, MIGRATE_ON_START: 'false' }, { timeoutMs: 120_000 });
    try {
      await waitFor('the other instance uses the replica', async () => {
        const text = await (await fetch(`${other.baseUrl}/api/metrics`)).text();
        return text.includes('depot_db_replica_usable 1');
      });
      // The other instance never saw the clerk write: only Redis tells it to use the primary.
      await replica.query('SELECT pg_wal_replay_pause()');
      const adjusted = await call('/api/v1/stock/adjustments', clerk, {
        method: 'POST',
        json: { productId, warehouseId, quantity: 1, reasonCode: 'found', note: 'written on the first instance' },
      });
      expect(adjusted.status).toBe(201);
      const movementId = adjusted.body.movement.id as string;
      expect(await ledgerIds(clerk, other)).toContain(movementId);
      expect(await ledgerIds(viewer, other)).not.toContain(movementId);
    } finally {
      await replica.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
      await other.stop();
    }
  }, 150_000);

  it('answers reports from the primary once the replica is stopped', async () => {
    const adjusted = await call('/api/v1/stock/adjustments', clerk, {
      method: 'POST',
      json: { productId, warehouseId, quantity: 2, reasonCode: 'found', note: 'before the replica stops' },
    });
    expect(adjusted.status).toBe(201);
    await waitFor('the replica has the movement', async () =>
      (await ledgerIds(viewer)).includes(adjusted.body.movement.id as string),
    );

    await replica.stop('fast');

    // At once (before the next probe notices) and afterwards: every report answers 200.
    expect(await ledgerIds(viewer)).toContain(adjusted.body.movement.id);
    expect((await call('/api/v1/dashboard', viewer)).status).toBe(200);
    const csv = await call(`/api/v1/stock-movements/export.csv?productId=${productId}`, viewer);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('before the replica stops');
    await waitFor('the probe has noticed', async () =>
      (await metric('depot_db_replica_usable ')).includes('depot_db_replica_usable 0'),
    );
    expect(await ledgerIds(viewer)).toContain(adjusted.body.movement.id);
    expect((await call('/api/v1/dashboard', viewer)).status).toBe(200);
    const reads = await metric('depot_db_reporting_reads_total');
    expect(reads.some((line) => /target="primary",reason="replica_(failed|unavailable)"} [1-9]/.test(line))).toBe(true);
  });
});
