import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  TAX_CLASSES,
  TAX_RATE_LIMITS,
  TaxClass,
  type CreateTaxRateRequest,
  type TaxRateDto,
  type UpdateTaxRateRequest,
} from '@depot/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { trimString } from '../../../platform/http/transforms';
import { IsIsoDate, Optional, OptionalOrNull } from '../../../platform/http/validators';

export class TaxRateResponseDto implements TaxRateDto {
  /** @example 00000000-0000-4000-8000-000000000103 */
  id!: string;
  /** @example Standard 19 % */
  name!: string;
  @ApiProperty({ enum: TAX_CLASSES, example: TaxClass.Standard })
  taxClass!: TaxClass;
  /** Basis points. @example 1900 */
  rateBps!: number;
  @ApiProperty({ format: 'date', example: '2021-01-01' })
  validFrom!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: null })
  validTo!: string | null;
  /** @example 1 */
  version!: number;
  /** @example 2026-11-23T10:15:30.123Z */
  createdAt!: string;
  /** @example 2026-11-23T10:15:30.123Z */
  updatedAt!: string;
}

export class CreateTaxRateDto implements CreateTaxRateRequest {
  /** @example Reduced 7 % */
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(TAX_RATE_LIMITS.nameMaxLength)
  name!: string;

  @ApiProperty({ enum: TAX_CLASSES, example: TaxClass.Reduced })
  @IsIn(TAX_CLASSES)
  taxClass!: TaxClass;

  /** Basis points: 700 = 7 %. @example 700 */
  @IsInt()
  @Min(0)
  @Max(TAX_RATE_LIMITS.maxRateBps)
  rateBps!: number;

  @ApiProperty({ format: 'date', example: '2027-01-01', description: 'First day the rate applies.' })
  @IsIsoDate()
  validFrom!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: null,
    description: 'First day it no longer applies; null while it does.',
  })
  @OptionalOrNull()
  @IsIsoDate()
  validTo?: string | null;
}

export class UpdateTaxRateDto implements UpdateTaxRateRequest {
  /** The version you read; stale -> 409. @example 1 */
  @IsInt()
  @Min(1)
  version!: number;

  /** @example Standard 19 % */
  @Optional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(TAX_RATE_LIMITS.nameMaxLength)
  name?: string;

  /** @example 1900 */
  @Optional()
  @IsInt()
  @Min(0)
  @Max(TAX_RATE_LIMITS.maxRateBps)
  rateBps?: number;

  @ApiPropertyOptional({ format: 'date', example: '2021-01-01' })
  @Optional()
  @IsIsoDate()
  validFrom?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2027-07-01' })
  @OptionalOrNull()
  @IsIsoDate()
  validTo?: string | null;
}
