import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  BULK_LIMITS,
  PRODUCT_SORT_FIELDS,
  ProductStatus,
  type ProductExportQuery,
  type ProductListQuery,
} from '@depot/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsUUID, Matches } from 'class-validator';
import { booleanQuery, SortParam } from '../../../../platform/http/pagination/list-query.dto';
import { ListQueryDto } from '../../../../platform/http/pagination/list-query.dto';
import { Optional } from '../../../../platform/http/validators';

export class ProductListQueryDto extends ListQueryDto implements ProductListQuery {
  @SortParam(PRODUCT_SORT_FIELDS, '-createdAt')
  declare sort?: string;

  /** Only products with this status. */
  @ApiPropertyOptional({ enum: Object.values(ProductStatus) })
  @Optional()
  @IsIn(Object.values(ProductStatus))
  status?: ProductStatus;

  /** Products in this category or any category below it. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  categoryId?: string;

  /** `key:value`; repeat for several (all must match). */
  @ApiPropertyOptional({ type: [String], example: ['color:oak'] })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? (value as unknown[]) : [value]))
  @ArrayMaxSize(10)
  @Matches(/^[a-z0-9][a-z0-9_.-]{0,63}:.{1,200}$/, { each: true, message: 'attribute must look like key:value' })
  attribute?: string[];

  /** Only products whose available stock in some warehouse is below their reorder point. */
  @ApiPropertyOptional({ type: Boolean })
  @Optional()
  @Transform(booleanQuery)
  @IsBoolean()
  belowReorderPoint?: boolean;
}

/** The product export: the list's filters and order, every matching row (no paging). */
export class ProductExportQueryDto
  extends OmitType(ProductListQueryDto, ['limit', 'cursor', 'includeTotal'] as const)
  implements ProductExportQuery
{
  /**
   * Only these products (e.g. a selection), comma-separated or repeated; at most 1000. The
   * other filters still apply.
   */
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: BULK_LIMITS.maxIds })
  @Optional()
  @Transform(({ value }: { value: unknown }) =>
    (Array.isArray(value) ? (value as unknown[]) : [value]).flatMap((item) =>
      typeof item === 'string' ? item.split(',').filter((id) => id !== '') : [item],
    ),
  )
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_LIMITS.maxIds)
  @IsUUID('all', { each: true })
  ids?: string[];
}
