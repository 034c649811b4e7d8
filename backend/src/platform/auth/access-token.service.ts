import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { sign, verify } from 'jsonwebtoken';
import type { AccessTokenClaims } from './principal';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export const ACCESS_TOKEN_ALGORITHM = 'HS256';

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const whole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/**
 * The claims every Depot access token has. jsonwebtoken checks `exp` only when present and
 * `iss`/`aud` by value, so a correctly signed token without an expiry would live forever:
 * every claim is required here, on HTTP and WebSocket alike.
 */
export function isAccessClaims(payload: unknown): payload is AccessTokenClaims {
  if (typeof payload !== 'object' || payload === null) return false;
  const claims = payload as Partial<Record<keyof AccessTokenClaims, unknown>>;
  return (
    claims.typ === 'access' &&
    nonEmpty(claims.sub) &&
    nonEmpty(claims.sid) &&
    nonEmpty(claims.iss) &&
    nonEmpty(claims.aud) &&
    whole(claims.iat) &&
    whole(claims.exp) &&
    claims.exp > claims.iat
  );
}

/** Issues short-lived access JWTs. A KeyObject keeps jsonwebtoken off its slow key-parsing path. */
@Injectable()
export class AccessTokenService {
  readonly key: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8'));
  }

  get ttlSeconds(): number {
    return this.config.auth.accessTokenTtlSeconds;
  }

  /**
   * Verifies a token outside HTTP (WebSocket handshakes) with the same rules as the JWT
   * strategy: HS256 only, issuer, audience, expiry and token type. Null when invalid.
   */
  verify(token: string): AccessTokenClaims | null {
    try {
      const claims: unknown = verify(token, this.key, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
        clockTolerance: 5,
        maxAge: `${this.config.auth.accessTokenTtlSeconds + 5}s`,
      });
      return isAccessClaims(claims) ? claims : null;
    } catch {
      return null;
    }
  }

  issue(userId: string, sessionId: string): string {
    return sign({ sid: sessionId, typ: 'access' }, this.key, {
      algorithm: ACCESS_TOKEN_ALGORITHM,
      subject: userId,
      issuer: this.config.auth.issuer,
      audience: this.config.auth.audience,
      expiresIn: this.config.auth.accessTokenTtlSeconds,
    });
  }
}
