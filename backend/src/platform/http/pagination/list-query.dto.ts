import { PAGINATION, type ListQuery } from '@depot/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../validators';

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
