import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../platform/config/app-config';
import { INSTANCE } from '../../platform/lifecycle/instance';
import type { RateLimits } from '../../platform/rate-limit/rate-limits';
import { OperationsStatusService } from './operations-status.service';

/** Answers each of the service's queries by what it reads. */
function fakeDataSource(rows: Record<string, unknown[]>, failDatabasePing = false) {
  const query = jest.fn((sql: string) => {
    if (sql.includes('server_version')) {
      return failDatabasePing ? Promise.reject(new Error('terminated')) : Promise.resolve(rows.version);
    }
    const table = ['instance_heartbeats', 'outbox_events', 'webhook_endpoints', 'mail_messages', 'backup_runs'].find(
      (name) => sql.includes(`FROM ${name}`),
    );
    return Promise.resolve(table ? rows[table] : []);
  });
  return {
    query,
    driver: { master: { totalCount: 3, idleCount: 2, waitingCount: 0 } },
  } as unknown as DataSource;
}

const config = {
  env: 'production',
  database: { poolMax: 5 },
  tracing: { enabled: true, serviceName: 'depot', endpoint: 'http://collector:4318' },
  buildCommit: 'abc1234',
} as AppConfig;

const ROWS = {
  version: [{ version: 'PostgreSQL 18.1' }],
  instance_heartbeats: [
    {
      instance_id: INSTANCE.id,
      role: 'all',
      hostname: 'here',
      pid: 1,
      version: '0.1.0',
      started_at: new Date('2026-12-03T09:00:00Z'),
      last_seen_at: new Date('2026-12-03T10:00:00Z'),
    },
  ],
  outbox_events: [{ pending: 4, age: 12.6 }],
  webhook_endpoints: [
    {
      id: 'w-1',
      url: 'https://erp.example.com/hook',
      enabled: false,
      disabled_reason: 'failing',
      failing_since: new Date('2026-11-28T10:00:00Z'),
      recent_failures: 3,
    },
  ],
  mail_messages: [{ pending: 1, failed: 2, age: null }],
  backup_runs: [
    {
      status: 'succeeded',
      started_at: new Date('2026-12-03T02:00:00Z'),
      finished_at: new Date('2026-12-03T02:00:40Z'),
      file: '/backups/a.depot.gz',
      size_bytes: '123456',
      row_count: '789',
      error: null,
      hostname: 'backup-job',
    },
  ],
};

const redis = (status: 'ok' | 'failing' | 'not_configured', latencyMs: number | null) =>
  ({ pingStore: () => Promise.resolve({ status, latencyMs }) }) as unknown as RateLimits;

describe('OperationsStatusService', () => {
  it('puts the figures of every table into one status', async () => {
    const service = new OperationsStatusService(fakeDataSource(ROWS), config, redis('ok', 0.4321));
    const status = await service.status();
    expect(status).toMatchObject({
      build: { commit: 'abc1234', environment: 'production', tracing: true, version: INSTANCE.version },
      instances: [{ instanceId: INSTANCE.id, current: true, startedAt: '2026-12-03T09:00:00.000Z' }],
      database: { status: 'ok', version: 'PostgreSQL 18.1', pool: { max: 5, total: 3, idle: 2, waiting: 0 } },
      redis: { status: 'ok', latencyMs: 0.4 },
      outbox: { pending: 4, oldestAgeSeconds: 13 },
      failingWebhooks: [
        { endpointId: 'w-1', enabled: false, recentFailures: 3, failingSince: '2026-11-28T10:00:00.000Z' },
      ],
      mail: { pending: 1, failed: 2, oldestPendingAgeSeconds: null },
      lastBackup: { status: 'succeeded', sizeBytes: 123456, rowCount: 789, finishedAt: '2026-12-03T02:00:40.000Z' },
    });
  });

  it('reports a failing database and no backup without failing itself', async () => {
    const service = new OperationsStatusService(
      fakeDataSource({ ...ROWS, backup_runs: [] }, true),
      { ...config, buildCommit: undefined },
      redis('not_configured', null),
    );
    const status = await service.status();
    expect(status.database).toMatchObject({ status: 'failing', latencyMs: null, version: null });
    expect(status.redis).toEqual({ status: 'not_configured', latencyMs: null });
    expect(status.build.commit).toBeNull();
    expect(status.lastBackup).toBeNull();
  });
});
