import { ApiProperty } from '@nestjs/swagger';
import { ALL_PERMISSIONS, type CurrentUserDto, type Permission } from '@depot/contracts';

export class CurrentUserResponseDto implements CurrentUserDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  /** @example admin@depot.local */
  email!: string;
  /** @example Ada Admin */
  displayName!: string;
  /** @example ["admin"] */
  roles!: string[];
  @ApiProperty({ enum: ALL_PERMISSIONS, isArray: true, example: ['catalog.products.read'] })
  permissions!: Permission[];
  /** @example false */
  mfaEnabled!: boolean;
  /** @example false */
  mfaRequired!: boolean;
  /** Until changed, every other route answers 403 `AUTH.PASSWORD_CHANGE_REQUIRED`. @example false */
  mustChangePassword!: boolean;
}
