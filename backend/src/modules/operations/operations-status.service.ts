import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  INSTANCE_SEEN_WITHIN_SECONDS,
  type InstanceRole,
  type OperationsBackupDto,
  type OperationsDatabaseDto,
  type OperationsFailingWebhookDto,
  type OperationsStatusDto,
} from '@depot/contracts';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { INSTANCE } from '../../platform/lifecycle/instance';
import { RateLimits } from '../../platform/rate-limit/rate-limits';

const FAILING_WEBHOOKS_SHOWN = 20;

interface PoolState {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

const round = (value: number): number => Math.round(value * 10) / 10;
const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);
const seconds = (value: number | null): number | null => (value === null ? null : Math.max(0, Math.round(value)));

/**
 * The operations page's figures: this build, the replicas seen in the last minute, the database
 * and Redis, the outbox backlog, failing webhook endpoints, the mail queue and the last backup.
 * Read-only, one small query each, over the operational tables of several modules (like the
 * dashboard, it reads across modules and writes nothing).
 */
@Injectable()
export class OperationsStatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rateLimits: RateLimits,
  ) {}

  async status(): Promise<OperationsStatusDto> {
    const database = await this.database();
    const redis = await this.rateLimits.pingStore();
    return {
      checkedAt: new Date().toISOString(),
      build: {
        version: INSTANCE.version,
        commit: this.config.buildCommit ?? null,
        nodeVersion: process.versions.node,
        environment: this.config.env,
        tracing: this.config.tracing.enabled,
      },
      instances: await this.instances(),
      database,
      redis: { status: redis.status, latencyMs: redis.latencyMs === null ? null : round(redis.latencyMs) },
      outbox: await this.outbox(),
      failingWebhooks: await this.failingWebhooks(),
      mail: await this.mail(),
      lastBackup: await this.lastBackup(),
    };
  }

  private async database(): Promise<OperationsDatabaseDto> {
    const poolState = (this.dataSource.driver as unknown as { master?: PoolState }).master;
    const pool = {
      max: this.config.database.poolMax,
      total: poolState?.totalCount ?? 0,
      idle: poolState?.idleCount ?? 0,
      waiting: poolState?.waitingCount ?? 0,
    };
    const started = process.hrtime.bigint();
    try {
      const [row] = await this.dataSource.query<{ version: string }[]>(
        `SELECT 'PostgreSQL ' || current_setting('server_version') AS version`,
      );
      const latencyMs = round(Number(process.hrtime.bigint() - started) / 1e6);
      return { status: 'ok', latencyMs, version: row.version, pool };
    } catch {
      return { status: 'failing', latencyMs: null, version: null, pool };
    }
  }

  private async instances(): Promise<OperationsStatusDto['instances']> {
    const rows = await this.dataSource.query<
      {
        instance_id: string;
        role: InstanceRole;
        hostname: string;
        pid: number;
        version: string;
        started_at: Date;
        last_seen_at: Date;
      }[]
    >(
      `SELECT instance_id, role, hostname, pid, version, started_at, last_seen_at FROM instance_heartbeats
        WHERE last_seen_at > now() - make_interval(secs => $1) ORDER BY started_at, instance_id`,
      [INSTANCE_SEEN_WITHIN_SECONDS],
    );
    return rows.map((row) => ({
      instanceId: row.instance_id,
      role: row.role,
      hostname: row.hostname,
      pid: row.pid,
      version: row.version,
      startedAt: row.started_at.toISOString(),
      lastSeenAt: row.last_seen_at.toISOString(),
      current: row.instance_id === INSTANCE.id,
    }));
  }

  private async outbox(): Promise<OperationsStatusDto['outbox']> {
    // Served by the partial index of pending rows.
    const [row] = await this.dataSource.query<{ pending: number; age: number | null }[]>(
      `SELECT count(*)::int AS pending, extract(epoch FROM now() - min(occurred_at))::float AS age
         FROM outbox_events WHERE dispatched_at IS NULL`,
    );
    return { pending: row.pending, oldestAgeSeconds: seconds(row.age) };
  }

  private async failingWebhooks(): Promise<OperationsFailingWebhookDto[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
        url: string;
        enabled: boolean;
        disabled_reason: string | null;
        failing_since: Date | null;
        recent_failures: number;
      }[]
    >(
      `SELECT e.id, e.url, e.enabled, e.disabled_reason, e.failing_since, coalesce(f.failures, 0)::int AS recent_failures
         FROM webhook_endpoints e
         LEFT JOIN LATERAL (
           SELECT count(*) AS failures FROM webhook_deliveries d
            WHERE d.endpoint_id = e.id AND d.last_error IS NOT NULL AND d.last_attempt_at > now() - interval '1 day'
         ) f ON true
        WHERE NOT e.enabled OR e.failing_since IS NOT NULL OR f.failures > 0
        ORDER BY e.enabled, e.failing_since NULLS LAST, e.id
        LIMIT $1`,
      [FAILING_WEBHOOKS_SHOWN],
    );
    return rows.map((row) => ({
      endpointId: row.id,
      url: row.url,
      enabled: row.enabled,
      disabledReason: row.disabled_reason,
      failingSince: iso(row.failing_since),
      recentFailures: row.recent_failures,
    }));
  }

  private async mail(): Promise<OperationsStatusDto['mail']> {
    const [row] = await this.dataSource.query<{ pending: number; failed: number; age: number | null }[]>(
      `SELECT count(*) FILTER (WHERE status IN ('queued', 'sending', 'retrying'))::int AS pending,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              extract(epoch FROM now() - min(created_at) FILTER (WHERE status IN ('queued', 'sending', 'retrying')))::float AS age
         FROM mail_messages WHERE status <> 'sent'`,
    );
    return { pending: row.pending, failed: row.failed, oldestPendingAgeSeconds: seconds(row.age) };
  }

  private async lastBackup(): Promise<OperationsBackupDto | null> {
    const [row] = await this.dataSource.query<
      {
        status: 'succeeded' | 'failed';
        started_at: Date;
        finished_at: Date;
        file: string;
        size_bytes: string | null;
        row_count: string | null;
        error: string | null;
        hostname: string;
      }[]
    >(
      `SELECT status, started_at, finished_at, file, size_bytes, row_count, error, hostname
         FROM backup_runs ORDER BY finished_at DESC LIMIT 1`,
    );
    if (!row) return null;
    return {
      status: row.status,
      startedAt: row.started_at.toISOString(),
      finishedAt: row.finished_at.toISOString(),
      file: row.file,
      sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
      rowCount: row.row_count === null ? null : Number(row.row_count),
      error: row.error,
      hostname: row.hostname,
    };
  }
}
