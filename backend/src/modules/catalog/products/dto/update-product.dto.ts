import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ProductStatus, type UpdateProductRequest } from '@depot/contracts';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { CreateProductDto } from './create-product.dto';

export class UpdateProductDto extends PartialType(CreateProductDto) implements UpdateProductRequest {
  /**
   * The version you read; a stale version is refused with 409.
   * @example 1
   */
  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ enum: Object.values(ProductStatus) })
  @IsOptional()
  @IsIn(Object.values(ProductStatus))
  status?: ProductStatus;
}
