import {
  EMAIL_MAX_LENGTH,
  PASSWORD_LIMITS,
  PASSWORD_TOKEN_LIMITS,
  type ForgotPasswordRequest,
  type ForgotPasswordResponse,
  type ResetPasswordRequest,
} from '@depot/contracts';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class ForgotPasswordDto implements ForgotPasswordRequest {
  /** @example ada@depot.local */
  @IsEmail({ require_tld: false })
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;
}

export class ForgotPasswordResponseDto implements ForgotPasswordResponse {
  /** @example If an active account uses this address, a link to reset its password is on its way. */
  message!: string;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  /** The `token` parameter of the reset or invitation link. @example 3q2-7wEXAMPLEq3H0kR0Yl3m9bXw1H6mF7uR2dZk8sY */
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_TOKEN_LIMITS.tokenMaxLength)
  token!: string;

  /** 12 to 128 characters, not a common or easily guessed password. @example violet tractor umbrella 42 */
  @IsString()
  @MaxLength(PASSWORD_LIMITS.maxLength)
  newPassword!: string;
}
