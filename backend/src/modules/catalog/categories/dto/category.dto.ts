import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CATEGORY_LIMITS,
  type CategoryDto,
  type CreateCategoryRequest,
  type UpdateCategoryRequest,
  CATEGORY_SORT_FIELDS,
} from '@depot/contracts';
import { Transform } from 'class-transformer';
import { IsInt, IsString, IsUUID, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { trimString } from '../../../../platform/http/transforms';
import { Optional, OptionalOrNull } from '../../../../platform/http/validators';
import { WholeListQueryOf } from '../../../../platform/http/pagination/list-query.dto';

export class CategoryResponseDto implements CategoryDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  /** @example Hand tools */
  name!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c0f' })
  parentId!: string | null;
  /** Names from the root down. @example ["Tools", "Hand tools"] */
  path!: string[];
  /** @example 2 */
  depth!: number;
  /** @example 12 */
  productCount!: number;
  /** @example 0 */
  childCount!: number;
  /** @example 1 */
  version!: number;
  /** @example 2026-11-23T10:15:30.123Z */
  createdAt!: string;
  /** @example 2026-11-23T10:15:30.123Z */
  updatedAt!: string;
}

export class CreateCategoryDto implements CreateCategoryRequest {
  /** @example Hand tools */
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(CATEGORY_LIMITS.nameMaxLength)
  name!: string;

  /** Parent category; omit or null for a root category. */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @OptionalOrNull()
  @IsUUID()
  parentId?: string | null;
}

export class UpdateCategoryDto implements UpdateCategoryRequest {
  /** The version you read; stale -> 409. @example 1 */
  @IsInt()
  @Min(1)
  version!: number;

  /** New name. @example Hand tools */
  @Optional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(CATEGORY_LIMITS.nameMaxLength)
  name?: string;

  /** New parent (a move); null makes it a root. Moving into its own subtree is refused (409). */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID()
  parentId?: string | null;
}

export class CategoryListQueryDto extends WholeListQueryOf(
  CATEGORY_SORT_FIELDS,
  'name',
  'by path, parents before their children',
) {}
