import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PARTNER_LIMITS,
  PARTNER_SORT_FIELDS,
  PartnerKind,
  type CreatePartnerRequest,
  type Page,
  type PartnerDto,
  type PartnerListQuery,
  type UpdatePartnerRequest,
  TAX_TREATMENTS,
  TaxTreatment,
} from '@depot/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsEmail, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { booleanQuery, ListQueryDto, SortParam } from '../../../platform/http/pagination/list-query.dto';
import { trimString } from '../../../platform/http/transforms';
import { Optional, OptionalOrNull } from '../../../platform/http/validators';
import { PageMetaDto } from '../../../platform/http/pagination/page-dto';

const CODE_MESSAGE = 'code may contain upper-case letters, digits, "-" and "_", starting with a letter or digit';

export class PartnerResponseDto implements PartnerDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  @ApiProperty({ enum: Object.values(PartnerKind), example: PartnerKind.Supplier })
  kind!: PartnerKind;
  /** @example ACME */
  code!: string;
  /** @example ACME Industrial Supplies GmbH */
  name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Jana Novak' })
  contactName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'orders@acme.example' })
  email!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '+49 30 1234567' })
  phone!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Industriestraße 5, 10115 Berlin' })
  billingAddress!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Tor 3, Industriestraße 5, 10115 Berlin' })
  shippingAddress!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'DE123456789' })
  taxId!: string | null;
  /** @example 30 */
  paymentTermsDays!: number;
  @ApiProperty({ enum: TAX_TREATMENTS, example: TaxTreatment.Domestic })
  taxTreatment!: TaxTreatment;
  @ApiProperty({ type: String, nullable: true, example: null })
  notes!: string | null;
  /** @example true */
  active!: boolean;
  /** @example 1 */
  version!: number;
  /** @example 2026-11-23T10:15:30.123Z */
  createdAt!: string;
  /** @example 2026-11-23T10:15:30.123Z */
  updatedAt!: string;
}

export class PartnerPageDto extends PageMetaDto implements Page<PartnerDto> {
  @ApiProperty({ type: [PartnerResponseDto] })
  items!: PartnerResponseDto[];
}

/** Optional text field: trimmed, empty becomes null. */
const optionalText = ({ value }: { value: unknown }): unknown => {
  const trimmed = trimString({ value });
  return trimmed === '' ? null : trimmed;
};

export class CreatePartnerDto implements CreatePartnerRequest {
  /** Unique per kind (case-insensitive) short code. @example ACME */
  @ApiProperty({ pattern: PARTNER_LIMITS.codePattern, maxLength: PARTNER_LIMITS.codeMaxLength, example: 'ACME' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(PARTNER_LIMITS.codeMaxLength)
  @Matches(new RegExp(PARTNER_LIMITS.codePattern), { message: CODE_MESSAGE })
  code!: string;

  /** @example ACME Industrial Supplies GmbH */
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(PARTNER_LIMITS.nameMaxLength)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Jana Novak' })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(PARTNER_LIMITS.contactNameMaxLength)
  contactName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'orders@acme.example' })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsEmail()
  @MaxLength(PARTNER_LIMITS.emailMaxLength)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+49 30 1234567' })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(PARTNER_LIMITS.phoneMaxLength)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Industriestraße 5, 10115 Berlin' })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(PARTNER_LIMITS.addressMaxLength)
  billingAddress?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(PARTNER_LIMITS.addressMaxLength)
  shippingAddress?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'DE123456789' })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(PARTNER_LIMITS.taxIdMaxLength)
  taxId?: string | null;

  /** Days until an invoice is due. @example 30 */
  @ApiPropertyOptional({ minimum: 0, maximum: PARTNER_LIMITS.maxPaymentTermsDays, default: 30 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(PARTNER_LIMITS.maxPaymentTermsDays)
  paymentTermsDays?: number;

  @ApiPropertyOptional({
    enum: TAX_TREATMENTS,
    example: TaxTreatment.EuReverseCharge,
    description: 'Defaults to `domestic`; `eu_reverse_charge` needs `taxId` (the VAT id).',
  })
  @Optional()
  @IsIn(TAX_TREATMENTS)
  taxTreatment?: TaxTreatment;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(PARTNER_LIMITS.notesMaxLength)
  notes?: string | null;
}

export class UpdatePartnerDto implements UpdatePartnerRequest {
  /** The version you read; stale -> 409. @example 1 */
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ pattern: PARTNER_LIMITS.codePattern, example: 'ACME' })
  @Optional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(PARTNER_LIMITS.codeMaxLength)
  @Matches(new RegExp(PARTNER_LIMITS.codePattern), { message: CODE_MESSAGE })
  code?: string;

  @ApiPropertyOptional({ example: 'ACME Industrial Supplies GmbH' })
  @Optional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(PARTNER_LIMITS.nameMaxLength)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(PARTNER_LIMITS.contactNameMaxLength)
  contactName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsEmail()
  @MaxLength(PARTNER_LIMITS.emailMaxLength)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(PARTNER_LIMITS.phoneMaxLength)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(PARTNER_LIMITS.addressMaxLength)
  billingAddress?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(PARTNER_LIMITS.addressMaxLength)
  shippingAddress?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(PARTNER_LIMITS.taxIdMaxLength)
  taxId?: string | null;

  @ApiPropertyOptional({ minimum: 0, maximum: PARTNER_LIMITS.maxPaymentTermsDays })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(PARTNER_LIMITS.maxPaymentTermsDays)
  paymentTermsDays?: number;

  @ApiPropertyOptional({
    enum: TAX_TREATMENTS,
    example: TaxTreatment.EuReverseCharge,
    description: 'Defaults to `domestic`; `eu_reverse_charge` needs `taxId` (the VAT id).',
  })
  @Optional()
  @IsIn(TAX_TREATMENTS)
  taxTreatment?: TaxTreatment;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(PARTNER_LIMITS.notesMaxLength)
  notes?: string | null;

  /** Inactive partners cannot be put on new orders. @example true */
  @Optional()
  @IsBoolean()
  active?: boolean;
}

export class PartnerListQueryDto extends ListQueryDto implements PartnerListQuery {
  @SortParam(PARTNER_SORT_FIELDS, 'code')
  declare sort?: string;

  /** Only active (true) or inactive (false) partners. */
  @ApiPropertyOptional({ type: Boolean })
  @Optional()
  @Transform(booleanQuery)
  @IsBoolean()
  active?: boolean;
}
