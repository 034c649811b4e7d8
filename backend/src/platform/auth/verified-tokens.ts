import type { AccessTokenClaims } from './principal';

/** Tokens remembered at most; a full cache starts over (a token is only ever re-verified). */
export const VERIFIED_TOKENS_MAX = 10_000;

/**
 * Access tokens whose signature, issuer, audience and algorithm were verified, until they expire.
 * A client sends the same token with every request for its lifetime (minutes): verifying the
 * HMAC and the claims once is enough, since the same string always verifies the same way. Only
 * the time-dependent checks are repeated (on each hit, against `exp` and the maximum age).
 * Revocation is not a property of the token: sessions, users and keys are checked after this
 * (PrincipalResolver), on every request, as before.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { claims: AccessTokenClaims; validUntilMs: number }>();

  constructor(private readonly maxAgeSeconds: number) {}

  /** The claims of a token verified before and still within its lifetime, or undefined. */
  get(token: string, nowMs = Date.now()): AccessTokenClaims | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (nowMs < entry.validUntilMs) return entry.claims;
    this.entries.delete(token);
    return undefined;
  }

  /** Remembers a token jsonwebtoken has just verified. */
  remember(token: string, claims: AccessTokenClaims): void {
    if (this.entries.size >= VERIFIED_TOKENS_MAX) this.entries.clear();
    const validUntilMs = Math.min(claims.exp, claims.iat + this.maxAgeSeconds) * 1000;
    this.entries.set(token, { claims, validUntilMs });
  }
}
