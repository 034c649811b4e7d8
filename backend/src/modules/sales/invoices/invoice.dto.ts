import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CURRENCIES,
  INVOICE_LIMITS,
  INVOICE_SORT_FIELDS,
  InvoiceKind,
  ORDER_LIMITS,
  PAYMENT_METHODS,
  PaymentStatus,
  type CreateCreditNoteRequest,
  type CurrencyCode,
  type InvoiceDto,
  type InvoiceLineDto,
  type InvoiceListQuery,
  type InvoiceSummaryDto,
  type Page,
  type PaymentDto,
  type PaymentMethod,
  type RecordPaymentRequest,
  TAX_TREATMENTS,
  TaxTreatment,
} from '@depot/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ListQueryDto, SortParam } from '../../../platform/http/pagination/list-query.dto';
import { trimString } from '../../../platform/http/transforms';
import { Optional, OptionalOrNull, IsIsoInstant } from '../../../platform/http/validators';
import { PageMetaDto } from '../../../platform/http/pagination/page-dto';

export class InvoiceLineResponseDto implements InvoiceLineDto {
  /** @example WID-001 */
  sku!: string;
  /** @example Blue widget */
  description!: string;
  /** @example 3 */
  quantity!: number;
  /** @example 1999 */
  unitPriceMinor!: number;
  /** @example 500 */
  discountBps!: number;
  /** @example 1900 */
  taxRateBps!: number;
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

export class PaymentResponseDto implements PaymentDto {
  id!: string;
  /** @example 6779 */
  amountMinor!: number;
  @ApiProperty({ enum: PAYMENT_METHODS, example: 'bank_transfer' })
  method!: PaymentMethod;
  @ApiProperty({ type: String, nullable: true, example: 'Bank ref 2026-11-30-0042' })
  reference!: string | null;
  /** @example 2026-11-30T09:00:00.000Z */
  paidAt!: string;
  recordedAt!: string;
}

export class InvoiceCustomerDto {
  id!: string;
  /** @example NORDIC */
  code!: string;
  /** @example Nordic Retail AB */
  name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Storgatan 1, 111 51 Stockholm' })
  billingAddress!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'SE556677889901' })
  taxId!: string | null;
  @ApiProperty({ enum: TAX_TREATMENTS, example: TaxTreatment.EuReverseCharge })
  taxTreatment!: TaxTreatment;
}

export class InvoiceSummaryResponseDto implements InvoiceSummaryDto {
  id!: string;
  @ApiProperty({ enum: Object.values(InvoiceKind), example: 'invoice' })
  kind!: InvoiceKind;
  /** @example INV-2026-000123 */
  number!: string;
  salesOrderId!: string;
  /** @example SO-2026-000042 */
  salesOrderNumber!: string;
  @ApiProperty({ type: String, nullable: true, example: null })
  creditedInvoiceId!: string | null;
  customer!: InvoiceCustomerDto;
  @ApiProperty({ enum: CURRENCIES, example: 'EUR' })
  currency!: CurrencyCode;
  issuedAt!: string;
  /** @example 2026-12-23 */
  dueDate!: string;
  @ApiProperty({ type: String, nullable: true, example: null })
  reason!: string | null;
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
  /** @example 0 */
  paidMinor!: number;
  /** @example 0 */
  creditedMinor!: number;
  /** @example 6779 */
  balanceMinor!: number;
  @ApiProperty({ enum: Object.values(PaymentStatus), nullable: true, example: 'unpaid' })
  paymentStatus!: PaymentStatus | null;
  @ApiProperty({ type: [String] })
  creditNoteIds!: string[];
}

export class InvoiceResponseDto extends InvoiceSummaryResponseDto implements InvoiceDto {
  @ApiProperty({ type: [InvoiceLineResponseDto] })
  lines!: InvoiceLineResponseDto[];
  @ApiProperty({ type: [PaymentResponseDto] })
  payments!: PaymentResponseDto[];
}

export class InvoicePageDto extends PageMetaDto implements Page<InvoiceSummaryDto> {
  @ApiProperty({ type: [InvoiceSummaryResponseDto] })
  items!: InvoiceSummaryResponseDto[];
}

export class RecordPaymentDto implements RecordPaymentRequest {
  /** @example 6779 */
  @IsInt()
  @Min(1)
  @Max(ORDER_LIMITS.maxUnitAmountMinor)
  amountMinor!: number;

  @ApiProperty({ enum: PAYMENT_METHODS, example: 'bank_transfer' })
  @IsIn(PAYMENT_METHODS)
  method!: PaymentMethod;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Bank ref 2026-11-30-0042' })
  @OptionalOrNull()
  @IsString()
  @MaxLength(INVOICE_LIMITS.referenceMaxLength)
  reference?: string | null;

  /** Defaults to now. @example 2026-11-30T09:00:00.000Z */
  @Optional()
  @IsIsoInstant()
  paidAt?: string;
}

export class CreateCreditNoteDto implements CreateCreditNoteRequest {
  /** @example Goods returned damaged */
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(INVOICE_LIMITS.reasonMaxLength)
  reason!: string;

  /** Gross amount to credit; default: everything not yet credited. @example 1000 */
  @Optional()
  @IsInt()
  @Min(1)
  @Max(ORDER_LIMITS.maxUnitAmountMinor)
  amountMinor?: number;
}

export class InvoiceListQueryDto extends ListQueryDto implements InvoiceListQuery {
  @SortParam(INVOICE_SORT_FIELDS, '-issuedAt')
  declare sort?: string;

  /** Only invoices, or only credit notes. */
  @ApiPropertyOptional({ enum: Object.values(InvoiceKind) })
  @Optional()
  @IsIn(Object.values(InvoiceKind))
  kind?: InvoiceKind;

  /** Only documents with this payment status. */
  @ApiPropertyOptional({ enum: Object.values(PaymentStatus) })
  @Optional()
  @IsIn(Object.values(PaymentStatus))
  paymentStatus?: PaymentStatus;

  /** Only documents of this customer. */
  @Optional()
  @IsUUID()
  customerId?: string;

  /** Only documents of this sales order. */
  @Optional()
  @IsUUID()
  salesOrderId?: string;
}
