import { ApiPropertyOptional } from '@nestjs/swagger';
import { EMAIL_MAX_LENGTH, MFA_LIMITS, PASSWORD_LIMITS, type LoginRequest } from '@depot/contracts';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { Optional } from '../../../../platform/http/validators';

export class LoginDto implements LoginRequest {
  /** @example admin@depot.local */
  @IsEmail({ require_tld: false })
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;

  /** @example depot-demo-password */
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_LIMITS.maxLength)
  password!: string;

  /** For accounts with two-step verification: the 6-digit code from the app, or a recovery code. */
  @ApiPropertyOptional({ example: '492039' })
  @Optional()
  @IsString()
  @MaxLength(MFA_LIMITS.codeMaxLength)
  mfaCode?: string;
}
