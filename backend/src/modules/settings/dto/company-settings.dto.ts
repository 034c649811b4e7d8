import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMPANY_LIMITS,
  COMPANY_REQUIRED_FOR_INVOICING,
  COUNTRY_CODES,
  CURRENCIES,
  LANGUAGES,
  type CompanyRequiredField,
  type CompanySettingsDto,
  type CurrencyCode,
  type DocumentType,
  type Language,
  type UpdateCompanySettingsRequest,
} from '@depot/contracts';
import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { trimString } from '../../../platform/http/transforms';
import { Optional, OptionalOrNull } from '../../../platform/http/validators';
import { compactIdentifier, isValidBic, isValidIban, vatIdProblem } from '../tax-identifiers';

const PREFIX_MESSAGE = 'a number prefix is 1 to 8 upper-case letters or digits';

export class NumberPrefixesDto implements Record<DocumentType, string> {
  /** @example INV */
  invoice!: string;
  /** @example CN */
  credit_note!: string;
  /** @example SO */
  sales_order!: string;
  /** @example PO */
  purchase_order!: string;
}

export class CompanySettingsResponseDto implements CompanySettingsDto {
  @ApiProperty({ type: String, nullable: true, example: 'Depot Demo GmbH' })
  legalName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Lagerstraße 1' })
  street!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '10115' })
  postalCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Berlin' })
  city!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'DE', description: 'ISO 3166-1 alpha-2.' })
  countryCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'DE123456789' })
  vatId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '12/345/67890' })
  taxNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Amtsgericht Berlin-Charlottenburg HRB 123456' })
  registration!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'billing@depot-demo.example' })
  email!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '+49 30 1234567' })
  phone!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'https://depot-demo.example' })
  website!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Commerzbank' })
  bankName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Depot Demo GmbH' })
  bankAccountHolder!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'DE89370400440532013000' })
  iban!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'COBADEFFXXX' })
  bic!: string | null;
  @ApiProperty({ enum: CURRENCIES, example: 'EUR' })
  defaultCurrency!: CurrencyCode;
  @ApiProperty({ enum: LANGUAGES, example: 'en' })
  defaultLanguage!: Language;
  /** @example 30 */
  paymentTermsDays!: number;
  @ApiProperty({ type: NumberPrefixesDto })
  numberPrefixes!: NumberPrefixesDto;
  @ApiProperty({ type: String, nullable: true, example: 'Thank you for your business.' })
  invoiceFooter!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '/api/v1/settings/company/logo/3f1f2b9d4c10a59e',
    description: 'Served without authentication; the path changes with the logo, so it may be cached for good.',
  })
  logoUrl!: string | null;
  /** True when invoices can be issued (nothing `missing`). @example true */
  complete!: boolean;
  @ApiProperty({ enum: COMPANY_REQUIRED_FOR_INVOICING, isArray: true, example: [] })
  missing!: CompanyRequiredField[];
  /** @example 3 */
  version!: number;
  /** @example 2026-11-23T10:15:30.123Z */
  updatedAt!: string;
}

/** Optional text: trimmed, and empty means "clear it". */
const optionalText = ({ value }: { value: unknown }): unknown => {
  const trimmed = trimString({ value });
  return trimmed === '' ? null : trimmed;
};

/** Optional identifier: spaces, dots and dashes dropped, upper-cased (how it is stored and printed). */
const optionalIdentifier = ({ value }: { value: unknown }): unknown => {
  const trimmed = optionalText({ value });
  return typeof trimmed === 'string' ? compactIdentifier(trimmed) : trimmed;
};

function IsCheckedBy(
  name: string,
  check: (value: string) => string | null,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && check(value) === null,
        defaultMessage: (args) =>
          typeof args?.value === 'string'
            ? `${args.property}: ${check(args.value) ?? 'invalid'}`
            : `${args?.property} must be a string`,
      },
    },
    options,
  );
}

export class UpdateNumberPrefixesDto implements Partial<Record<DocumentType, string>> {
  @ApiPropertyOptional({ pattern: COMPANY_LIMITS.numberPrefixPattern, example: 'INV' })
  @Optional()
  @IsString()
  @Matches(new RegExp(COMPANY_LIMITS.numberPrefixPattern), { message: PREFIX_MESSAGE })
  invoice?: string;

  @ApiPropertyOptional({ pattern: COMPANY_LIMITS.numberPrefixPattern, example: 'CN' })
  @Optional()
  @IsString()
  @Matches(new RegExp(COMPANY_LIMITS.numberPrefixPattern), { message: PREFIX_MESSAGE })
  credit_note?: string;

  @ApiPropertyOptional({ pattern: COMPANY_LIMITS.numberPrefixPattern, example: 'SO' })
  @Optional()
  @IsString()
  @Matches(new RegExp(COMPANY_LIMITS.numberPrefixPattern), { message: PREFIX_MESSAGE })
  sales_order?: string;

  @ApiPropertyOptional({ pattern: COMPANY_LIMITS.numberPrefixPattern, example: 'PO' })
  @Optional()
  @IsString()
  @Matches(new RegExp(COMPANY_LIMITS.numberPrefixPattern), { message: PREFIX_MESSAGE })
  purchase_order?: string;
}

export class UpdateCompanySettingsDto implements UpdateCompanySettingsRequest {
  /** The version you read; stale -> 409. @example 1 */
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Depot Demo GmbH' })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(COMPANY_LIMITS.legalNameMaxLength)
  legalName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Lagerstraße 1' })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(COMPANY_LIMITS.streetMaxLength)
  street?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '10115' })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(COMPANY_LIMITS.postalCodeMaxLength)
  postalCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Berlin' })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(COMPANY_LIMITS.cityMaxLength)
  city?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, enum: COUNTRY_CODES, example: 'DE' })
  @OptionalOrNull()
  @Transform(optionalIdentifier)
  @IsIn(COUNTRY_CODES, { message: 'countryCode must be an ISO 3166-1 alpha-2 country code, e.g. DE' })
  countryCode?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'DE123456789',
    description: 'With its country prefix; checked against that country’s VAT id format.',
  })
  @OptionalOrNull()
  @Transform(optionalIdentifier)
  @MaxLength(COMPANY_LIMITS.vatIdMaxLength)
  @IsCheckedBy('isVatId', vatIdProblem)
  vatId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '12/345/67890',
    description: 'Checked against the format of the company’s country where Depot knows it (DE, AT).',
  })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(COMPANY_LIMITS.taxNumberMaxLength)
  taxNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Amtsgericht Berlin-Charlottenburg HRB 123456' })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(COMPANY_LIMITS.registrationMaxLength)
  registration?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'billing@depot-demo.example' })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsEmail()
  @MaxLength(COMPANY_LIMITS.emailMaxLength)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+49 30 1234567' })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(COMPANY_LIMITS.phoneMaxLength)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://depot-demo.example' })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(COMPANY_LIMITS.websiteMaxLength)
  website?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Commerzbank' })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(COMPANY_LIMITS.bankNameMaxLength)
  bankName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Depot Demo GmbH' })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(COMPANY_LIMITS.accountHolderMaxLength)
  bankAccountHolder?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'DE89 3704 0044 0532 0130 00',
    description: 'Spaces allowed; stored without them. Country format and check digits are verified.',
  })
  @OptionalOrNull()
  @Transform(optionalIdentifier)
  @IsCheckedBy('isIban', (value) => (isValidIban(value) ? null : 'not a valid IBAN (check digits or length)'))
  iban?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'COBADEFFXXX' })
  @OptionalOrNull()
  @Transform(optionalIdentifier)
  @IsCheckedBy('isBic', (value) => (isValidBic(value) ? null : 'not a valid BIC (8 or 11 characters)'))
  bic?: string | null;

  @ApiPropertyOptional({ enum: CURRENCIES, example: 'EUR' })
  @Optional()
  @IsIn(CURRENCIES)
  defaultCurrency?: CurrencyCode;

  @ApiPropertyOptional({ enum: LANGUAGES, example: 'de' })
  @Optional()
  @IsIn(LANGUAGES)
  defaultLanguage?: Language;

  @ApiPropertyOptional({ minimum: 0, maximum: COMPANY_LIMITS.maxPaymentTermsDays, example: 14 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(COMPANY_LIMITS.maxPaymentTermsDays)
  paymentTermsDays?: number;

  @ApiPropertyOptional({ type: UpdateNumberPrefixesDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => UpdateNumberPrefixesDto)
  numberPrefixes?: UpdateNumberPrefixesDto;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Thank you for your business.' })
  @OptionalOrNull()
  @Transform(optionalText)
  @IsString()
  @MaxLength(COMPANY_LIMITS.footerMaxLength)
  invoiceFooter?: string | null;
}
