import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CURRENCIES, type CurrencyCode, type DashboardDto } from '@depot/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { Optional } from '../../platform/http/validators';

export class DashboardQueryDto {
  /** How many days of sales to chart. @example 30 */
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  days?: number = 30;

  /** Figures are in this currency (products and orders in others are left out). */
  @ApiPropertyOptional({ enum: CURRENCIES, default: 'EUR' })
  @Optional()
  @IsIn(CURRENCIES)
  currency?: CurrencyCode = 'EUR';
}

export class SalesDayDto {
  /** @example 2026-11-23 */
  date!: string;
  /** @example 4 */
  orders!: number;
  /** @example 125990 */
  netMinor!: number;
}

export class TopProductDto {
  productId!: string;
  /** @example WID-001 */
  sku!: string;
  /** @example Blue widget */
  name!: string;
  /** @example 42 */
  quantity!: number;
  /** @example 83958 */
  netMinor!: number;
}

export class DashboardResponseDto implements DashboardDto {
  @ApiProperty({ enum: CURRENCIES, example: 'EUR' })
  currency!: CurrencyCode;
  /** @example 12500000 */
  stockValueMinor!: number;
  /** @example 3 */
  lowStockCount!: number;
  /** @example 2 */
  openPurchaseOrders!: number;
  /** @example 5 */
  openSalesOrders!: number;
  @ApiProperty({ type: [SalesDayDto] })
  salesByDay!: SalesDayDto[];
  @ApiProperty({ type: [TopProductDto] })
  topProducts!: TopProductDto[];
}
