import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CURRENCIES,
  ORDER_LIMITS,
  PURCHASE_ORDER_SORT_FIELDS,
  PURCHASE_ORDER_STATUSES,
  type CreatePurchaseOrderRequest,
  type CurrencyCode,
  type IncomingStockDto,
  type Page,
  type PurchaseOrderDto,
  type PurchaseOrderLineDto,
  type PurchaseOrderLineInput,
  type PurchaseOrderListQuery,
  type PurchaseOrderStatus,
  type PurchaseOrderSummaryDto,
  type ReceivePurchaseOrderRequest,
  type UpdatePurchaseOrderRequest,
  INCOMING_STOCK_SORT_FIELDS,
} from '@depot/contracts';
import { Type } from 'class-transformer';
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
import { Optional, OptionalOrNull, IsIsoDate } from '../../../platform/http/validators';
import { PageMetaDto } from '../../../platform/http/pagination/page-dto';

export class PurchaseOrderLineResponseDto implements PurchaseOrderLineDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c11 */
  id!: string;
  /** @example 1 */
  lineNo!: number;
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c12 */
  productId!: string;
  /** @example WID-001 */
  sku!: string;
  /** @example Blue widget */
  productName!: string;
  /** @example 100 */
  quantity!: number;
  /** @example 40 */
  receivedQuantity!: number;
  /** @example 60 */
  openQuantity!: number;
  /** @example 850 */
  unitCostMinor!: number;
  /** @example 85000 */
  lineTotalMinor!: number;
}

export class PurchaseOrderSummaryResponseDto implements PurchaseOrderSummaryDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  /** @example PO-2026-000042 */
  number!: string;
  supplierId!: string;
  /** @example ACME */
  supplierCode!: string;
  /** @example ACME Industrial Supplies GmbH */
  supplierName!: string;
  @ApiProperty({ enum: PURCHASE_ORDER_STATUSES, example: 'submitted' })
  status!: PurchaseOrderStatus;
  warehouseId!: string;
  /** @example BER-1 */
  warehouseCode!: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-15' })
  expectedDate!: string | null;
  @ApiProperty({ enum: CURRENCIES, example: 'EUR' })
  currency!: CurrencyCode;
  @ApiProperty({ type: String, nullable: true, example: null })
  notes!: string | null;
  /** @example 85000 */
  totalMinor!: number;
  /** @example 2 */
  lineCount!: number;
  /** @example 3 */
  version!: number;
  createdAt!: string;
  updatedAt!: string;
}

export class PurchaseOrderResponseDto implements PurchaseOrderDto {
  id!: string;
  /** @example PO-2026-000042 */
  number!: string;
  supplierId!: string;
  /** @example ACME */
  supplierCode!: string;
  /** @example ACME Industrial Supplies GmbH */
  supplierName!: string;
  @ApiProperty({ enum: PURCHASE_ORDER_STATUSES, example: 'submitted' })
  status!: PurchaseOrderStatus;
  warehouseId!: string;
  /** @example BER-1 */
  warehouseCode!: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-15' })
  expectedDate!: string | null;
  @ApiProperty({ enum: CURRENCIES, example: 'EUR' })
  currency!: CurrencyCode;
  @ApiProperty({ type: String, nullable: true, example: null })
  notes!: string | null;
  /** @example 85000 */
  totalMinor!: number;
  @ApiProperty({ type: [PurchaseOrderLineResponseDto] })
  lines!: PurchaseOrderLineResponseDto[];
  @ApiProperty({ type: [StatusChangeResponseDto] })
  history!: StatusChangeResponseDto[];
  /** @example 3 */
  version!: number;
  createdAt!: string;
  updatedAt!: string;
}

export class PurchaseOrderPageDto extends PageMetaDto implements Page<PurchaseOrderSummaryDto> {
  @ApiProperty({ type: [PurchaseOrderSummaryResponseDto] })
  items!: PurchaseOrderSummaryResponseDto[];
}

export class PurchaseOrderLineInputDto implements PurchaseOrderLineInput {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c12 */
  @IsUUID()
  productId!: string;

  /** @example 100 */
  @IsInt()
  @Min(1)
  @Max(ORDER_LIMITS.maxQuantity)
  quantity!: number;

  /** Minor units; defaults to the product's cost. @example 850 */
  @Optional()
  @IsInt()
  @Min(0)
  @Max(ORDER_LIMITS.maxUnitAmountMinor)
  unitCostMinor?: number;
}

export class CreatePurchaseOrderDto implements CreatePurchaseOrderRequest {
  @IsUUID()
  supplierId!: string;

  /** Where the goods are expected. */
  @IsUUID()
  warehouseId!: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-12-15' })
  @OptionalOrNull()
  @IsIsoDate()
  expectedDate?: string | null;

  @ApiPropertyOptional({ enum: CURRENCIES, default: 'EUR' })
  @Optional()
  @IsIn(CURRENCIES)
  currency?: CurrencyCode;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalOrNull()
  @IsString()
  @MaxLength(ORDER_LIMITS.notesMaxLength)
  notes?: string | null;

  @ApiProperty({ type: [PurchaseOrderLineInputDto], minItems: 1, maxItems: ORDER_LIMITS.maxLines })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ORDER_LIMITS.maxLines)
  @ValidateNested({ each: true })
  @Type(() => PurchaseOrderLineInputDto)
  lines!: PurchaseOrderLineInputDto[];
}

export class UpdatePurchaseOrderDto implements UpdatePurchaseOrderRequest {
  /** The version you read; stale -> 409. @example 1 */
  @IsInt()
  @Min(1)
  version!: number;

  @Optional()
  @IsUUID()
  supplierId?: string;

  @Optional()
  @IsUUID()
  warehouseId?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-12-15' })
  @OptionalOrNull()
  @IsIsoDate()
  expectedDate?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalOrNull()
  @IsString()
  @MaxLength(ORDER_LIMITS.notesMaxLength)
  notes?: string | null;

  /** Replaces all lines. */
  @ApiPropertyOptional({ type: [PurchaseOrderLineInputDto], minItems: 1, maxItems: ORDER_LIMITS.maxLines })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ORDER_LIMITS.maxLines)
  @ValidateNested({ each: true })
  @Type(() => PurchaseOrderLineInputDto)
  lines?: PurchaseOrderLineInputDto[];
}

export class ReceiptLineDto {
  @IsUUID()
  lineId!: string;

  /** @example 40 */
  @IsInt()
  @Min(1)
  @Max(ORDER_LIMITS.maxQuantity)
  quantity!: number;
}

export class ReceivePurchaseOrderDto implements ReceivePurchaseOrderRequest {
  /** Defaults to the order's warehouse. */
  @Optional()
  @IsUUID()
  warehouseId?: string;

  @ApiProperty({ type: [ReceiptLineDto], minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ORDER_LIMITS.maxLines)
  @ValidateNested({ each: true })
  @Type(() => ReceiptLineDto)
  lines!: ReceiptLineDto[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Delivery note 4711' })
  @OptionalOrNull()
  @IsString()
  @MaxLength(ORDER_LIMITS.transitionNoteMaxLength)
  note?: string | null;
}

export class PurchaseOrderListQueryDto extends ListQueryDto implements PurchaseOrderListQuery {
  @SortParam(PURCHASE_ORDER_SORT_FIELDS, '-createdAt')
  declare sort?: string;

  /** Only orders in this status. */
  @ApiPropertyOptional({ enum: PURCHASE_ORDER_STATUSES })
  @Optional()
  @IsIn(PURCHASE_ORDER_STATUSES)
  status?: PurchaseOrderStatus;

  /** Only orders from this supplier. */
  @Optional()
  @IsUUID()
  supplierId?: string;

  /** Orders with a line for this product. */
  @Optional()
  @IsUUID()
  productId?: string;
}

export class IncomingStockResponseDto implements IncomingStockDto {
  productId!: string;
  warehouseId!: string;
  /** @example BER-1 */
  warehouseCode!: string;
  /** @example 60 */
  quantity!: number;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-15' })
  nextExpectedDate!: string | null;
}

export class IncomingStockQueryDto extends WholeListQueryOf(
  INCOMING_STOCK_SORT_FIELDS,
  'warehouseCode',
  'by warehouse code',
) {}
