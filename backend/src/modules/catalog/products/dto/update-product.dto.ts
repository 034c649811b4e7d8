import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ProductStatus, type UpdateProductRequest } from '@depot/contracts';
import { IsIn, IsInt, Min } from 'class-validator';
import { CreateProductDto } from './create-product.dto';
import { Optional } from '../../../../platform/http/validators';

// skipNullProperties: false, so `null` is refused for fields that cannot be cleared.
export class UpdateProductDto
  extends PartialType(CreateProductDto, { skipNullProperties: false })
  implements UpdateProductRequest
{
  /**
   * The version you read; a stale version is refused with 409.
   * @example 1
   */
  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ enum: Object.values(ProductStatus) })
  @Optional()
  @IsIn(Object.values(ProductStatus))
  status?: ProductStatus;
}
