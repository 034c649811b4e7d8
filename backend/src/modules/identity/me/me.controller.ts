import { Body, Controller, HttpCode, Inject, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, type TokenResponse, type UserDto } from '@depot/contracts';
import { AllowWithoutMfa, Authenticated } from '../../../platform/auth/auth.decorators';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import type { Principal } from '../../../platform/auth/principal';
import { APP_CONFIG, type AppConfig } from '../../../platform/config/app-config';
import { AppError } from '../../../platform/http/app-error';
import { ApiProblems } from '../../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../../platform/openapi/api-problem-codes';
import { AuthService } from '../auth/auth.service';
import { TokenResponseDto } from '../auth/dto/token-response.dto';
import { setRefreshCookie } from '../auth/refresh-cookie';
import { UserResponseDto } from '../users/dto/user.dto';
import { PasswordHasher } from '../users/password-hasher';
import { UsersService } from '../users/users.service';
import { ChangePasswordDto, UpdateProfileDto } from './dto/me.dto';

/** What signed-in users do to their own account. Roles, status and id are not settable here. */
@ApiTags('identity')
@Controller({ path: 'me', version: '1' })
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Patch('profile')
  @Authenticated()
  @AllowWithoutMfa()
  @ApiOperation({ summary: 'Update your profile', description: 'Only the display name; anything else is refused.' })
  @ApiOkResponse({ type: UserResponseDto, description: 'Updated.' })
  @ApiProblems(400, 415)
  updateMyProfile(@CurrentPrincipal() principal: Principal, @Body() body: UpdateProfileDto): Promise<UserDto> {
    return this.users.updateProfile(principal.userId, body.displayName);
  }

  @Post('password')
  @HttpCode(200)
  @Authenticated()
  @AllowWithoutMfa()
  @ApiOperation({
    summary: 'Change your password',
    description: 'Needs the current password. Ends all your sessions and returns tokens for a new one.',
  })
  @ApiOkResponse({ type: TokenResponseDto, description: 'Changed; use the new tokens.' })
  @ApiProblems(400, 415)
  @ApiProblemCodes(ErrorCode.WrongPassword)
  async changeMyPassword(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangePasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponse> {
    const user = await this.users.findWithPassword(principal.userId);
    if (!user || !(await this.hasher.verify(user.passwordHash, body.currentPassword))) {
      throw new AppError(400, ErrorCode.WrongPassword, 'Bad Request', 'The current password is not correct.', [
        { field: 'currentPassword', message: 'currentPassword is not correct', code: 'wrongPassword' },
      ]);
    }
    await this.users.setPassword(principal.userId, body.newPassword, 'password_changed', { notify: true });
    const tokens = await this.auth.startSession(principal.userId, {
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    setRefreshCookie(reply, tokens.refreshToken, tokens.refreshExpiresIn, this.config.auth.cookieSecure);
    void reply.header('cache-control', 'no-store');
    return tokens;
  }
}
