import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** How often the read replica is probed (read-replica.ts); part of the read-your-writes window. */
export const REPLICA_PROBE_INTERVAL_MS = 1_000;

/** Entries kept in memory before expired ones are swept. */
const SWEEP_AT = 10_000;

/**
 * Who wrote recently, so their reporting reads go to the primary (read-your-writes). A write is
 * remembered for DATABASE_READ_MAX_LAG_SECONDS plus two probe intervals: the replica is only
 * read while its last probe (at most one interval old, and taking at most another) found it at
 * most that far behind, so once the window has passed the replica holds the write. Kept in
 * process memory and, with REDIS_URL, in Redis too, so a write through one instance sends the
 * same user's reads on every instance to the primary. When Redis cannot answer, the user counts
 * as a recent writer: the primary is never wrong.
 */
@Injectable()
export class RecentWriters implements OnModuleDestroy {
  private readonly logger = new Logger(RecentWriters.name);
  private readonly local = new Map<string, number>();
  private readonly redis?: Redis;
  private readonly keyPrefix: string;
  readonly windowMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.windowMs = Math.ceil(config.database.read.maxLagSeconds * 1000) + 2 * REPLICA_PROBE_INTERVAL_MS;
    this.keyPrefix = `${config.rateLimits.keyPrefix}:recent-write:`;
    if (config.database.read.url && config.redisUrl) {
      this.redis = new Redis(config.redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: 500,
      });
      this.redis.on('error', (error) => this.logger.warn({ err: error }, 'read-your-writes store unavailable'));
    }
  }

  /** Remembers that this user just wrote; resolves once every instance would know. */
  async remember(userId: string, now = Date.now()): Promise<void> {
    if (this.local.size >= SWEEP_AT) this.sweep(now);
    this.local.set(userId, now + this.windowMs);
    if (!this.redis) return;
    try {
      await this.redis.set(this.keyPrefix + userId, '1', 'PX', this.windowMs);
    } catch (error) {
      // Other instances may read this user's reports from the replica until it catches up.
      this.logger.warn({ err: error }, 'could not share a recent write');
    }
  }

  /** True while this user's last write may not have reached the replica. */
  async wroteRecently(userId: string, now = Date.now()): Promise<boolean> {
    const until = this.local.get(userId);
    if (until !== undefined) {
      if (until > now) return true;
      this.local.delete(userId);
    }
    if (!this.redis) return false;
    try {
      return (await this.redis.exists(this.keyPrefix + userId)) === 1;
    } catch {
      return true;
    }
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }

  private sweep(now: number): void {
    for (const [userId, until] of this.local) if (until <= now) this.local.delete(userId);
  }
}
