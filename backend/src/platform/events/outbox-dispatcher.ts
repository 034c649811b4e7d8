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
import { BackgroundWorkers } from '../lifecycle/background-workers';
import { depotTracer, linksFromTraceparents } from '../observability/tracing-context';
import { PollingLoop } from './polling-loop';
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
  payload: object;
  traceparent: string | null;
}

/**
 * Delivers committed outbox events to the registered handlers, in `position` order, at least
 * once. A transaction-scoped advisory lock makes concurrent dispatchers (several replicas)
 * take turns instead of delivering the same rows twice.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private readonly loop: PollingLoop;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: OutboxHandlers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: DatabaseNotifications,
    workers: BackgroundWorkers,
  ) {
    workers.register('outbox dispatcher', () => this.stop());
    this.loop = new PollingLoop({
      name: 'outbox dispatch',
      pass: () => this.dispatchOnce(),
      batchSize: BATCH_SIZE,
      intervalMs: config.outbox.pollIntervalMs,
      logger: this.logger,
    });
  }

  onApplicationBootstrap(): void {
    if (!this.config.outbox.dispatchEnabled) return;
    // NOTIFY on commit wakes the dispatcher at once; polling covers missed notifications.
    this.notifications.subscribe(OUTBOX_CHANNEL, () => this.loop.wake());
    this.notifications.onReconnect(() => this.loop.wake());
    this.loop.start();
  }

  /** Stops taking new batches and waits for the one in progress (shutdown, before the pool closes). */
  stop(): Promise<void> {
    return this.loop.stop();
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
        `SELECT id, type, aggregate_type, aggregate_id, occurred_at, payload, traceparent
           FROM outbox_events WHERE dispatched_at IS NULL ORDER BY position LIMIT $1`,
        [BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      // Rows were written by OutboxService.record(), whose argument is checked against the contract.
      const events = rows.map((row) => ({
        id: row.id,
        type: row.type,
        aggregateType: row.aggregate_type,
        aggregateId: row.aggregate_id,
        occurredAt: row.occurred_at.toISOString(),
        payload: row.payload,
      })) as DomainEventEnvelope[];
      // One span per batch, linked to the requests that wrote its events (no-op with tracing off).
      const links = linksFromTraceparents(rows.map((row) => row.traceparent));
      return depotTracer().startActiveSpan(
        'outbox dispatch',
        { links, attributes: { 'depot.outbox.events': events.length } },
        async (span) => {
          try {
            for (const handler of this.handlers.all()) {
              await handler.handle(events, manager);
            }
            await manager.query(
              `UPDATE outbox_events SET dispatched_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])`,
              [events.map((event) => event.id)],
            );
            return events.length;
          } finally {
            span.end();
          }
        },
      );
    });
  }
}
