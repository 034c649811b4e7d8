import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PurchaseOrderResponseDto } from '../dto/purchase-order.dto';
import {
  CURRENCIES,
  REPLENISHMENT_LIMITS,
  type CreateReplenishmentOrdersRequest,
  type CurrencyCode,
  type Page,
  type PurchaseOrderDto,
  type ReplenishmentGroupDto,
  type ReplenishmentItemDto,
  type ReplenishmentLineInput,
  type ReplenishmentQuery,
  type ReplenishmentSupplierDto,
} from '@depot/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { Optional } from '../../../platform/http/validators';

export class ReplenishmentQueryDto implements ReplenishmentQuery {
  /** Only this warehouse's shortfalls. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all')
  warehouseId?: string;
}

export class ReplenishmentItemResponseDto implements ReplenishmentItemDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  productId!: string;
  /** @example CHAIR-OAK-01 */
  sku!: string;
  /** @example Oak dining chair */
  productName!: string;
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c20 */
  warehouseId!: string;
  /** @example BER-1 */
  warehouseCode!: string;
  /** @example 3 */
  available!: number;
  /** @example 10 */
  reorderPoint!: number;
  /** @example 40 */
  reorderQuantity!: number;
  /** Open quantities on draft, submitted and partially received purchase orders into this warehouse. @example 15 */
  incoming!: number;
  /** `reorderQuantity` if set, else up to the reorder point; minus `incoming`; never below 0. @example 25 */
  suggestedQuantity!: number;
  @ApiProperty({ type: String, nullable: true, example: 'OAK-CH-1' })
  supplierSku!: string | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 6900,
    description: 'Unit purchase price (the product purchase price, else its cost) in minor units of `currency`.',
  })
  purchasePriceMinor!: number | null;
  @ApiProperty({ enum: CURRENCIES, example: 'EUR' })
  currency!: CurrencyCode;
}

export class ReplenishmentSupplierResponseDto implements ReplenishmentSupplierDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c11 */
  id!: string;
  /** @example NORDWOOD */
  code!: string;
  /** @example Nordwood Furniture GmbH */
  name!: string;
}

export class ReplenishmentGroupResponseDto implements ReplenishmentGroupDto {
  @ApiProperty({ type: ReplenishmentSupplierResponseDto, nullable: true, description: 'Null: no preferred supplier.' })
  supplier!: ReplenishmentSupplierResponseDto | null;
  @ApiProperty({ type: [ReplenishmentItemResponseDto] })
  items!: ReplenishmentItemResponseDto[];
}

export class ReplenishmentLineInputDto implements ReplenishmentLineInput {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  @IsUUID('all')
  productId!: string;

  /** Receiving warehouse; defaults to the request's `warehouseId`. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all')
  warehouseId?: string;

  /** @example 25 */
  @ApiProperty({ type: 'integer', minimum: 1, maximum: REPLENISHMENT_LIMITS.maxQuantity })
  @IsInt()
  @Min(1)
  @Max(REPLENISHMENT_LIMITS.maxQuantity)
  quantity!: number;
}

export class CreateReplenishmentOrdersDto implements CreateReplenishmentOrdersRequest {
  /**
   * What to order. Without it: every current suggestion that has a preferred supplier and a
   * quantity above 0 (of `warehouseId` only, when given).
   */
  @ApiPropertyOptional({ type: [ReplenishmentLineInputDto], minItems: 1, maxItems: REPLENISHMENT_LIMITS.maxLines })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REPLENISHMENT_LIMITS.maxLines)
  @ValidateNested({ each: true })
  @Type(() => ReplenishmentLineInputDto)
  lines?: ReplenishmentLineInputDto[];

  /** The receiving warehouse of lines that name none, and the filter of the suggestions. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all')
  warehouseId?: string;
}

/** Written out: the generated example would stop short of the status history's actor (nesting depth). */
const CREATED_ORDER_EXAMPLE: PurchaseOrderDto = {
  id: '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c30',
  number: 'PO-000042',
  supplierId: '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c11',
  supplierCode: 'NORDWOOD',
  supplierName: 'Nordwood Furniture GmbH',
  warehouseId: '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c20',
  warehouseCode: 'BER-1',
  status: 'draft',
  expectedDate: null,
  currency: 'EUR',
  totalMinor: 172500,
  notes: 'Created from reorder suggestions.',
  lines: [
    {
      id: '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c31',
      lineNo: 1,
      productId: '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10',
      sku: 'CHAIR-OAK-01',
      productName: 'Oak dining chair',
      quantity: 25,
      receivedQuantity: 0,
      openQuantity: 25,
      unitCostMinor: 6900,
      lineTotalMinor: 172500,
    },
  ],
  history: [
    {
      from: null,
      to: 'draft',
      at: '2026-11-23T10:15:30.123Z',
      actor: { type: 'user', id: '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c40', label: 'clerk@depot.local' },
      note: null,
    },
  ],
  version: 1,
  createdAt: '2026-11-23T10:15:30.123Z',
  updatedAt: '2026-11-23T10:15:30.123Z',
};

/** The drafts created from suggestions, as one complete page. */
export class CreatedPurchaseOrdersDto implements Page<PurchaseOrderDto> {
  @ApiProperty({ type: [PurchaseOrderResponseDto], example: [CREATED_ORDER_EXAMPLE] })
  items!: PurchaseOrderResponseDto[];
  /** Always null: every created order is here. */
  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor!: string | null;
  /** How many drafts were created. @example 2 */
  total?: number;
}
