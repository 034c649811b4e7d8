import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClsService } from 'nestjs-cls';
import { ErrorCode, type Permission } from '@depot/contracts';
import { AppError } from '../http/app-error';
import type { RequestContext } from '../context/request-context';
import { API_RATE_LIMIT_POLICY, bucketOf, rateLimitKeyOf, type ApiRateLimitPolicy } from '../rate-limit/api-rate-limit';
import { RateLimits } from '../rate-limit/rate-limits';
import { ALLOW_WITHOUT_MFA, IS_PUBLIC, REQUIRED_PERMISSION } from './auth.decorators';
import { API_KEY_PREFIX, ApiKeyResolver, type Principal } from './principal';

/**
 * An API key from `Authorization: Bearer dpk_...` or `X-API-Key`. The Authorization header
 * wins when both are sent (clients generated from the OpenAPI document may send both).
 */
function apiKeyOf(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization) {
    return authorization.startsWith(`Bearer ${API_KEY_PREFIX}`) ? authorization.slice('Bearer '.length) : undefined;
  }
  const header = request.headers['x-api-key'];
  return typeof header === 'string' && header.length > 0 ? header : undefined;
}

/**
 * Global guard: authenticates every non-public route with the
 * bearer JWT or an API key, counts the request against the caller's rate limit and checks the
 * route's required permission.
 */
/** What a route asks of its callers, read from its decorators. */
interface RouteAccess {
  isPublic: boolean;
  rateLimitPolicy: ApiRateLimitPolicy | undefined;
  allowWithoutMfa: boolean;
  permission: Permission | undefined;
}

@Injectable()
export class AuthenticationGuard extends AuthGuard('jwt') {
  /**
   * Per controller class and handler (a handler inherited by two controllers may differ by their
   * class decorators): metadata never changes after start, so it is read once per route.
   */
  private readonly routes = new WeakMap<object, WeakMap<object, RouteAccess>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly cls: ClsService<RequestContext>,
    private readonly apiKeys: ApiKeyResolver,
    private readonly rateLimits: RateLimits,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Principal }>();
    const route = this.accessOf(context);
    if (route.isPublic) return true;

    const apiKey = apiKeyOf(request);
    if (apiKey) {
      request.user = (await this.apiKeys.resolve(apiKey)) ?? undefined;
    } else {
      await (super.canActivate(context) as Promise<boolean>);
    }
    const principal = request.user;
    if (!principal) throw this.unauthenticated();
    if (this.cls.isActive()) this.cls.set('principal', principal);

    // Here because it needs the principal: one counter per authenticated request, refused ones
    // (403) included. Public routes (health, sign-in) never get here; sign-in has its per-IP limit.
    await this.rateLimits.limit(
      bucketOf(route.rateLimitPolicy),
      rateLimitKeyOf(principal),
      context.switchToHttp().getResponse<FastifyReply>(),
    );

    if (principal.mfaRequired && !principal.mfaEnabled && !route.allowWithoutMfa) {
      throw new AppError(
        403,
        ErrorCode.MfaEnrollmentRequired,
        'Forbidden',
        'Your role requires multi-factor authentication: set it up under your profile first.',
      );
    }

    if (principal.mustChangePassword && !route.allowWithoutMfa) {
      throw new AppError(
        403,
        ErrorCode.PasswordChangeRequired,
        'Forbidden',
        'Your administrator set a temporary password: choose your own under your profile first.',
      );
    }

    const permission = route.permission;
    // Routes without a permission act on the caller's own account (profile, password,
    // sessions): they are for people, not for integration keys.
    if (principal.kind === 'api_key' && !permission) {
      throw new AppError(
        403,
        ErrorCode.Forbidden,
        'Forbidden',
        'API keys cannot use account operations; sign in instead.',
      );
    }
    if (permission && !principal.permissions.has(permission)) {
      throw new AppError(403, ErrorCode.Forbidden, 'Forbidden', `This action requires the permission "${permission}".`);
    }
    return true;
  }

  private accessOf(context: ExecutionContext): RouteAccess {
    const handler = context.getHandler();
    const controller = context.getClass();
    let handlers = this.routes.get(controller);
    if (!handlers) this.routes.set(controller, (handlers = new WeakMap()));
    let access = handlers.get(handler);
    if (!access) {
      const targets = [handler, controller];
      access = {
        isPublic: this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false,
        rateLimitPolicy: this.reflector.getAllAndOverride<ApiRateLimitPolicy | undefined>(
          API_RATE_LIMIT_POLICY,
          targets,
        ),
        allowWithoutMfa: this.reflector.getAllAndOverride<boolean>(ALLOW_WITHOUT_MFA, targets) ?? false,
        permission: this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets),
      };
      handlers.set(handler, access);
    }
    return access;
  }

  /**
   * passport-jwt reports a bad token as "no user"; an `error` here was thrown while resolving a
   * valid token's session (the database is down, say) and must surface as itself (503), not as
   * a 401 that would sign the user out.
   */
  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error instanceof Error) throw error;
    if (error) throw new Error('authentication failed unexpectedly');
    if (!user) throw this.unauthenticated();
    return user;
  }

  private unauthenticated(): AppError {
    return new AppError(
      401,
      ErrorCode.Unauthenticated,
      'Unauthorized',
      'Authentication is required: send a valid access token as "Authorization: Bearer <token>".',
    );
  }
}
