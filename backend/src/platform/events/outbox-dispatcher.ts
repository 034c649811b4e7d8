import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DomainEventEnvelope, DomainEventName } from '@depot/contracts';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DatabaseNotifications } from '../database/database-notifications';
import { isDatabaseUnavailable } from '../database/pg-errors';
import { BackgroundWorkers } from '../lifecycle/background-workers';
import { OutboxHandlers } from './outbox-handlers';

/** Channel the outbox notifies on commit, so the dispatcher wakes up without waiting a poll. */
export const OUTBOX_CHANNEL = 'depot_outbox';
/** One dispatcher at a time across all instances: events leave in commit order, once. */
const DISPATCH_LOCK_KEY = 0x44_45_50_4f; // "DEPO"
const BATCH_SIZE = 200;

interface OutboxRow {
  id: string;
  type: DomainEventName;
  aggregate_type: string;
  aggregate_id: string;
  occurred_at: Date;
  payload: Record<string, unknown>;
}

/**
 * Delivers committed outbox events to the registered handlers, in `position` order, at least
 * once. A transaction-scoped advisory lock makes concurrent dispatchers (several replicas)
 * take turns instead of delivering the same rows twice.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private wakeRequested = false;
  private stopped = false;
  private failures = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: OutboxHandlers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: DatabaseNotifications,
    workers: BackgroundWorkers,
  ) {
    workers.register('outbox dispatcher', () => this.stop());
  }

  onApplicationBootstrap(): void {
    if (!this.config.outbox.dispatchEnabled) return;
    // NOTIFY on commit wakes the dispatcher at once; polling covers missed notifications.
    this.notifications.subscribe(OUTBOX_CHANNEL, () => this.schedule(0));
    this.notifications.onReconnect(() => this.schedule(0));
    this.schedule(0);
  }

  /** Stops taking new batches and waits for the one in progress (shutdown, before the pool closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Runs one dispatch pass now; returns how many events were delivered. Used by tests too. */
  async dispatchOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query<[{ locked: boolean }]>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [DISPATCH_LOCK_KEY],
      );
      if (!locked) return 0;
      const rows = await manager.query<OutboxRow[]>(
        `SELECT id, type, aggregate_type, aggregate_id, occurred_at, payload
           FROM outbox_events WHERE dispatched_at IS NULL ORDER BY position LIMIT $1`,
        [BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      const events: DomainEventEnvelope[] = rows.map((row) => ({
        id: row.id,
        type: row.type,
        aggregateType: row.aggregate_type,
        aggregateId: row.aggregate_id,
        occurredAt: row.occurred_at.toISOString(),
        payload: row.payload,
      }));
      for (const handler of this.handlers.all()) {
        await handler.handle(events, manager);
      }
      await manager.query(
        `UPDATE outbox_events SET dispatched_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])`,
        [events.map((event) => event.id)],
      );
      return events.length;
    });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    let delivered = 0;
    this.running = (async () => {
      try {
        delivered = await this.dispatchOnce();
        this.failures = 0;
      } catch (error) {
        this.failures++;
        if (isDatabaseUnavailable(error)) {
          this.logger.warn({ failures: this.failures }, 'outbox dispatch waiting for the database');
        } else {
          this.logger.error({ err: error, failures: this.failures }, 'outbox dispatch failed; will retry');
        }
      }
    })();
    await this.running;
    this.running = undefined;
    // A full batch or a wake-up during the pass: go again at once; failures back off up to 30 s.
    const again = delivered >= BATCH_SIZE || this.wakeRequested;
    this.wakeRequested = false;
    const backoff = Math.min(30_000, this.config.outbox.pollIntervalMs * 2 ** this.failures);
    this.schedule(this.failures > 0 ? backoff : again ? 0 : this.config.outbox.pollIntervalMs);
  }
}
