import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CURRENCIES,
  PRODUCT_LIMITS,
  type CreateProductRequest,
  type CurrencyCode,
  type ProductAttributes,
  TAX_CLASSES,
  TaxClass,
} from '@depot/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsBarcode, IsProductAttributes } from './product-validators';
import { trimString } from '../../../../platform/http/transforms';
import { Optional, OptionalOrNull } from '../../../../platform/http/validators';

export class CreateProductDto implements CreateProductRequest {
  /**
   * Stock keeping unit, unique case-insensitively.
   * @example CHAIR-OAK-01
   */
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(PRODUCT_LIMITS.skuMaxLength)
  @Matches(new RegExp(PRODUCT_LIMITS.skuPattern), {
    message: 'sku may contain letters, digits, ".", "_" and "-", starting with a letter or digit',
  })
  sku!: string;

  @ApiProperty({ example: 'Oak dining chair', minLength: 1, maxLength: PRODUCT_LIMITS.nameMaxLength })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(PRODUCT_LIMITS.nameMaxLength)
  name!: string;

  /** @example Solid oak, oiled finish. */
  @OptionalOrNull()
  @IsString()
  @MaxLength(PRODUCT_LIMITS.descriptionMaxLength)
  description?: string | null;

  /**
   * Unit of measure.
   * @example pcs
   */
  @Optional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(PRODUCT_LIMITS.unitMaxLength)
  unit?: string;

  /**
   * Sale price in minor units (cents for EUR).
   * @example 12900
   */
  @ApiProperty({ type: 'integer', example: 12900, minimum: 0, maximum: PRODUCT_LIMITS.maxPriceMinor })
  @IsInt()
  @Min(0)
  @Max(PRODUCT_LIMITS.maxPriceMinor)
  priceMinor!: number;

  /**
   * Purchase cost in minor units of `currency`.
   * @example 7400
   */
  @ApiProperty({ type: 'integer', nullable: true, required: false, minimum: 0, maximum: PRODUCT_LIMITS.maxPriceMinor })
  @OptionalOrNull()
  @IsInt()
  @Min(0)
  @Max(PRODUCT_LIMITS.maxPriceMinor)
  costMinor?: number | null;

  @ApiProperty({ enum: CURRENCIES, example: 'EUR' })
  @IsIn(CURRENCIES)
  currency!: CurrencyCode;

  /** EAN-13 or UPC-A barcode (check digit validated), unique. */
  @ApiProperty({
    type: String,
    nullable: true,
    required: false,
    pattern: '^(\\d{12}|\\d{13})$',
    example: '4006381333931',
  })
  @OptionalOrNull()
  @Transform(trimString)
  @IsBarcode()
  barcode?: string | null;

  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  @ApiProperty({ type: String, format: 'uuid', nullable: true, required: false })
  @OptionalOrNull()
  @IsUUID()
  categoryId?: string | null;

  /**
   * Free-form key/value attributes (keys lower-case).
   * @example { "color": "oak", "seat_height_cm": "46" }
   */
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', maxLength: PRODUCT_LIMITS.attributeValueMaxLength },
    example: { color: 'oak', seat_height_cm: '46' },
  })
  @Optional()
  @IsProductAttributes()
  attributes?: ProductAttributes;

  /**
   * Reorder when available stock in a warehouse falls below this.
   * @example 10
   */
  @ApiProperty({ type: 'integer', required: false, minimum: 0, maximum: PRODUCT_LIMITS.maxReorderQuantity })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(PRODUCT_LIMITS.maxReorderQuantity)
  reorderPoint?: number;

  /**
   * How much to reorder.
   * @example 40
   */
  @ApiProperty({ type: 'integer', required: false, minimum: 0, maximum: PRODUCT_LIMITS.maxReorderQuantity })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(PRODUCT_LIMITS.maxReorderQuantity)
  reorderQuantity?: number;

  /**
   * The supplier (partner of kind supplier) the product is normally bought from; reorder
   * suggestions are grouped by it.
   * @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c11
   */
  @ApiProperty({ type: String, format: 'uuid', nullable: true, required: false })
  @OptionalOrNull()
  @IsUUID()
  preferredSupplierId?: string | null;

  /**
   * The preferred supplier's own code for the product.
   * @example OAK-CH-1
   */
  @ApiProperty({ type: String, nullable: true, required: false, maxLength: PRODUCT_LIMITS.supplierSkuMaxLength })
  @OptionalOrNull()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(PRODUCT_LIMITS.supplierSkuMaxLength)
  supplierSku?: string | null;

  /**
   * Unit purchase price from the preferred supplier, in minor units of `currency`; purchase
   * orders made from reorder suggestions use it.
   * @example 6900
   */
  @ApiProperty({ type: 'integer', nullable: true, required: false, minimum: 0, maximum: PRODUCT_LIMITS.maxPriceMinor })
  @OptionalOrNull()
  @IsInt()
  @Min(0)
  @Max(PRODUCT_LIMITS.maxPriceMinor)
  purchasePriceMinor?: number | null;

  /** The tax rate class it is sold at; defaults to `standard`. */
  @ApiPropertyOptional({ enum: TAX_CLASSES, example: TaxClass.Reduced })
  @Optional()
  @IsIn(TAX_CLASSES)
  taxClass?: TaxClass;
}
