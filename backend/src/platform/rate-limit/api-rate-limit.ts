import type { Principal } from '../auth/principal';
import type { LimitedBucket } from './rate-limits';

/** Metadata key: the budget an authenticated route counts against (`@Authenticated({ rateLimit })`). */
export const API_RATE_LIMIT_POLICY = 'depot:apiRateLimitPolicy';

/**
 * `default`: every authenticated operation. `bulk`: CSV imports and exports, which count against
 * their own, lower budget instead (one counter per request either way).
 */
export type ApiRateLimitPolicy = 'default' | 'bulk';

export function bucketOf(policy: ApiRateLimitPolicy | undefined): LimitedBucket {
  return policy === 'bulk' ? 'api-bulk' : 'api';
}

/**
 * Whose budget a request spends: an API key's own (not its owner's, so an integration cannot
 * starve the person who created it, nor the reverse); a signed-in user's across all their sessions.
 */
export function rateLimitKeyOf(principal: Pick<Principal, 'kind' | 'userId' | 'apiKeyId'>): string {
  return principal.kind === 'api_key' && principal.apiKeyId ? `key:${principal.apiKeyId}` : `user:${principal.userId}`;
}
