import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type ForgotPasswordResponse } from '@depot/contracts';
import { Public } from '../../../platform/auth/auth.decorators';
import { ApiProblems } from '../../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../../platform/openapi/api-problem-codes';
import { RateLimitedByIp } from '../../../platform/rate-limit/rate-limit.guard';
import { ForgotPasswordDto, ForgotPasswordResponseDto, ResetPasswordDto } from './dto/password-reset.dto';
import { PasswordResetService } from './password-reset.service';

@ApiTags('auth')
@Controller({ path: 'auth/password', version: '1' })
export class PasswordResetController {
  constructor(private readonly passwordReset: PasswordResetService) {}

  @Post('forgot')
  @Public()
  @RateLimitedByIp()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a password reset link',
    description:
      'E-mails a link valid for 30 minutes to an active account with this address. The answer is the same ' +
      'whether or not such an account exists.',
  })
  @ApiAcceptedResponse({
    type: ForgotPasswordResponseDto,
    description: 'Accepted (whether or not the address is known).',
  })
  @ApiProblems(400, 415)
  forgotPassword(@Body() body: ForgotPasswordDto): Promise<ForgotPasswordResponse> {
    return this.passwordReset.forgot(body.email);
  }

  @Post('reset')
  @Public()
  @RateLimitedByIp()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password with a reset or invitation link',
    description: 'The link works once. Ends every session of the account; sign in with the new password.',
  })
  @ApiNoContentResponse({ description: 'Password set.' })
  @ApiProblems(400, 415)
  @ApiProblemCodes(ErrorCode.InvalidPasswordToken)
  resetPassword(@Body() body: ResetPasswordDto): Promise<void> {
    return this.passwordReset.reset(body.token, body.newPassword);
  }
}
