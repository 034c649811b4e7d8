import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import type { Counter } from 'prom-client';
import { DataSource, type EntityManager } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { RequestContext } from '../context/request-context';
import { BackgroundWorkers } from '../lifecycle/background-workers';
import { Metrics } from '../observability/metrics';
import { dataSourceOptions } from './data-source-options';
import { isDatabaseUnavailable, sqlStateOf } from './pg-errors';
import { RecentWriters, REPLICA_PROBE_INTERVAL_MS } from './recent-writers';
import { parseLsn, ReplicaFreshness } from './replica-freshness';

/** Why a reporting read went where it went (the `reason` label of the reads counter). */
type ReadReason =
  'replica' | 'in_transaction' | 'recent_write' | 'replica_unavailable' | 'replica_lagging' | 'replica_failed';

/** What the last probe found. */
type ReplicaState =
  | { usable: true; stalenessMs: number }
  | { usable: false; reason: 'replica_unavailable' | 'replica_lagging'; detail: string; stalenessMs?: number };

/** How long the first probe may hold up the start; reads go to the primary until one succeeds. */
const FIRST_PROBE_WAIT_MS = 3_000;
/** Connection timeout towards the replica: a dead one must not hold a request for long. */
const REPLICA_CONNECT_TIMEOUT_MS = 2_000;

/**
 * Failures of the replica itself, worth answering from the primary: unreachable, restarting,
 * overloaded, or a query cancelled by a conflict with WAL replay (40001, 40P01). A statement
 * timeout (57014) is not retried: the same report would take as long on the primary.
 */
function isReplicaFailure(error: unknown): boolean {
  const state = sqlStateOf(error);
  if (state === '40001' || state === '40P01') return true;
  return state !== '57014' && isDatabaseUnavailable(error);
}

/**
 * Reporting reads (dashboard, CSV exports, the audit and security logs, the stock ledger) on a
 * streaming replica when DATABASE_READ_URL is set, everything else on the primary.
 *
 * A read goes to the primary instead when it runs inside a transaction, when the caller wrote
 * within the read-your-writes window (recent-writers.ts), when the replica is down, not a
 * standby, or more than DATABASE_READ_MAX_LAG_SECONDS behind (probed every second against the
 * primary's WAL position, replica-freshness.ts), and when the replica fails the read itself
 * (the read is then run again on the primary and the replica left alone until the next probe).
 * Every decision is counted in `depot_db_reporting_reads_total{target,reason}`; the replica's
 * staleness is `depot_db_replica_staleness_seconds`.
 */
@Injectable()
export class ReadReplica implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReadReplica.name);
  private readonly url?: string;
  private replica?: DataSource;
  private state: ReplicaState = { usable: false, reason: 'replica_unavailable', detail: 'not probed yet' };
  private readonly freshness: ReplicaFreshness;
  private readonly maxLagMs: number;
  private readonly reads?: Counter<'target' | 'reason'>;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private probing?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly primary: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService<RequestContext>,
    private readonly recentWriters: RecentWriters,
    metrics: Metrics,
    workers: BackgroundWorkers,
  ) {
    // Workers serve no reports: they need neither the replica's pool nor its probe.
    this.url = config.role === 'worker' ? undefined : config.database.read.url;
    this.maxLagMs = config.database.read.maxLagSeconds * 1000;
    // Keep primary samples a little longer than the bound, so "too far behind" is still measured.
    this.freshness = new ReplicaFreshness(this.maxLagMs + 10 * REPLICA_PROBE_INTERVAL_MS);
    if (!this.url) return;
    this.reads = metrics.counter(
      'depot_db_reporting_reads_total',
      'Reporting reads (dashboard, exports, audit and ledger lists) by where they ran and why.',
      ['target', 'reason'],
    );
    metrics.gauge('depot_db_replica_usable', 'The read replica is used for reporting reads (1) or not (0).', [], () => [
      [{}, this.state.usable ? 1 : 0],
    ]);
    metrics.gauge(
      'depot_db_replica_staleness_seconds',
      'How far the read replica is behind the primary, as of its last probe (absent when unknown).',
      [],
      () => (this.state.stalenessMs === undefined ? [] : [[{}, this.state.stalenessMs / 1000]]),
    );
    metrics.gauge('depot_db_replica_pool_connections', 'Read replica pool connections by state.', ['state'], () => {
      const pool = (this.replica?.driver as unknown as { master?: PoolState } | undefined)?.master;
      if (!pool) return [];
      return [
        [{ state: 'total' }, pool.totalCount],
        [{ state: 'idle' }, pool.idleCount],
        [{ state: 'waiting' }, pool.waitingCount],
      ];
    });
    workers.register('read replica probe', () => this.stop());
  }

  /** True when DATABASE_READ_URL is set. */
  get configured(): boolean {
    return this.url !== undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.url) return;
    let timer: NodeJS.Timeout | undefined;
    // The first probe decides whether the first reports may use the replica; it must not hold
    // the start for long when the replica is away.
    await Promise.race([
      this.probe(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, FIRST_PROBE_WAIT_MS);
      }),
    ]);
    clearTimeout(timer);
    this.schedule();
  }

  /**
   * Runs a reporting read where it may run (see the class comment). `read` gets an
   * EntityManager on the replica or on the primary (the current transaction, if any); it may run
   * twice, so it must only read.
   */
  async run<T>(read: (db: EntityManager) => Promise<T>): Promise<T> {
    if (!this.url) return read(this.txHost.tx);
    const reason = await this.choose();
    if (reason !== 'replica' || !this.replica) {
      this.reads?.inc({ target: 'primary', reason });
      return read(this.txHost.tx);
    }
    try {
      const result = await read(this.replica.manager);
      this.reads?.inc({ target: 'replica', reason });
      return result;
    } catch (error) {
      if (!isReplicaFailure(error)) throw error;
      this.markFailed(error);
      this.reads?.inc({ target: 'primary', reason: 'replica_failed' });
      return read(this.txHost.tx);
    }
  }

  /** Closes the probe loop and the replica pool (shutdown, after HTTP has drained). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.probing?.catch(() => undefined);
    const replica = this.replica;
    this.replica = undefined;
    if (replica?.isInitialized) await replica.destroy().catch(() => undefined);
  }

  private async choose(): Promise<ReadReason> {
    if (this.txHost.isTransactionActive()) return 'in_transaction';
    if (!this.state.usable) return this.state.reason;
    const userId = this.cls.isActive() ? this.cls.get('principal')?.userId : undefined;
    if (userId && (await this.recentWriters.wroteRecently(userId))) return 'recent_write';
    return 'replica';
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.probing = this.probe().finally(() => this.schedule());
    }, REPLICA_PROBE_INTERVAL_MS);
    this.timer.unref();
  }

  /** Samples the primary's WAL position, then asks the replica how far it has replayed. */
  private async probe(): Promise<void> {
    const at = Date.now();
    try {
      const [primary] = await this.primary.query<{ lsn: string }[]>('SELECT pg_current_wal_insert_lsn()::text AS lsn');
      this.freshness.recordPrimary(at, parseLsn(primary.lsn));
    } catch {
      // The primary's own health is the readiness probe's business; keep the last verdict.
      return;
    }
    try {
      const replica = await this.replicaDataSource();
      const [row] = await replica.query<{ recovery: boolean; replay: string | null }[]>(
        'SELECT pg_is_in_recovery() AS recovery, pg_last_wal_replay_lsn()::text AS replay',
      );
      if (!row.recovery || row.replay === null) {
        this.update({ usable: false, reason: 'replica_unavailable', detail: 'the server is not a standby' });
        return;
      }
      const stalenessMs = this.freshness.stalenessMs(parseLsn(row.replay), Date.now());
      if (stalenessMs === undefined || stalenessMs > this.maxLagMs) {
        this.update({
          usable: false,
          reason: 'replica_lagging',
          detail: stalenessMs === undefined ? 'too far behind to measure' : `${stalenessMs} ms behind`,
          stalenessMs,
        });
        return;
      }
      this.update({ usable: true, stalenessMs });
    } catch (error) {
      this.markFailed(error);
    }
  }

  private markFailed(error: unknown): void {
    const detail = (error as { code?: string; message?: string }).code ?? (error as Error).message ?? 'failed';
    this.update({ usable: false, reason: 'replica_unavailable', detail });
  }

  /** Logs when the replica starts or stops being used. */
  private update(next: ReplicaState): void {
    const previous = this.state;
    this.state = next;
    if (next.usable && !previous.usable) {
      this.logger.log({ stalenessMs: next.stalenessMs }, 'reporting reads go to the read replica');
    } else if (!next.usable && (previous.usable || previous.reason !== next.reason)) {
      this.logger.warn(
        { reason: next.reason, detail: next.detail },
        'reporting reads go to the primary: the read replica is not usable',
      );
    }
  }

  /** The replica's pool, (re)created when it is not up: the replica may start after Depot. */
  private async replicaDataSource(): Promise<DataSource> {
    if (this.replica?.isInitialized) return this.replica;
    const base = dataSourceOptions({
      url: this.url!,
      poolMax: this.config.database.read.poolMax,
      ssl: this.config.database.ssl,
      applicationName: 'depot-read',
    }) as PostgresConnectionOptions;
    const replica = new DataSource({
      ...base,
      // Reports are plain SQL: no entity metadata, no migrations, nothing to install.
      entities: [],
      migrations: [],
      installExtensions: false,
      extra: { ...(base.extra as object), connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS },
    });
    await replica.initialize();
    if (this.stopped) {
      await replica.destroy();
      throw new Error('stopped');
    }
    this.replica = replica;
    return replica;
  }
}

interface PoolState {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}
