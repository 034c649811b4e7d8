import type { FastifyReply } from 'fastify';

/**
 * Rate-limit response headers as in draft-ietf-httpapi-ratelimit-headers-09: both fields are
 * Structured Field Lists (RFC 9651) of Items, one per quota policy that applied to the request;
 * the item is the policy name as an sf-string.
 *
 *   RateLimit-Policy: "default";q=1200;w=60   (quota q requests per window of w seconds)
 *   RateLimit: "default";r=1187;t=42          (r requests left, the window resets in t seconds)
 */
export const RATE_LIMIT_HEADER = 'ratelimit';
export const RATE_LIMIT_POLICY_HEADER = 'ratelimit-policy';

export interface RateLimitPolicy {
  /** Policy name, letters, digits and `-` only (no escaping needed inside the sf-string). */
  name: string;
  /** Requests allowed per window. */
  quota: number;
  windowSeconds: number;
}

/** `"default";q=1200;w=60` */
export function formatPolicy(policy: RateLimitPolicy): string {
  return `"${policy.name}";q=${policy.quota};w=${policy.windowSeconds}`;
}

/** Whole seconds until a window resets: rounded up, so a client waiting that long finds it reset. */
export function secondsUntil(msBeforeReset: number): number {
  return Math.max(0, Math.ceil(msBeforeReset / 1000));
}

/** `"default";r=1187;t=42` */
export function formatState(name: string, remaining: number, msBeforeReset: number): string {
  return `"${name}";r=${Math.max(0, remaining)};t=${secondsUntil(msBeforeReset)}`;
}

/**
 * Sets both headers, or adds this policy's items to them when another policy already set them
 * (MFA enrolment routes count against the caller's budget and the per-address one).
 */
export function setRateLimitHeaders(reply: FastifyReply, policyItem: string, stateItem: string): void {
  const policies = reply.getHeader(RATE_LIMIT_POLICY_HEADER);
  const states = reply.getHeader(RATE_LIMIT_HEADER);
  void reply.header(RATE_LIMIT_POLICY_HEADER, policies ? `${String(policies)}, ${policyItem}` : policyItem);
  void reply.header(RATE_LIMIT_HEADER, states ? `${String(states)}, ${stateItem}` : stateItem);
}
