import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  LOW_STOCK_SORT_FIELDS,
  ADJUSTMENT_REASONS,
  INVENTORY_LIMITS,
  MOVEMENT_TYPES,
  STOCK_LEVEL_SORT_FIELDS,
  STOCK_MOVEMENT_SORT_FIELDS,
  type AdjustStockRequest,
  type AdjustmentReason,
  type LedgerConsistencyDto,
  type LowStockItemDto,
  type MovementType,
  type Page,
  type StockAdjustmentResultDto,
  type StockAsOfDto,
  type StockLevelDto,
  type StockLevelListQuery,
  type StockMovementDto,
  type StockMovementListQuery,
  type StockTransferResultDto,
  type TransferStockRequest,
} from '@depot/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min, NotEquals } from 'class-validator';
import { booleanQuery, ListQueryDto, SortParam } from '../../../../platform/http/pagination/list-query.dto';
import { Optional, OptionalOrNull, IsIsoInstant } from '../../../../platform/http/validators';
import { PageMetaDto } from '../../../../platform/http/pagination/page-dto';

const UUID_EXAMPLE = '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10';
const TIME_EXAMPLE = '2026-11-23T10:15:30.123Z';

export class StockLevelResponseDto implements StockLevelDto {
  @ApiProperty({ example: UUID_EXAMPLE }) productId!: string;
  /** @example CHAIR-OAK-01 */
  sku!: string;
  /** @example Oak dining chair */
  productName!: string;
  @ApiProperty({ example: UUID_EXAMPLE }) warehouseId!: string;
  /** @example BER-1 */
  warehouseCode!: string;
  /** @example Berlin central */
  warehouseName!: string;
  /** @example 42 */
  onHand!: number;
  /** @example 5 */
  reserved!: number;
  /** onHand - reserved. @example 37 */
  available!: number;
  /** @example 10 */
  reorderPoint!: number;
  /** @example 40 */
  reorderQuantity!: number;
  @ApiProperty({ example: TIME_EXAMPLE }) updatedAt!: string;
}

export class StockMovementResponseDto implements StockMovementDto {
  @ApiProperty({ example: UUID_EXAMPLE }) id!: string;
  @ApiProperty({ enum: MOVEMENT_TYPES, example: 'adjustment' }) type!: MovementType;
  @ApiProperty({ example: UUID_EXAMPLE }) productId!: string;
  /** @example CHAIR-OAK-01 */
  sku!: string;
  /** @example Oak dining chair */
  productName!: string;
  @ApiProperty({ example: UUID_EXAMPLE }) warehouseId!: string;
  /** @example BER-1 */
  warehouseCode!: string;
  /** Change of on-hand stock. @example 10 */
  onHandChange!: number;
  /** Change of reserved stock. @example 0 */
  reservedChange!: number;
  /** @example 52 */
  onHandAfter!: number;
  /** @example 5 */
  reservedAfter!: number;
  @ApiProperty({ enum: ADJUSTMENT_REASONS, nullable: true, example: 'count_correction' })
  reasonCode!: AdjustmentReason | null;
  @ApiProperty({ type: String, nullable: true, example: 'Shelf recount' }) note!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) transferId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) sourceType!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) sourceId!: string | null;
  @ApiProperty({ enum: ['user', 'api_key', 'system'], example: 'user' }) actorType!: 'user' | 'api_key' | 'system';
  @ApiProperty({ type: String, nullable: true, example: UUID_EXAMPLE }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'clerk@depot.local' }) actorName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '9b2c7c1e-4b1e-4d1a-9f7e-0c2f7a1b3d4e' })
  requestId!: string | null;
  @ApiProperty({ example: TIME_EXAMPLE }) occurredAt!: string;
}

export class StockLevelPageDto extends PageMetaDto implements Page<StockLevelDto> {
  @ApiProperty({ type: [StockLevelResponseDto] }) items!: StockLevelResponseDto[];
}

export class StockMovementPageDto extends PageMetaDto implements Page<StockMovementDto> {
  @ApiProperty({ type: [StockMovementResponseDto] }) items!: StockMovementResponseDto[];
}

export class StockLevelListQueryDto extends ListQueryDto implements StockLevelListQuery {
  @SortParam(STOCK_LEVEL_SORT_FIELDS, 'sku')
  declare sort?: string;

  /** Only levels of this product. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  productId?: string;

  /** Only levels in this warehouse. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  warehouseId?: string;

  /** Only levels whose available stock is below the product's reorder point. */
  @ApiPropertyOptional({ type: Boolean })
  @Optional()
  @Transform(booleanQuery)
  @IsBoolean()
  belowReorderPoint?: boolean;
}

export class StockMovementListQueryDto extends ListQueryDto implements StockMovementListQuery {
  @SortParam(STOCK_MOVEMENT_SORT_FIELDS, '-occurredAt')
  declare sort?: string;

  /** Only movements of this product. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  productId?: string;

  /** Only movements in this warehouse. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  warehouseId?: string;

  /** Only movements of this type. */
  @ApiPropertyOptional({ enum: MOVEMENT_TYPES })
  @Optional()
  @IsIn(MOVEMENT_TYPES)
  type?: MovementType;

  /** From this time on (inclusive). */
  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z' })
  @Optional()
  @IsIsoInstant()
  from?: string;

  /** Before this time (exclusive). */
  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z' })
  @Optional()
  @IsIsoInstant()
  to?: string;
}

/** The ledger export: the list's filters and order, every matching movement (no paging). */
export class StockMovementExportQueryDto extends OmitType(StockMovementListQueryDto, [
  'limit',
  'cursor',
  'includeTotal',
] as const) {}

export class LowStockQueryDto extends ListQueryDto {
  @SortParam(LOW_STOCK_SORT_FIELDS, 'sku')
  declare sort?: string;

  /** Only this warehouse (default: every warehouse). */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  warehouseId?: string;
}

export class AdjustStockDto implements AdjustStockRequest {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  @IsUUID()
  productId!: string;

  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  @IsUUID()
  warehouseId!: string;

  /** Signed, non-zero: negative takes stock out. @example -2 */
  @ApiProperty({
    type: 'integer',
    example: -2,
    minimum: -INVENTORY_LIMITS.maxQuantity,
    maximum: INVENTORY_LIMITS.maxQuantity,
  })
  @IsInt()
  @NotEquals(0, { message: 'quantity must not be zero' })
  @Min(-INVENTORY_LIMITS.maxQuantity)
  @Max(INVENTORY_LIMITS.maxQuantity)
  quantity!: number;

  @ApiProperty({ enum: ADJUSTMENT_REASONS, example: 'damaged' })
  @IsIn(ADJUSTMENT_REASONS)
  reasonCode!: AdjustmentReason;

  /** @example Dropped by the forklift */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: INVENTORY_LIMITS.noteMaxLength })
  @OptionalOrNull()
  @IsString()
  @MaxLength(INVENTORY_LIMITS.noteMaxLength)
  note?: string | null;
}

export class TransferStockDto implements TransferStockRequest {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  @IsUUID()
  productId!: string;

  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  @IsUUID()
  fromWarehouseId!: string;

  @ApiProperty({ format: 'uuid', example: '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c11' })
  @IsUUID()
  toWarehouseId!: string;

  /** @example 4 */
  @ApiProperty({ type: 'integer', example: 4, minimum: 1, maximum: INVENTORY_LIMITS.maxQuantity })
  @IsInt()
  @Min(1)
  @Max(INVENTORY_LIMITS.maxQuantity)
  quantity!: number;

  /** @example Rebalancing for the weekend */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: INVENTORY_LIMITS.noteMaxLength })
  @OptionalOrNull()
  @IsString()
  @MaxLength(INVENTORY_LIMITS.noteMaxLength)
  note?: string | null;
}

export class StockAdjustmentResultResponseDto implements StockAdjustmentResultDto {
  @ApiProperty({ type: StockMovementResponseDto }) movement!: StockMovementResponseDto;
  @ApiProperty({ type: StockLevelResponseDto }) level!: StockLevelResponseDto;
}

export class StockTransferResultResponseDto implements StockTransferResultDto {
  @ApiProperty({ example: UUID_EXAMPLE }) transferId!: string;
  @ApiProperty({ type: [StockMovementResponseDto], minItems: 2, maxItems: 2, description: 'Out leg, then in leg.' })
  movements!: [StockMovementResponseDto, StockMovementResponseDto];
  @ApiProperty({ type: StockLevelResponseDto }) from!: StockLevelResponseDto;
  @ApiProperty({ type: StockLevelResponseDto }) to!: StockLevelResponseDto;
}

export class StockAsOfQueryDto {
  /** The product whose stock to compute. */
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  @IsUUID()
  productId!: string;

  /** The moment to compute stock at (ISO 8601). */
  @ApiProperty({ example: '2026-11-30T23:59:59Z' })
  @IsIsoInstant()
  at!: string;
}

class StockAsOfLevelDto {
  @ApiProperty({ example: UUID_EXAMPLE }) warehouseId!: string;
  /** @example BER-1 */
  warehouseCode!: string;
  /** @example 40 */
  onHand!: number;
  /** @example 0 */
  reserved!: number;
}

export class StockAsOfResponseDto implements StockAsOfDto {
  @ApiProperty({ example: '2026-11-30T23:59:59.000Z' }) at!: string;
  @ApiProperty({ example: UUID_EXAMPLE }) productId!: string;
  @ApiProperty({ type: [StockAsOfLevelDto] }) levels!: StockAsOfLevelDto[];
  /** @example 40 */
  totalOnHand!: number;
}

class LedgerMismatchDto {
  @ApiProperty({ example: UUID_EXAMPLE }) productId!: string;
  @ApiProperty({ example: UUID_EXAMPLE }) warehouseId!: string;
  /** @example 10 */
  onHand!: number;
  /** @example 9 */
  ledgerOnHand!: number;
  /** @example 0 */
  reserved!: number;
  /** @example 0 */
  ledgerReserved!: number;
}

export class LedgerConsistencyResponseDto implements LedgerConsistencyDto {
  /** @example true */
  consistent!: boolean;
  /** @example 120 */
  checkedLevels!: number;
  /** @example 5400 */
  checkedMovements!: number;
  @ApiProperty({ type: [LedgerMismatchDto] }) mismatches!: LedgerMismatchDto[];
  @ApiProperty({ example: TIME_EXAMPLE }) checkedAt!: string;
}

export class LowStockItemResponseDto implements LowStockItemDto {
  @ApiProperty({ example: UUID_EXAMPLE }) productId!: string;
  /** @example CHAIR-OAK-01 */
  sku!: string;
  /** @example Oak dining chair */
  productName!: string;
  @ApiProperty({ example: UUID_EXAMPLE }) warehouseId!: string;
  /** @example BER-1 */
  warehouseCode!: string;
  /** @example 3 */
  available!: number;
  /** @example 10 */
  reorderPoint!: number;
  /** @example 40 */
  reorderQuantity!: number;
  /** @example 7 */
  shortfall!: number;
}

export class LowStockPageDto extends PageMetaDto implements Page<LowStockItemDto> {
  @ApiProperty({ type: [LowStockItemResponseDto] }) items!: LowStockItemResponseDto[];
}
