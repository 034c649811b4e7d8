import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectProblem, startTestApp, type TestApp } from './support/test-app';

const BACKUP_CLI = join(__dirname, '..', '..', 'dist', 'backend', 'cli', 'database', 'backup.js');

describe('Operations status', () => {
  let app: TestApp;
  let admin: string;
  let databaseUrl: string;

  beforeAll(async () => {
    app = await startTestApp({
      DEPOT_BUILD_COMMIT: 'fef5b5b483b3e7d93cc46d716ceeed6ccd97ea72',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    });
    admin = await app.login('admin@depot.local');
    const { name } = (await app.db.query<{ name: string }>('SELECT current_database() AS name')).rows[0];
    const url = new URL(process.env.DEPOT_TEST_ADMIN_URL!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  });
  afterAll(() => app?.close());

  const status = () => app.request('/api/v1/operations/status', { token: admin });

  it('tells an administrator the build, the replicas, the database, Redis, the queues and the last backup', async () => {
    const response = await status();
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      checkedAt: expect.any(String),
      build: {
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
        commit: 'fef5b5b483b3e7d93cc46d716ceeed6ccd97ea72',
        nodeVersion: process.versions.node,
        environment: 'test',
        tracing: false,
      },
      database: {
        status: 'ok',
        latencyMs: expect.any(Number),
        version: expect.stringMatching(/^PostgreSQL \d+/),
        pool: { max: expect.any(Number), total: expect.any(Number), idle: expect.any(Number), waiting: 0 },
      },
      redis: { status: 'not_configured', latencyMs: null },
      outbox: { pending: expect.any(Number) },
      failingWebhooks: [],
      mail: { pending: expect.any(Number), failed: 0 },
      lastBackup: null,
    });
  });

  it('lists the answering process among the replicas from its heartbeat row', async () => {
    const { body } = await status();
    const current = (body.instances as { current: boolean; role: string; pid: number; hostname: string }[]).filter(
      (instance) => instance.current,
    );
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ role: 'all', pid: expect.any(Number), hostname: expect.any(String) });
    const { rows } = await app.db.query<{ pid: number }>('SELECT pid FROM instance_heartbeats');
    expect(rows.map((row) => row.pid)).toContain(current[0].pid);
  });

  it('lists another replica while its heartbeat is recent, and forgets it after a minute', async () => {
    const id = randomUUID();
    await app.db.query(
      `INSERT INTO instance_heartbeats (instance_id, role, hostname, pid, version, started_at, last_seen_at)
       VALUES ($1, 'worker', 'depot-worker-1', 7, '0.1.0', now() - interval '1 hour', now() - interval '10 seconds')`,
      [id],
    );
    const seen = await status();
    expect(seen.body.instances).toContainEqual(
      expect.objectContaining({ instanceId: id, role: 'worker', hostname: 'depot-worker-1', current: false }),
    );
    await app.db.query(
      `UPDATE instance_heartbeats SET last_seen_at = now() - interval '2 minutes' WHERE instance_id = $1`,
      [id],
    );
    const gone = await status();
    expect(gone.body.instances.map((instance: { instanceId: string }) => instance.instanceId)).not.toContain(id);
  });

  it('counts a pending outbox event and its age in the backlog', async () => {
    const before = (await status()).body.outbox.pending as number;
    // A committed event the dispatcher has not taken yet (held back by its advisory lock).
    const holder = await app.db.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1)', [0x44_45_50_4f]);
      await app.db.query(
        `INSERT INTO outbox_events (id, type, aggregate_type, aggregate_id, payload, occurred_at)
         VALUES ($1, 'product.updated', 'product', $2, '{}', now() - interval '30 seconds')`,
        [randomUUID(), randomUUID()],
      );
      const { body } = await status();
      expect(body.outbox.pending).toBe(before + 1);
      expect(body.outbox.oldestAgeSeconds).toBeGreaterThanOrEqual(30);
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
  });

  it('names a webhook endpoint whose deliveries fail', async () => {
    const created = await app.request('/api/v1/webhooks', {
      method: 'POST',
      token: admin,
      json: { url: 'http://127.0.0.1:9/depot', description: 'Failing receiver', eventTypes: ['product.created'] },
    });
    expect(created.status).toBe(201);
    await app.db.query(
      `INSERT INTO webhook_deliveries (id, endpoint_id, message_id, event_type, request_body, status, attempts,
                                       next_attempt_at, last_attempt_at, last_error)
       VALUES ($1, $2, $3, 'product.created', '{}', 'pending', 1, now() + interval '1 hour', now(), 'receiver answered 500')`,
      [randomUUID(), created.body.id, randomUUID()],
    );
    const { body } = await status();
    expect(body.failingWebhooks).toEqual([
      expect.objectContaining({
        endpointId: created.body.id,
        url: 'http://127.0.0.1:9/depot',
        enabled: true,
        recentFailures: 1,
      }),
    ]);
  });

  it('shows the last backup once npm run db:backup has run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'depot-ops-backup-'));
    try {
      const file = join(dir, 'ops.depot.gz');
      const result = spawnSync(process.execPath, [BACKUP_CLI, file], {
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: databaseUrl,
          NODE_ENV: 'test',
          JWT_SECRET: 'e2e-secret-'.padEnd(48, 'x'),
          DEPOT_ENCRYPTION_KEY: Buffer.alloc(32, 0x65).toString('base64'),
        },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(result.status).toBe(0);
      const { body } = await status();
      expect(body.lastBackup).toMatchObject({
        status: 'succeeded',
        file,
        sizeBytes: expect.any(Number),
        rowCount: expect.any(Number),
        error: null,
      });
      expect(body.lastBackup.sizeBytes).toBeGreaterThan(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses a clerk (403) and an anonymous caller (401)', async () => {
    const clerk = await app.login('clerk@depot.local');
    expectProblem(await app.request('/api/v1/operations/status', { token: clerk }), 403);
    expectProblem(await app.request('/api/v1/operations/status'), 401);
  });
});
