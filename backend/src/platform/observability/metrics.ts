import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

type Labels = Record<string, string>;

/** A gauge whose values are read when Prometheus scrapes (queue depths, pool state). */
export type GaugeReader = () => Promise<Array<[Labels, number]>> | Array<[Labels, number]>;

/** How long a scrape-time reading may take before it is skipped (the scrape must stay cheap). */
const READ_TIMEOUT_MS = 2_000;

/**
 * Depot's Prometheus metrics (`GET /api/metrics`). Platform metrics are defined here; modules
 * add theirs through `counter()` and `gauge()` (logins, webhook deliveries, mail queue,
 * realtime connections) so the platform never reads a module's tables.
 */
@Injectable()
export class Metrics implements OnModuleInit {
  readonly registry = new Registry();
  private readonly logger = new Logger(Metrics.name);

  readonly httpRequests = new Histogram({
    name: 'depot_http_request_duration_seconds',
    help: 'HTTP requests by route template, method and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly queries = new Histogram({
    name: 'depot_db_query_duration_seconds',
    help: 'SQL statements run through TypeORM, by outcome.',
    labelNames: ['outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [this.registry],
  });

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry, prefix: 'depot_' });
  }

  onModuleInit(): void {
    // TypeORM tells subscribers about every statement with its execution time.
    this.dataSource.subscribers.push({
      afterQuery: (event: { success: boolean; executionTime?: number }) => {
        if (event.executionTime !== undefined) {
          this.queries.observe({ outcome: event.success ? 'ok' : 'error' }, event.executionTime / 1000);
        }
      },
    });
    this.gauge('depot_db_pool_connections', 'Database pool connections by state.', ['state'], () => {
      const pool = (this.dataSource.driver as unknown as { master?: PoolState }).master;
      if (!pool) return [];
      return [
        [{ state: 'total' }, pool.totalCount],
        [{ state: 'idle' }, pool.idleCount],
        [{ state: 'waiting' }, pool.waitingCount],
      ];
    });
    this.gauge(
      'depot_outbox_backlog',
      'Committed domain events not yet dispatched (count) and the age of the oldest (seconds).',
      ['measure'],
      async () => {
        const [row] = await this.dataSource.query<{ count: number; lag: number | null }[]>(
          `SELECT count(*)::int AS count, extract(epoch FROM now() - min(occurred_at))::float AS lag
             FROM outbox_events WHERE dispatched_at IS NULL`,
        );
        return [
          [{ measure: 'events' }, row.count],
          [{ measure: 'lag_seconds' }, row.lag ?? 0],
        ];
      },
    );
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** A gauge read at scrape time; a reading that fails or is slow is skipped, not fatal. */
  gauge(name: string, help: string, labelNames: string[], read: GaugeReader): Gauge<string> {
    const logger = this.logger;
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        let timer: NodeJS.Timeout | undefined;
        try {
          const values = await Promise.race([
            Promise.resolve(read()),
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(new Error('timeout')), READ_TIMEOUT_MS);
            }),
          ]);
          for (const [labels, value] of values) this.set(labels, value);
        } catch (error) {
          logger.debug({ metric: name, reason: (error as Error).message }, 'metric reading skipped');
        } finally {
          clearTimeout(timer);
        }
      },
    });
  }
}

interface PoolState {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}
