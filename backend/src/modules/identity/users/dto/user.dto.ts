import { BulkRequestBaseDto } from '../../../../platform/http/bulk/bulk.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EMAIL_MAX_LENGTH,
  IDENTITY_LIMITS,
  PASSWORD_LIMITS,
  USER_SORT_FIELDS,
  UserBulkAction,
  UserStatus,
  type CreateUserRequest,
  type UserBulkAction as UserBulkActionType,
  type UserBulkRequest,
  type Page,
  type SetUserRolesRequest,
  type UpdateUserRequest,
  type UserDto,
  type UserListQuery,
} from '@depot/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ListQueryDto, SortParam } from '../../../../platform/http/pagination/list-query.dto';
import { trimString } from '../../../../platform/http/transforms';
import { Optional } from '../../../../platform/http/validators';
import { PageMetaDto } from '../../../../platform/http/pagination/page-dto';

const ROLE_NAME = new RegExp(IDENTITY_LIMITS.rolePattern);

export class UserResponseDto implements UserDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  /** @example chris@depot.local */
  email!: string;
  /** @example Chris Clerk */
  displayName!: string;
  @ApiProperty({ enum: Object.values(UserStatus), example: UserStatus.Active })
  status!: UserStatus;
  /** @example ["clerk"] */
  roles!: string[];
  /** @example false */
  mfaEnabled!: boolean;
  /** @example false */
  mustChangePassword!: boolean;
  /** @example 1 */
  version!: number;
  /** @example 2026-11-23T10:15:30.123Z */
  createdAt!: string;
  /** @example 2026-11-23T10:15:30.123Z */
  updatedAt!: string;
}

export class UserPageDto extends PageMetaDto implements Page<UserDto> {
  @ApiProperty({ type: [UserResponseDto] })
  items!: UserResponseDto[];
}

export class UserListQueryDto extends ListQueryDto implements UserListQuery {
  @SortParam(USER_SORT_FIELDS, 'email')
  declare sort?: string;

  /** Only users holding this role. */
  @Optional()
  @IsString()
  @Matches(ROLE_NAME)
  @MaxLength(IDENTITY_LIMITS.roleNameMaxLength)
  role?: string;

  /** Only users with this status. */
  @ApiPropertyOptional({ enum: Object.values(UserStatus) })
  @Optional()
  @IsIn(Object.values(UserStatus))
  status?: UserStatus;
}

export class CreateUserDto implements CreateUserRequest {
  /** @example new.clerk@depot.local */
  @Transform(trimString)
  @IsEmail({ require_tld: false })
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;

  /** @example New Clerk */
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(IDENTITY_LIMITS.displayNameMaxLength)
  displayName!: string;

  /** Role names. @example ["clerk"] */
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(ROLE_NAME, { each: true })
  roles!: string[];

  /**
   * Initial password the user must change at first sign-in; omit to send an invitation e-mail.
   * @example correct-horse-battery-staple
   */
  @Optional()
  @IsString()
  @MinLength(PASSWORD_LIMITS.minLength)
  @MaxLength(PASSWORD_LIMITS.maxLength)
  initialPassword?: string;
}

export class UpdateUserDto implements UpdateUserRequest {
  /** @example 1 */
  @IsInt()
  @Min(1)
  version!: number;

  /** @example chris.clerk@depot.local */
  @Optional()
  @Transform(trimString)
  @IsEmail({ require_tld: false })
  @MaxLength(EMAIL_MAX_LENGTH)
  email?: string;

  /** @example Chris Clerk */
  @Optional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(IDENTITY_LIMITS.displayNameMaxLength)
  displayName?: string;
}

export class SetUserRolesDto implements SetUserRolesRequest {
  /** @example 1 */
  @IsInt()
  @Min(1)
  version!: number;

  /** @example ["clerk", "viewer"] */
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(ROLE_NAME, { each: true })
  roles!: string[];
}

export class UserBulkDto extends BulkRequestBaseDto implements UserBulkRequest {
  /** `disable`: ends each user's sessions and stops their API keys; never your own account. */
  @ApiProperty({ enum: Object.values(UserBulkAction), example: UserBulkAction.Disable })
  @IsIn(Object.values(UserBulkAction))
  action!: UserBulkActionType;
}
