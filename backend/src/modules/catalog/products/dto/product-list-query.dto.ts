import { ApiPropertyOptional } from '@nestjs/swagger';
import { PRODUCT_SORT_FIELDS, ProductStatus, type ProductListQuery } from '@depot/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { ListQueryDto } from '../../../../platform/http/pagination/list-query.dto';

export class ProductListQueryDto extends ListQueryDto implements ProductListQuery {
  @ApiPropertyOptional({
    description: 'Sort field, `-` prefix for descending.',
    enum: PRODUCT_SORT_FIELDS.flatMap((field) => [field, `-${field}`]),
    example: '-createdAt',
  })
  declare sort?: string;

  /** Only products with this status. */
  @ApiPropertyOptional({ enum: Object.values(ProductStatus) })
  @IsOptional()
  @IsIn(Object.values(ProductStatus))
  status?: ProductStatus;
}
