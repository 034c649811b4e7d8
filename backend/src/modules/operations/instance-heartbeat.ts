import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HEARTBEAT_INTERVAL_SECONDS } from '@depot/contracts';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { BackgroundWorkers } from '../../platform/lifecycle/background-workers';
import { INSTANCE } from '../../platform/lifecycle/instance';

/** Rows of processes not seen for this long are deleted (by any live process's heartbeat). */
const PRUNE_AFTER = '1 day';

/**
 * Every Depot process (web, worker or all-in-one) upserts its row in `instance_heartbeats` at
 * start and every 15 s, so the operations page can list the replicas seen in the last minute.
 * A failed beat (database away) is logged at debug and retried at the next tick.
 */
@Injectable()
export class InstanceHeartbeat implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(InstanceHeartbeat.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    workers: BackgroundWorkers,
  ) {
    workers.register('instance heartbeat', () => this.stop());
  }

  onApplicationBootstrap(): void {
    this.running = this.beat();
    this.timer = setInterval(() => {
      this.running = this.beat();
    }, HEARTBEAT_INTERVAL_SECONDS * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Writes this process's heartbeat now and prunes long-gone ones. Never throws. */
  async beat(): Promise<void> {
    try {
      await this.dataSource.query(
        `INSERT INTO instance_heartbeats (instance_id, role, hostname, pid, version, started_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (instance_id) DO UPDATE SET last_seen_at = now(), role = EXCLUDED.role`,
        [
          INSTANCE.id,
          this.config.role,
          INSTANCE.hostname.slice(0, 255),
          INSTANCE.pid,
          INSTANCE.version,
          INSTANCE.startedAt,
        ],
      );
      await this.dataSource.query(
        `DELETE FROM instance_heartbeats WHERE last_seen_at < now() - interval '${PRUNE_AFTER}'`,
      );
    } catch (error) {
      this.logger.debug({ reason: (error as Error).message }, 'heartbeat not written');
    }
  }
}
