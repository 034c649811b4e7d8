import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PriceChangeMode,
  ProductBulkAction,
  type PriceChangeMode as PriceChangeModeType,
  type ProductBulkAction as ProductBulkActionType,
  type ProductBulkRequest,
} from '@depot/contracts';
import { IsIn, IsNumber, IsUUID } from 'class-validator';
import { BulkRequestBaseDto } from '../../../../platform/http/bulk/bulk.dto';
import { Optional, OptionalOrNull } from '../../../../platform/http/validators';

export class ProductBulkDto extends BulkRequestBaseDto implements ProductBulkRequest {
  @ApiProperty({ enum: Object.values(ProductBulkAction), example: ProductBulkAction.ChangePrice })
  @IsIn(Object.values(ProductBulkAction))
  action!: ProductBulkActionType;

  /** `moveToCategory` (required there): the target category, `null` for none. */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, example: null })
  @OptionalOrNull()
  @IsUUID('all')
  categoryId?: string | null;

  /** `changePrice` (required there): `percent` of the sale price, or an `amount` in minor units added to it. */
  @ApiPropertyOptional({ enum: Object.values(PriceChangeMode), example: PriceChangeMode.Percent })
  @Optional()
  @IsIn(Object.values(PriceChangeMode))
  mode?: PriceChangeModeType;

  /**
   * `changePrice` (required there): a percentage from -100 to 1000 with at most 2 decimals
   * (`-10` = 10 % off), or a whole amount in minor units (negative lowers the price). The new
   * price is rounded to the minor unit, halves away from zero, and never goes below 0.
   * @example -10
   */
  @ApiPropertyOptional({ type: 'number' })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number;
}
