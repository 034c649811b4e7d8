import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { sign, verify } from 'jsonwebtoken';
import type { AccessTokenClaims } from './principal';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export const ACCESS_TOKEN_ALGORITHM = 'HS256';

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
      const claims = verify(token, this.key, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
        clockTolerance: 5,
      }) as Partial<AccessTokenClaims>;
      if (claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return null;
      return claims as AccessTokenClaims;
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
