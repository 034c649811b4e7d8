import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ACCESS_TOKEN_ALGORITHM, AccessTokenService, isAccessClaims } from './access-token.service';
import { PrincipalResolver, type Principal } from './principal';
import { VerifiedTokens } from './verified-tokens';

const bearerOf = ExtractJwt.fromAuthHeaderAsBearerToken();
type PassportRequest = Parameters<Strategy['authenticate']>[0];

/** What passport gives a strategy for one attempt. */
interface Attempt {
  success(user: Principal): void;
  fail(challenge?: unknown): void;
  error(error: unknown): void;
}

/**
 * Verifies the bearer JWT: HS256 only (so `alg: none` and key confusion fail), issuer,
 * audience and expiry checked by jsonwebtoken; token type and session checked here. A token
 * verified once is not verified again while it is valid (verified-tokens.ts); the principal
 * behind it is resolved on every request.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly verified: VerifiedTokens;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    tokens: AccessTokenService,
    private readonly resolver: PrincipalResolver,
  ) {
    super({
      jwtFromRequest: bearerOf,
      secretOrKey: tokens.key as unknown as string,
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      ignoreExpiration: false,
      jsonWebTokenOptions: { clockTolerance: 5, maxAge: `${config.auth.accessTokenTtlSeconds + 5}s` },
      passReqToCallback: true,
    });
    this.verified = new VerifiedTokens(config.auth.accessTokenTtlSeconds + 5);
  }

  override authenticate(request: PassportRequest, options?: object): void {
    const token = bearerOf(request);
    const claims = token ? this.verified.get(token) : undefined;
    if (!claims) {
      super.authenticate(request, options);
      return;
    }
    // Passport calls this on a per-attempt copy of the strategy carrying these callbacks.
    const attempt = this as unknown as Attempt;
    this.resolver.resolve(claims).then(
      (principal) => (principal ? attempt.success(principal) : attempt.fail()),
      (error: unknown) => attempt.error(error),
    );
  }

  /** Called by passport-jwt after jsonwebtoken verified the token. */
  async validate(request: PassportRequest, payload: unknown): Promise<Principal | false> {
    if (!isAccessClaims(payload)) return false;
    const token = bearerOf(request);
    if (token) this.verified.remember(token, payload);
    return (await this.resolver.resolve(payload)) ?? false;
  }
}
