import { ApiProperty } from '@nestjs/swagger';
import {
  CURRENCIES,
  ProductStatus,
  type CurrencyCode,
  type Page,
  type ProductAttributes,
  type ProductDto,
  TAX_CLASSES,
  TaxClass,
} from '@depot/contracts';
import { PageMetaDto } from '../../../../platform/http/pagination/page-dto';

export class ProductResponseDto implements ProductDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  /** @example CHAIR-OAK-01 */
  sku!: string;
  /** @example Oak dining chair */
  name!: string;
  /** @example Solid oak, oiled finish. */
  description!: string | null;
  /** @example pcs */
  unit!: string;
  /**
   * Sale price in minor units of `currency`.
   * @example 12900
   */
  priceMinor!: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 7400, description: 'Purchase cost in minor units.' })
  costMinor!: number | null;
  @ApiProperty({ enum: CURRENCIES, example: 'EUR' })
  currency!: CurrencyCode;
  @ApiProperty({ type: String, nullable: true, example: '4006381333931' })
  barcode!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null })
  categoryId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { color: 'oak' } })
  attributes!: ProductAttributes;
  /** @example 10 */
  reorderPoint!: number;
  /** @example 40 */
  reorderQuantity!: number;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    example: null,
    description: 'The supplier the product is normally bought from.',
  })
  preferredSupplierId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'OAK-CH-1', description: "The supplier's code for it." })
  supplierSku!: string | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 6900,
    description: 'Unit purchase price from the preferred supplier, in minor units.',
  })
  purchasePriceMinor!: number | null;
  @ApiProperty({ enum: Object.values(ProductStatus), example: ProductStatus.Active })
  status!: ProductStatus;
  @ApiProperty({ enum: TAX_CLASSES, example: TaxClass.Standard })
  taxClass!: TaxClass;
  /** @example 1 */
  version!: number;
  /** @example 2026-11-23T10:15:30.123Z */
  createdAt!: string;
  /** @example 2026-11-23T10:15:30.123Z */
  updatedAt!: string;
}

export class ProductPageDto extends PageMetaDto implements Page<ProductDto> {
  @ApiProperty({ type: [ProductResponseDto] })
  items!: ProductResponseDto[];
}
