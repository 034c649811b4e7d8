import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TooManyRequestsError } from '../http/app-error';
import {
  formatPolicy,
  formatState,
  secondsUntil,
  setRateLimitHeaders,
  type RateLimitPolicy,
} from './rate-limit-headers';

export type RateLimitBucket = 'auth-ip' | 'login-account' | 'api' | 'api-bulk';

/** Buckets whose every request is counted and answered with `RateLimit` headers, by header policy name. */
const POLICY_NAMES = { 'auth-ip': 'auth-ip', api: 'default', 'api-bulk': 'bulk' } as const;
export type LimitedBucket = keyof typeof POLICY_NAMES;

interface Announced {
  policy: RateLimitPolicy;
  /** `formatPolicy(policy)`, built once. */
  policyItem: string;
}

/**
 * Counters for abuse protection and fair use, shared by all replicas through Redis when
 * REDIS_URL is set and kept in process memory otherwise. `auth-ip` counts every request to the
 * sign-in, refresh, reset and MFA endpoints per client IP; `login-account` counts failed
 * sign-ins per e-mail address; `api` and `api-bulk` count every authenticated request per user
 * or API key (`api-bulk`: CSV imports and exports, instead of `api`).
 */
@Injectable()
export class RateLimits implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimits.name);
  private readonly limiters: Record<RateLimitBucket, RateLimiterAbstract>;
  private readonly announced: Record<LimitedBucket, Announced>;
  private readonly redis?: Redis;

  /** The shared counters' store, for the operations page: not configured, or its PING round trip. */
  async pingStore(): Promise<{ status: 'ok' | 'failing' | 'not_configured'; latencyMs: number | null }> {
    if (!this.redis) return { status: 'not_configured', latencyMs: null };
    const started = process.hrtime.bigint();
    try {
      await this.redis.ping();
      return { status: 'ok', latencyMs: Number(process.hrtime.bigint() - started) / 1e6 };
    } catch {
      return { status: 'failing', latencyMs: null };
    }
  }

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const limits = config.rateLimits;
    const definitions: Record<RateLimitBucket, { points: number; duration: number }> = {
      'auth-ip': { points: limits.authIpMaxRequests, duration: limits.authIpWindowSeconds },
      'login-account': { points: limits.loginMaxFailures, duration: limits.loginFailureWindowSeconds },
      api: { points: limits.apiMaxRequests, duration: limits.apiWindowSeconds },
      'api-bulk': { points: limits.apiBulkMaxRequests, duration: limits.apiWindowSeconds },
    };
    if (config.redisUrl) {
      this.redis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      this.redis.on('error', (error) => this.logger.warn({ err: error }, 'rate limit store unavailable'));
    }
    const make = (bucket: RateLimitBucket): RateLimiterAbstract => {
      const { points, duration } = definitions[bucket];
      const options = { keyPrefix: `${limits.keyPrefix}:${bucket}`, points, duration };
      // If Redis is down, fall back to this process's own counters rather than failing open.
      return this.redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: this.redis,
            insuranceLimiter: new RateLimiterMemory(options),
            // Once a caller's budget is spent, refuse the rest of its window from memory, without
            // a Redis round trip per refused request (never for login-account, whose count is reset).
            ...(bucket === 'api' || bucket === 'api-bulk' ? { inMemoryBlockOnConsumed: points } : {}),
          })
        : new RateLimiterMemory(options);
    };
    this.limiters = {
      'auth-ip': make('auth-ip'),
      'login-account': make('login-account'),
      api: make('api'),
      'api-bulk': make('api-bulk'),
    };
    const announce = (bucket: LimitedBucket): Announced => {
      const policy = {
        name: POLICY_NAMES[bucket],
        quota: definitions[bucket].points,
        windowSeconds: definitions[bucket].duration,
      };
      return { policy, policyItem: formatPolicy(policy) };
    };
    this.announced = { 'auth-ip': announce('auth-ip'), api: announce('api'), 'api-bulk': announce('api-bulk') };
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }

  /**
   * Counts one request against `key` (one store operation), sets the `RateLimit` and
   * `RateLimit-Policy` headers, and throws 429 with Retry-After when the budget is spent.
   */
  async limit(bucket: LimitedBucket, key: string, reply: FastifyReply): Promise<void> {
    const { policy, policyItem } = this.announced[bucket];
    let result: RateLimiterRes;
    let allowed = true;
    try {
      result = await this.limiters[bucket].consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      result = error;
      allowed = false;
    }
    setRateLimitHeaders(reply, policyItem, formatState(policy.name, result.remainingPoints, result.msBeforeNext));
    if (!allowed) {
      const retryAfter = retryAfterSeconds(result.msBeforeNext);
      throw new TooManyRequestsError(
        retryAfter,
        `Rate limit "${policy.name}" reached (${policy.quota} requests per ${policy.windowSeconds} s); ` +
          `retry after ${retryAfter} s.`,
      );
    }
  }

  /** Counts one hit; throws 429 with Retry-After when the bucket is exhausted. */
  async consume(bucket: RateLimitBucket, key: string): Promise<void> {
    try {
      await this.limiters[bucket].consume(key.toLowerCase());
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new TooManyRequestsError(retryAfterSeconds(error.msBeforeNext));
      throw error;
    }
  }

  /** Throws 429 when the bucket is already exhausted, without counting. */
  async assertNotBlocked(bucket: RateLimitBucket, key: string): Promise<void> {
    const limiter = this.limiters[bucket];
    const state = await limiter.get(key.toLowerCase());
    if (state && state.consumedPoints >= limiter.points) {
      throw new TooManyRequestsError(retryAfterSeconds(state.msBeforeNext));
    }
  }

  async reset(bucket: RateLimitBucket, key: string): Promise<void> {
    await this.limiters[bucket].delete(key.toLowerCase());
  }
}

function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, secondsUntil(msBeforeNext));
}
