import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TooManyRequestsError } from '../http/app-error';

export type RateLimitBucket = 'auth-ip' | 'login-account';

/**
 * Counters for abuse protection, shared by all replicas through Redis when REDIS_URL is set
 * and kept in process memory otherwise. `auth-ip` counts every request to the sign-in,
 * refresh, reset and MFA endpoints per client IP; `login-account` counts failed sign-ins
 * per e-mail address.
 */
@Injectable()
export class RateLimits implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimits.name);
  private readonly limiters: Record<RateLimitBucket, RateLimiterAbstract>;
  private readonly redis?: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const limits = config.rateLimits;
    const definitions: Record<RateLimitBucket, { points: number; duration: number }> = {
      'auth-ip': { points: limits.authIpMaxRequests, duration: limits.authIpWindowSeconds },
      'login-account': { points: limits.loginMaxFailures, duration: limits.loginFailureWindowSeconds },
    };
    if (config.redisUrl) {
      this.redis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      this.redis.on('error', (error) => this.logger.warn({ err: error }, 'rate limit store unavailable'));
    }
    const make = (bucket: RateLimitBucket): RateLimiterAbstract => {
      const options = { keyPrefix: `depot:rl:${bucket}`, ...definitions[bucket] };
      // If Redis is down, fall back to this process's own counters rather than failing open.
      return this.redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: this.redis,
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterMemory(options);
    };
    this.limiters = { 'auth-ip': make('auth-ip'), 'login-account': make('login-account') };
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }

  /** Counts one hit; throws 429 with Retry-After when the bucket is exhausted. */
  async consume(bucket: RateLimitBucket, key: string): Promise<void> {
    try {
      await this.limiters[bucket].consume(key.toLowerCase());
    } catch (error) {
      if (error instanceof RateLimiterRes)
        throw new TooManyRequestsError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
      throw error;
    }
  }

  /** Throws 429 when the bucket is already exhausted, without counting. */
  async assertNotBlocked(bucket: RateLimitBucket, key: string): Promise<void> {
    const limiter = this.limiters[bucket];
    const state = await limiter.get(key.toLowerCase());
    if (state && state.consumedPoints >= limiter.points) {
      throw new TooManyRequestsError(Math.max(1, Math.ceil(state.msBeforeNext / 1000)));
    }
  }

  async reset(bucket: RateLimitBucket, key: string): Promise<void> {
    await this.limiters[bucket].delete(key.toLowerCase());
  }
}
