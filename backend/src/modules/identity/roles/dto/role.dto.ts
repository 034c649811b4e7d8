import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALL_PERMISSIONS,
  IDENTITY_LIMITS,
  type CreateRoleRequest,
  type Permission,
  type RoleDto,
  type UpdateRoleRequest,
  PERMISSION_GROUP_SORT_FIELDS,
  ROLE_SORT_FIELDS,
} from '@depot/contracts';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsString, Matches, MaxLength, Min } from 'class-validator';
import { Optional } from '../../../../platform/http/validators';
import { WholeListQueryOf } from '../../../../platform/http/pagination/list-query.dto';

export class RoleResponseDto implements RoleDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  /** @example warehouse-lead */
  name!: string;
  /** @example Leads a warehouse team */
  description!: string;
  @ApiProperty({ enum: ALL_PERMISSIONS, isArray: true, example: ['catalog.products.read'] })
  permissions!: Permission[];
  /** @example false */
  requireMfa!: boolean;
  /** @example false */
  builtIn!: boolean;
  /** @example 3 */
  userCount!: number;
  /** @example 1 */
  version!: number;
  /** @example 2026-11-23T10:15:30.123Z */
  createdAt!: string;
  /** @example 2026-11-23T10:15:30.123Z */
  updatedAt!: string;
}

export class CreateRoleDto implements CreateRoleRequest {
  /** Lower-case letters, digits and dashes. @example warehouse-lead */
  @IsString()
  @Matches(new RegExp(IDENTITY_LIMITS.rolePattern), {
    message: 'name may contain lower-case letters, digits and dashes',
  })
  @MaxLength(IDENTITY_LIMITS.roleNameMaxLength)
  name!: string;

  /** @example Leads a warehouse team */
  @Optional()
  @IsString()
  @MaxLength(IDENTITY_LIMITS.roleDescriptionMaxLength)
  description?: string;

  @ApiProperty({ enum: ALL_PERMISSIONS, isArray: true, example: ['catalog.products.read'] })
  @IsArray()
  @ArrayMaxSize(ALL_PERMISSIONS.length)
  @IsIn(ALL_PERMISSIONS, { each: true })
  permissions!: Permission[];

  /** Members must use MFA. @example false */
  @Optional()
  @IsBoolean()
  requireMfa?: boolean;
}

export class UpdateRoleDto implements UpdateRoleRequest {
  /** @example 1 */
  @IsInt()
  @Min(1)
  version!: number;

  /** @example warehouse-lead */
  @Optional()
  @IsString()
  @Matches(new RegExp(IDENTITY_LIMITS.rolePattern), {
    message: 'name may contain lower-case letters, digits and dashes',
  })
  @MaxLength(IDENTITY_LIMITS.roleNameMaxLength)
  name?: string;

  /** @example Leads a warehouse team */
  @Optional()
  @IsString()
  @MaxLength(IDENTITY_LIMITS.roleDescriptionMaxLength)
  description?: string;

  @ApiPropertyOptional({ enum: ALL_PERMISSIONS, isArray: true })
  @Optional()
  @IsArray()
  @ArrayMaxSize(ALL_PERMISSIONS.length)
  @IsIn(ALL_PERMISSIONS, { each: true })
  permissions?: Permission[];

  /** @example true */
  @Optional()
  @IsBoolean()
  requireMfa?: boolean;
}

export class PermissionGroupDto {
  /** @example Catalog */
  module!: string;
  @ApiProperty({
    example: [{ name: 'catalog.products.read', description: 'View products' }],
    type: 'array',
    items: {
      type: 'object',
      properties: { name: { type: 'string', enum: [...ALL_PERMISSIONS] }, description: { type: 'string' } },
    },
  })
  permissions!: { name: Permission; description: string }[];
}

export class RoleListQueryDto extends WholeListQueryOf(
  ROLE_SORT_FIELDS,
  'name',
  'built-in roles first, then by name',
) {}

export class PermissionListQueryDto extends WholeListQueryOf(
  PERMISSION_GROUP_SORT_FIELDS,
  'module',
  'catalogue order',
) {}
