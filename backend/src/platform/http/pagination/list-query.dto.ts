import { applyDecorators, type Type as Class } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { PAGINATION, sortValues, type ListQuery, type WholeListQuery } from '@depot/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../validators';

/**
 * Declares a list's `sort` parameter: the allowlisted fields, ascending or `-` descending, as an
 * OpenAPI enum (so clients and the contract tests know them) and validated against it (400
 * `REQUEST.VALIDATION_FAILED` otherwise). Use on `declare sort?: string` in a list query DTO.
 */
export function SortParam(fields: readonly string[], fallback: string, defaultOrder?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description: `Sort field, \`-\` prefix for descending; ties are broken by id. Default: ${defaultOrder ?? `\`${fallback}\``}.`,
      enum: sortValues(fields),
      example: fallback,
    }),
    Optional(),
    // An empty `sort=` means the default, as it always has.
    IsIn([...sortValues(fields), ''], { message: `sort must be one of ${sortValues(fields).join(', ')}` }),
  );
}

/** `true`/`false` query strings to booleans (anything else is left for @IsBoolean to refuse). */
export const booleanQuery = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** Query parameters shared by every list endpoint. */
export class ListQueryDto implements ListQuery {
  /**
   * Page size.
   * @example 25
   */
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGINATION.maxLimit)
  limit?: number = PAGINATION.defaultLimit;

  /** Opaque cursor from a previous page's `nextCursor`. */
  @Optional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /**
   * Sort field, `-` prefix for descending.
   * @example -createdAt
   */
  @Optional()
  @IsString()
  @MaxLength(40)
  sort?: string;

  /** Free-text search. */
  @Optional()
  @IsString()
  @MaxLength(PAGINATION.maxSearchLength)
  q?: string;

  /** Also return the total number of matching rows (costs an extra count query). */
  @Optional()
  @Transform(booleanQuery)
  @IsBoolean()
  includeTotal?: boolean;
}

/**
 * Query parameters of the small lists answered whole (roles, sessions, webhooks, API keys,
 * categories...): the same names as every list. Without `limit` the whole list comes in one page
 * (`nextCursor: null`); with it, the sorted list is cut into pages of that size, and `cursor`
 * walks them. `total` is always given (these lists are small); `includeTotal` is accepted for
 * symmetry with the paginated lists.
 */
export class WholeListQueryDto implements WholeListQuery {
  /**
   * Page size; leave out for the whole list in one page.
   * @example 25
   */
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGINATION.maxLimit)
  limit?: number;

  /** Opaque cursor from a previous page's `nextCursor`. */
  @Optional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /**
   * Sort field, `-` prefix for descending.
   * @example name
   */
  @Optional()
  @IsString()
  @MaxLength(40)
  sort?: string;

  /** Also return the total number of items (whole lists always do). */
  @Optional()
  @Transform(booleanQuery)
  @IsBoolean()
  includeTotal?: boolean;
}

/**
 * The query class of one whole list, with its sort allowlist in the OpenAPI document:
 * `class RoleListQueryDto extends WholeListQueryOf(ROLE_SORT_FIELDS, 'name', 'built-in roles first, then by name') {}`.
 */
export function WholeListQueryOf(
  fields: readonly string[],
  example: string,
  defaultOrder: string,
): Class<WholeListQueryDto> {
  class SortedWholeListQueryDto extends WholeListQueryDto {
    @SortParam(fields, example, defaultOrder)
    declare sort?: string;
  }
  return SortedWholeListQueryDto;
}
