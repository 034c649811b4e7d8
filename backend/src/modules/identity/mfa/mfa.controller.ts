import { Body, Controller, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type EnableTotpResponse, type TotpSetupResponse, type UserDto, ErrorCode } from '@depot/contracts';
import { AllowWithoutMfa, Authenticated } from '../../../platform/auth/auth.decorators';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import type { Principal } from '../../../platform/auth/principal';
import { ParseIdPipe } from '../../../platform/http/parse-id.pipe';
import { ApiProblems } from '../../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../../platform/openapi/api-problem-codes';
import { RateLimitedByIp } from '../../../platform/rate-limit/rate-limit.guard';
import { UserResponseDto } from '../users/dto/user.dto';
import { DisableMfaDto, EnableTotpDto, EnableTotpResponseDto, TotpSetupResponseDto } from './dto/mfa.dto';
import { MfaService } from './mfa.service';
import { Idempotent } from '../../../platform/http/idempotency/idempotent.decorator';

/** Two-step verification: your own enrolment under /me, and an administrator's reset. */
@ApiTags('identity')
@Controller({ version: '1' })
export class MfaController {
  constructor(private readonly mfa: MfaService) {}

  @Post('me/mfa/totp/setup')
  @HttpCode(200)
  @Authenticated()
  @AllowWithoutMfa()
  @RateLimitedByIp()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Start setting up an authenticator app',
    description: 'Returns a new secret and its QR code. Nothing changes at sign-in until it is confirmed.',
  })
  @ApiOkResponse({ type: TotpSetupResponseDto, description: 'Scan the QR code, then confirm with a code.' })
  @ApiProblems(409)
  @ApiProblemCodes(ErrorCode.MfaAlreadyEnabled)
  setupTotp(@CurrentPrincipal() principal: Principal): Promise<TotpSetupResponse> {
    return this.mfa.setupTotp(principal.userId);
  }

  @Post('me/mfa/totp/enable')
  @HttpCode(200)
  @Authenticated()
  @AllowWithoutMfa()
  @RateLimitedByIp()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Turn on two-step verification',
    description: 'Confirms the setup with a current code; answers single-use recovery codes, shown only now.',
  })
  @ApiOkResponse({ type: EnableTotpResponseDto, description: 'On; keep the recovery codes safe.' })
  @ApiProblems(400, 409, 415)
  @ApiProblemCodes(ErrorCode.MfaAlreadyEnabled, ErrorCode.MfaNotSetUp, { status: 400, code: ErrorCode.InvalidMfaCode })
  enableTotp(@CurrentPrincipal() principal: Principal, @Body() body: EnableTotpDto): Promise<EnableTotpResponse> {
    return this.mfa.enableTotp(principal, body.code);
  }

  @Post('me/mfa/disable')
  @HttpCode(204)
  @Authenticated()
  @AllowWithoutMfa()
  @RateLimitedByIp()
  @ApiOperation({ summary: 'Turn off two-step verification', description: 'Needs the current password.' })
  @ApiNoContentResponse({ description: 'Off; the secret and recovery codes are deleted.' })
  @ApiProblems(400, 415)
  @ApiProblemCodes(ErrorCode.WrongPassword)
  disableMfa(@CurrentPrincipal() principal: Principal, @Body() body: DisableMfaDto): Promise<void> {
    return this.mfa.disable(principal, body.password);
  }

  @Post('users/:id/mfa/reset')
  @Idempotent()
  @HttpCode(200)
  @Authenticated({ permission: Permission.IdentityUsersManage })
  @ApiOperation({
    summary: "Reset a user's two-step verification",
    description: 'For a lost device: clears their authenticator and recovery codes; they can set it up again.',
  })
  @ApiOkResponse({ type: UserResponseDto, description: 'Reset.' })
  @ApiProblems(400, 404, 409)
  @ApiProblemCodes(ErrorCode.UserNotFound, { status: 409, code: ErrorCode.Forbidden })
  resetUserMfa(@CurrentPrincipal() actor: Principal, @Param('id', ParseIdPipe) id: string): Promise<UserDto> {
    return this.mfa.resetForUser(actor, id);
  }
}
