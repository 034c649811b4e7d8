import {
  IDENTITY_LIMITS,
  PASSWORD_LIMITS,
  type ChangePasswordRequest,
  type UpdateProfileRequest,
} from '@depot/contracts';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class UpdateProfileDto implements UpdateProfileRequest {
  /** @example Ada Admin */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(IDENTITY_LIMITS.displayNameMaxLength)
  displayName!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  /** @example depot-demo-password */
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_LIMITS.maxLength)
  currentPassword!: string;

  /** 12 to 128 characters, not a common or easily guessed password. @example violet tractor umbrella 42 */
  @IsString()
  @MaxLength(PASSWORD_LIMITS.maxLength)
  newPassword!: string;
}
