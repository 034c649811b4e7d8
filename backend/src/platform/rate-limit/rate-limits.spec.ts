import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../config/app-config';
import { TooManyRequestsError } from '../http/app-error';
import { RateLimits } from './rate-limits';

function fakeReply(): FastifyReply & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  const reply = {
    headers,
    getHeader: (name: string) => headers[name],
    header(name: string, value: string) {
      headers[name] = value;
      return reply;
    },
  };
  return reply as unknown as FastifyReply & { headers: Record<string, string> };
}

const config = {
  redisUrl: undefined,
  rateLimits: {
    loginMaxFailures: 5,
    loginFailureWindowSeconds: 900,
    authIpMaxRequests: 120,
    authIpWindowSeconds: 60,
    apiMaxRequests: 3,
    apiBulkMaxRequests: 1,
    apiWindowSeconds: 60,
    keyPrefix: 'depot:rl',
  },
} as AppConfig;

describe('RateLimits (in memory)', () => {
  let limits: RateLimits;
  beforeEach(() => {
    limits = new RateLimits(config);
  });

  it('counts down in the RateLimit header, then refuses with 429 and Retry-After', async () => {
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const reply = fakeReply();
      await limits.limit('api', 'user:a', reply);
      expect(reply.headers['ratelimit-policy']).toBe('"default";q=3;w=60');
      seen.push(reply.headers.ratelimit);
    }
    expect(seen).toEqual(['"default";r=2;t=60', '"default";r=1;t=60', '"default";r=0;t=60']);

    const reply = fakeReply();
    const refused = await limits.limit('api', 'user:a', reply).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect((refused as TooManyRequestsError).retryAfterSeconds).toBe(60);
    expect((refused as TooManyRequestsError).detail).toMatch(/"default" reached \(3 requests per 60 s\)/);
    expect(reply.headers.ratelimit).toBe('"default";r=0;t=60');
  });

  it('keeps separate budgets per key and per policy', async () => {
    for (let i = 0; i < 3; i++) await limits.limit('api', 'user:a', fakeReply());
    await expect(limits.limit('api', 'user:a', fakeReply())).rejects.toBeInstanceOf(TooManyRequestsError);

    const other = fakeReply();
    await limits.limit('api', 'key:b', other);
    expect(other.headers.ratelimit).toBe('"default";r=2;t=60');

    // A bulk request of the exhausted user spends the bulk budget, not the default one.
    const bulk = fakeReply();
    await limits.limit('api-bulk', 'user:a', bulk);
    expect(bulk.headers['ratelimit-policy']).toBe('"bulk";q=1;w=60');
    expect(bulk.headers.ratelimit).toBe('"bulk";r=0;t=60');
    await expect(limits.limit('api-bulk', 'user:a', fakeReply())).rejects.toBeInstanceOf(TooManyRequestsError);
  });

  it('announces the per-address policy of the sign-in endpoints', async () => {
    const reply = fakeReply();
    await limits.limit('auth-ip', '127.0.0.1', reply);
    expect(reply.headers['ratelimit-policy']).toBe('"auth-ip";q=120;w=60');
    expect(reply.headers.ratelimit).toBe('"auth-ip";r=119;t=60');
  });
});
