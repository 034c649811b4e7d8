import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ACCESS_TOKEN_ALGORITHM, AccessTokenService, isAccessClaims } from './access-token.service';
import { PrincipalResolver, type Principal } from './principal';

/**
 * Verifies the bearer JWT: HS256 only (so `alg: none` and key confusion fail), issuer,
 * audience and expiry checked by jsonwebtoken; token type and session checked here.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    tokens: AccessTokenService,
    private readonly resolver: PrincipalResolver,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: tokens.key as unknown as string,
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      ignoreExpiration: false,
      jsonWebTokenOptions: { clockTolerance: 5, maxAge: `${config.auth.accessTokenTtlSeconds + 5}s` },
    });
  }

  async validate(payload: unknown): Promise<Principal | false> {
    if (!isAccessClaims(payload)) return false;
    return (await this.resolver.resolve(payload)) ?? false;
  }
}
