import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SEARCH_LIMITS,
  SEARCH_RESULT_TYPES,
  SearchResultType,
  type SearchGroupDto,
  type SearchItemDto,
  type SearchQuery,
  type SearchResponseDto,
} from '@depot/contracts';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { trimString } from '../../../platform/http/transforms';
import { Optional } from '../../../platform/http/validators';

export class SearchQueryDto implements SearchQuery {
  /**
   * What to look for: a SKU, barcode, product name (typos allowed), order or invoice number,
   * partner name, code or e-mail, user name or e-mail.
   * @example WID-001
   */
  @ApiProperty({ minLength: SEARCH_LIMITS.queryMinLength, maxLength: SEARCH_LIMITS.queryMaxLength, example: 'WID-001' })
  @Transform(trimString)
  @IsString()
  @MinLength(SEARCH_LIMITS.queryMinLength)
  @MaxLength(SEARCH_LIMITS.queryMaxLength)
  q!: string;

  /** Items per group. @example 5 */
  @ApiPropertyOptional({ minimum: 1, maximum: SEARCH_LIMITS.maxLimit, default: SEARCH_LIMITS.defaultLimit })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SEARCH_LIMITS.maxLimit)
  limit?: number = SEARCH_LIMITS.defaultLimit;
}

export class SearchItemResponseDto implements SearchItemDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  @ApiProperty({ enum: SEARCH_RESULT_TYPES, example: SearchResultType.Product })
  type!: SearchResultType;
  /** SKU, order or invoice number, partner or user name. @example WID-001 */
  title!: string;
  /** A second line: product name, customer and status, code and e-mail. */
  @ApiProperty({ type: String, nullable: true, example: 'Blue widget' })
  subtitle!: string | null;
  /** Path of the record in the admin UI. @example /products/0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  url!: string;
}

export class SearchGroupResponseDto implements SearchGroupDto {
  @ApiProperty({ enum: SEARCH_RESULT_TYPES, example: SearchResultType.Product })
  type!: SearchResultType;
  /** @example Products */
  label!: string;
  /** Best match first: exact, then prefix, then by similarity. */
  @ApiProperty({ type: [SearchItemResponseDto] })
  items!: SearchItemResponseDto[];
}

export class SearchResultsResponseDto implements SearchResponseDto {
  /** Groups with at least one match; types the caller may not read never appear. */
  @ApiProperty({
    type: [SearchGroupResponseDto],
    example: [
      {
        type: 'product',
        label: 'Products',
        items: [
          {
            id: '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10',
            type: 'product',
            title: 'WID-001',
            subtitle: 'Blue widget',
            url: '/products/0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10',
          },
        ],
      },
      {
        type: 'sales_order',
        label: 'Sales orders',
        items: [
          {
            id: '0194f0e2-7d2b-7c3e-9a59-3f1f2b9d4c11',
            type: 'sales_order',
            title: 'SO-2026-000042',
            subtitle: 'Acme Retail · confirmed',
            url: '/sales-orders/0194f0e2-7d2b-7c3e-9a59-3f1f2b9d4c11',
          },
        ],
      },
    ],
  })
  groups!: SearchGroupResponseDto[];
  /** Server time spent on the search, in whole milliseconds. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 3 })
  tookMs?: number;
}
