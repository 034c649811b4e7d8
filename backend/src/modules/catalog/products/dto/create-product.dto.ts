import { ApiProperty } from '@nestjs/swagger';
import { CURRENCIES, PRODUCT_LIMITS, type CreateProductRequest, type CurrencyCode } from '@depot/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class CreateProductDto implements CreateProductRequest {
  /**
   * Stock keeping unit, unique case-insensitively.
   * @example CHAIR-OAK-01
   */
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(PRODUCT_LIMITS.skuMaxLength)
  @Matches(new RegExp(PRODUCT_LIMITS.skuPattern), {
    message: 'sku may contain letters, digits, ".", "_" and "-", starting with a letter or digit',
  })
  sku!: string;

  @ApiProperty({ example: 'Oak dining chair', minLength: 1, maxLength: PRODUCT_LIMITS.nameMaxLength })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(PRODUCT_LIMITS.nameMaxLength)
  name!: string;

  /** @example Solid oak, oiled finish. */
  @IsOptional()
  @IsString()
  @MaxLength(PRODUCT_LIMITS.descriptionMaxLength)
  description?: string | null;

  /**
   * Unit of measure.
   * @example pcs
   */
  @IsOptional()
  @Transform(trim)
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

  @ApiProperty({ enum: CURRENCIES, example: 'EUR' })
  @IsIn(CURRENCIES)
  currency!: CurrencyCode;
}
