import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CURRENCIES,
  ORDER_LIMITS,
  SALES_ORDER_SORT_FIELDS,
  SALES_ORDER_STATUSES,
  type AvailabilityDto,
  type CreateSalesOrderRequest,
  type CurrencyCode,
  type FulfilSalesOrderRequest,
  type Page,
  type SalesOrderDto,
  type SalesOrderLineDto,
  type SalesOrderLineInput,
  type SalesOrderListQuery,
  type SalesOrderStatus,
  type SalesOrderSummaryDto,
  type UpdateSalesOrderRequest,
  STOCK_AVAILABILITY_SORT_FIELDS,
} from '@depot/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ListQueryDto, SortParam, WholeListQueryOf } from '../../../platform/http/pagination/list-query.dto';
import { StatusChangeResponseDto } from '../../orders/dto/status-change.dto';
import { Optional, OptionalOrNull } from '../../../platform/http/validators';
import { PageMetaDto } from '../../../platform/http/pagination/page-dto';

export class SalesOrderLineResponseDto implements SalesOrderLineDto {
  id!: string;
  /** @example 1 */
  lineNo!: number;
  productId!: string;
  /** @example WID-001 */
  sku!: string;
  /** @example Blue widget */
  productName!: string;
  /** @example 3 */
  quantity!: number;
  /** @example 1999 */
  unitPriceMinor!: number;
  /** Basis points: 500 = 5 %. @example 500 */
  discountBps!: number;
  /** Basis points: 1900 = 19 %. @example 1900 */
  taxRateBps!: number;
  /** @example 3 */
  reservedQuantity!: number;
  /** @example 0 */
  fulfilledQuantity!: number;
  /** @example 5997 */
  grossMinor!: number;
  /** @example 300 */
  discountMinor!: number;
  /** @example 5697 */
  netMinor!: number;
  /** @example 1082 */
  taxMinor!: number;
  /** @example 6779 */
  totalMinor!: number;
}

class SalesOrderFieldsDto {
  id!: string;
  /** @example SO-2026-000042 */
  number!: string;
  customerId!: string;
  /** @example NORDIC */
  customerCode!: string;
  /** @example Nordic Retail AB */
  customerName!: string;
  @ApiProperty({ enum: SALES_ORDER_STATUSES, example: 'confirmed' })
  status!: SalesOrderStatus;
  warehouseId!: string;
  /** @example BER-1 */
  warehouseCode!: string;
  @ApiProperty({ enum: CURRENCIES, example: 'EUR' })
  currency!: CurrencyCode;
  @ApiProperty({ type: String, nullable: true, example: 'Storgatan 1, 111 51 Stockholm' })
  shippingAddress!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null })
  notes!: string | null;
  /** @example 5997 */
  grossMinor!: number;
  /** @example 300 */
  discountMinor!: number;
  /** @example 5697 */
  netMinor!: number;
  /** @example 1082 */
  taxMinor!: number;
  /** @example 6779 */
  totalMinor!: number;
  @ApiProperty({ type: String, nullable: true, example: null })
  invoiceId!: string | null;
  /** @example 2 */
  version!: number;
  createdAt!: string;
  updatedAt!: string;
}

export class SalesOrderSummaryResponseDto extends SalesOrderFieldsDto implements SalesOrderSummaryDto {
  /** @example 1 */
  lineCount!: number;
}

export class SalesOrderResponseDto extends SalesOrderFieldsDto implements SalesOrderDto {
  @ApiProperty({ type: [SalesOrderLineResponseDto] })
  lines!: SalesOrderLineResponseDto[];
  @ApiProperty({ type: [StatusChangeResponseDto] })
  history!: StatusChangeResponseDto[];
}

export class SalesOrderPageDto extends PageMetaDto implements Page<SalesOrderSummaryDto> {
  @ApiProperty({ type: [SalesOrderSummaryResponseDto] })
  items!: SalesOrderSummaryResponseDto[];
}

export class SalesOrderLineInputDto implements SalesOrderLineInput {
  @IsUUID()
  productId!: string;

  /** @example 3 */
  @IsInt()
  @Min(1)
  @Max(ORDER_LIMITS.maxQuantity)
  quantity!: number;

  /** Minor units; defaults to the product price. @example 1999 */
  @Optional()
  @IsInt()
  @Min(0)
  @Max(ORDER_LIMITS.maxUnitAmountMinor)
  unitPriceMinor?: number;

  /** Basis points (500 = 5 %). @example 500 */
  @Optional()
  @IsInt()
  @Min(0)
  @Max(ORDER_LIMITS.maxDiscountBps)
  discountBps?: number;

  /** Basis points (1900 = 19 %). @example 1900 */
  @Optional()
  @IsInt()
  @Min(0)
  @Max(ORDER_LIMITS.maxTaxRateBps)
  taxRateBps?: number;
}

export class CreateSalesOrderDto implements CreateSalesOrderRequest {
  @IsUUID()
  customerId!: string;

  /** Reservations and shipments come from here. */
  @IsUUID()
  warehouseId!: string;

  @ApiPropertyOptional({ enum: CURRENCIES, default: 'EUR' })
  @Optional()
  @IsIn(CURRENCIES)
  currency?: CurrencyCode;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalOrNull()
  @IsString()
  @MaxLength(ORDER_LIMITS.addressMaxLength)
  shippingAddress?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalOrNull()
  @IsString()
  @MaxLength(ORDER_LIMITS.notesMaxLength)
  notes?: string | null;

  @ApiProperty({ type: [SalesOrderLineInputDto], minItems: 1, maxItems: ORDER_LIMITS.maxLines })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ORDER_LIMITS.maxLines)
  @ValidateNested({ each: true })
  @Type(() => SalesOrderLineInputDto)
  lines!: SalesOrderLineInputDto[];
}

export class UpdateSalesOrderDto implements UpdateSalesOrderRequest {
  /** The version you read; stale -> 409. @example 1 */
  @IsInt()
  @Min(1)
  version!: number;

  @Optional()
  @IsUUID()
  customerId?: string;

  @Optional()
  @IsUUID()
  warehouseId?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalOrNull()
  @IsString()
  @MaxLength(ORDER_LIMITS.addressMaxLength)
  shippingAddress?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalOrNull()
  @IsString()
  @MaxLength(ORDER_LIMITS.notesMaxLength)
  notes?: string | null;

  /** Replaces all lines. */
  @ApiPropertyOptional({ type: [SalesOrderLineInputDto], minItems: 1, maxItems: ORDER_LIMITS.maxLines })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ORDER_LIMITS.maxLines)
  @ValidateNested({ each: true })
  @Type(() => SalesOrderLineInputDto)
  lines?: SalesOrderLineInputDto[];
}

export class ShipmentLineDto {
  @IsUUID()
  lineId!: string;

  /** @example 2 */
  @IsInt()
  @Min(1)
  @Max(ORDER_LIMITS.maxQuantity)
  quantity!: number;
}

export class FulfilSalesOrderDto implements FulfilSalesOrderRequest {
  /** The version you read; stale -> 409. @example 2 */
  @IsInt()
  @Min(1)
  version!: number;

  /** Without lines, everything still reserved ships. */
  @ApiPropertyOptional({ type: [ShipmentLineDto] })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ORDER_LIMITS.maxLines)
  @ValidateNested({ each: true })
  @Type(() => ShipmentLineDto)
  lines?: ShipmentLineDto[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Tracking 00340434161234567890' })
  @OptionalOrNull()
  @IsString()
  @MaxLength(ORDER_LIMITS.transitionNoteMaxLength)
  note?: string | null;
}

export class SalesOrderListQueryDto extends ListQueryDto implements SalesOrderListQuery {
  @SortParam(SALES_ORDER_SORT_FIELDS, '-createdAt')
  declare sort?: string;

  /** Only orders in this status. */
  @ApiPropertyOptional({ enum: SALES_ORDER_STATUSES })
  @Optional()
  @IsIn(SALES_ORDER_STATUSES)
  status?: SalesOrderStatus;

  /** Only orders of this customer. */
  @Optional()
  @IsUUID()
  customerId?: string;

  /** Orders with a line for this product. */
  @Optional()
  @IsUUID()
  productId?: string;
}

export class AvailabilityQueryDto extends WholeListQueryOf(
  STOCK_AVAILABILITY_SORT_FIELDS,
  'productId',
  'in the order the product ids were given',
) {
  /** The warehouse whose stock to look at. */
  @IsUUID()
  warehouseId!: string;

  /**
   * The products (up to 200): repeat the parameter (`productIds=…&productIds=…`) or send the ids
   * comma-separated in one.
   */
  @ApiProperty({
    type: [String],
    format: 'uuid',
    example: ['0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c12', '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c13'],
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean)
      : value,
  )
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ORDER_LIMITS.maxLines)
  @IsUUID('all', { each: true })
  productIds!: string[];
}

export class AvailabilityResponseDto implements AvailabilityDto {
  productId!: string;
  warehouseId!: string;
  /** @example 12 */
  onHand!: number;
  /** @example 3 */
  reserved!: number;
  /** @example 9 */
  available!: number;
}
