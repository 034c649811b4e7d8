import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, type CurrentUserDto, type TokenResponse } from '@depot/contracts';
import { AllowWithoutMfa, Authenticated, Public } from '../../../platform/auth/auth.decorators';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import type { Principal } from '../../../platform/auth/principal';
import { APP_CONFIG, type AppConfig } from '../../../platform/config/app-config';
import { ApiProblems } from '../../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../../platform/openapi/api-problem-codes';
import { RateLimitedByIp } from '../../../platform/rate-limit/rate-limit.guard';
import { AuthService } from './auth.service';
import { InvalidRefreshTokenError } from './auth.errors';
import { assertCookieRequestOrigin } from './cookie-origin';
import { LoginThrottle } from './login-throttle';
import { CurrentUserResponseDto } from './dto/current-user.dto';
import { LoginDto } from './dto/login.dto';
import { RefreshDto } from './dto/refresh.dto';
import { TokenResponseDto } from './dto/token-response.dto';
import { clearRefreshCookie, refreshCookieOf, setRefreshCookie } from './refresh-cookie';
import type { Counter } from 'prom-client';
import { AppError } from '../../../platform/http/app-error';
import { Metrics } from '../../../platform/observability/metrics';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    metrics: Metrics,
  ) {
    this.logins = metrics.counter('depot_logins_total', 'Sign-in attempts by outcome (an error code).', ['outcome']);
  }

  private readonly logins: Counter<'outcome'>;

  @Post('login')
  @Public()
  @RateLimitedByIp()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with e-mail and password',
    description:
      'Returns an access token and a refresh token; browsers also get the refresh token as an httpOnly cookie. ' +
      'Accounts with two-step verification answer 401 `AUTH.MFA_REQUIRED` until `mfaCode` is sent too.',
  })
  @ApiOkResponse({ type: TokenResponseDto, description: 'Signed in.' })
  @ApiProblems(400, 401, 415)
  @ApiProblemCodes(ErrorCode.InvalidCredentials, ErrorCode.MfaRequired, ErrorCode.InvalidMfaCode)
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponse> {
    let tokens: TokenResponse;
    try {
      tokens = await this.throttle.run(body.email, () =>
        this.auth.login(
          body.email,
          body.password,
          { ip: request.ip, userAgent: request.headers['user-agent'] },
          body.mfaCode,
        ),
      );
    } catch (error) {
      this.logins.inc({ outcome: error instanceof AppError ? error.code : 'error' });
      throw error;
    }
    this.logins.inc({ outcome: 'succeeded' });
    setRefreshCookie(reply, tokens.refreshToken, tokens.refreshExpiresIn, this.config.auth.cookieSecure);
    return tokens;
  }

  @Post('refresh')
  @Public()
  @RateLimitedByIp()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for new tokens',
    description: 'Refresh tokens are single use; presenting a used one ends its whole session.',
  })
  @ApiOkResponse({ type: TokenResponseDto, description: 'New tokens; the old refresh token is spent.' })
  @ApiProblems(400, 401, 403, 503)
  @ApiProblemCodes(ErrorCode.InvalidRefreshToken, { status: 403, code: ErrorCode.Forbidden })
  async refreshTokens(
    @Body() body: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponse> {
    try {
      const tokens = await this.auth.refresh(this.refreshTokenOf(body, request));
      setRefreshCookie(reply, tokens.refreshToken, tokens.refreshExpiresIn, this.config.auth.cookieSecure);
      return tokens;
    } catch (error) {
      // Only a refused token ends the browser's session; an outage (503) must not sign anyone out.
      if (error instanceof InvalidRefreshTokenError) clearRefreshCookie(reply, this.config.auth.cookieSecure);
      throw error;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out', description: 'Revokes the session of the refresh token (body or cookie).' })
  @ApiNoContentResponse({ description: 'Signed out.' })
  @ApiProblems(400, 403)
  @ApiProblemCodes({ status: 403, code: ErrorCode.Forbidden })
  async logout(
    @Body() body: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(this.refreshTokenOf(body, request));
    clearRefreshCookie(reply, this.config.auth.cookieSecure);
  }

  /** The refresh token from the body (API clients) or, origin-checked, from the cookie (browsers). */
  private refreshTokenOf(body: RefreshDto | undefined, request: FastifyRequest): string | undefined {
    if (body?.refreshToken) return body.refreshToken;
    const cookie = refreshCookieOf(request);
    if (cookie !== undefined) {
      assertCookieRequestOrigin(request, {
        publicUrl: this.config.publicUrl,
        corsOrigins: this.config.http.corsOrigins,
      });
    }
    return cookie;
  }

  @Get('me')
  @Authenticated()
  @AllowWithoutMfa()
  @ApiOperation({
    summary: 'The signed-in user, with roles and permissions',
    description:
      'Who the access token or API key belongs to: profile, roles, the effective permissions and whether two-step verification or a password change is still due. API keys get their scopes as permissions.',
  })
  @ApiOkResponse({ type: CurrentUserResponseDto, description: 'The current user.' })
  getCurrentUser(@CurrentPrincipal() principal: Principal): CurrentUserDto {
    return this.auth.me(principal);
  }
}
