import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALL_PERMISSIONS,
  IDENTITY_LIMITS,
  type ApiKeyDto,
  type CreateApiKeyRequest,
  type CreatedApiKeyDto,
  type Permission,
  API_KEY_SORT_FIELDS,
} from '@depot/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { Optional, IsIsoInstant } from '../../../../platform/http/validators';
import { WholeListQueryOf } from '../../../../platform/http/pagination/list-query.dto';

export class ApiKeyResponseDto implements ApiKeyDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  /** @example Shop integration */
  name!: string;
  /** @example dpk_3f9a1c2b7d4e */
  prefix!: string;
  @ApiProperty({ enum: ALL_PERMISSIONS, isArray: true, example: ['catalog.products.read'] })
  scopes!: Permission[];
  /** @example 2026-11-23T10:15:30.123Z */
  createdAt!: string;
  @ApiProperty({ type: String, nullable: true, example: '2027-11-23T00:00:00.000Z' })
  expiresAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null })
  lastUsedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null })
  revokedAt!: string | null;
}

export class CreatedApiKeyResponseDto extends ApiKeyResponseDto implements CreatedApiKeyDto {
  /**
   * The key itself. Shown only in this response: store it now.
   * @example dpk_3f9a1c2b7d4e_q8Jx1vW3bN5mR7tY9uI0oP2aS4dF6gH8jK0lZ1xC3vB
   */
  key!: string;
}

export class CreateApiKeyDto implements CreateApiKeyRequest {
  /** @example Shop integration */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(IDENTITY_LIMITS.apiKeyNameMaxLength)
  name!: string;

  /** Permissions the key gets; each must be one you hold. */
  @ApiProperty({ enum: ALL_PERMISSIONS, isArray: true, example: ['catalog.products.read'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ALL_PERMISSIONS.length)
  @IsIn(ALL_PERMISSIONS, { each: true })
  scopes!: Permission[];

  /** Optional expiry (ISO 8601, in the future). */
  @ApiPropertyOptional({ example: '2027-11-23T00:00:00.000Z' })
  @Optional()
  @IsIsoInstant()
  expiresAt?: string;
}

export class ApiKeyListQueryDto extends WholeListQueryOf(API_KEY_SORT_FIELDS, 'name', 'newest first') {}
