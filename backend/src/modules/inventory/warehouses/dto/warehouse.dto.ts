import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  WAREHOUSE_LIMITS,
  WAREHOUSE_SORT_FIELDS,
  type CreateWarehouseRequest,
  type Page,
  type UpdateWarehouseRequest,
  type WarehouseDto,
  type WarehouseListQuery,
} from '@depot/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { booleanQuery, ListQueryDto, SortParam } from '../../../../platform/http/pagination/list-query.dto';
import { trimString } from '../../../../platform/http/transforms';
import { Optional, OptionalOrNull } from '../../../../platform/http/validators';
import { PageMetaDto } from '../../../../platform/http/pagination/page-dto';

const CODE_MESSAGE = 'code may contain upper-case letters, digits, "-" and "_", starting with a letter or digit';

export class WarehouseResponseDto implements WarehouseDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  /** @example BER-1 */
  code!: string;
  /** @example Berlin central */
  name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Lagerstraße 1, 10115 Berlin' })
  address!: string | null;
  /** @example true */
  active!: boolean;
  /** @example 1 */
  version!: number;
  /** @example 2026-11-23T10:15:30.123Z */
  createdAt!: string;
  /** @example 2026-11-23T10:15:30.123Z */
  updatedAt!: string;
}

export class WarehousePageDto extends PageMetaDto implements Page<WarehouseDto> {
  @ApiProperty({ type: [WarehouseResponseDto] })
  items!: WarehouseResponseDto[];
}

export class CreateWarehouseDto implements CreateWarehouseRequest {
  /** Unique (case-insensitive) short code. @example BER-1 */
  @ApiProperty({ pattern: WAREHOUSE_LIMITS.codePattern, maxLength: WAREHOUSE_LIMITS.codeMaxLength, example: 'BER-1' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(WAREHOUSE_LIMITS.codeMaxLength)
  @Matches(new RegExp(WAREHOUSE_LIMITS.codePattern), { message: CODE_MESSAGE })
  code!: string;

  /** @example Berlin central */
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(WAREHOUSE_LIMITS.nameMaxLength)
  name!: string;

  /** @example Lagerstraße 1, 10115 Berlin */
  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalOrNull()
  @IsString()
  @MaxLength(WAREHOUSE_LIMITS.addressMaxLength)
  address?: string | null;
}

export class UpdateWarehouseDto implements UpdateWarehouseRequest {
  /** The version you read; stale -> 409. @example 1 */
  @IsInt()
  @Min(1)
  version!: number;

  /** @example BER-1 */
  @Optional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(WAREHOUSE_LIMITS.codeMaxLength)
  @Matches(new RegExp(WAREHOUSE_LIMITS.codePattern), { message: CODE_MESSAGE })
  code?: string;

  /** @example Berlin central */
  @Optional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(WAREHOUSE_LIMITS.nameMaxLength)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalOrNull()
  @IsString()
  @MaxLength(WAREHOUSE_LIMITS.addressMaxLength)
  address?: string | null;

  /** Inactive warehouses accept no stock movements. @example true */
  @Optional()
  @IsBoolean()
  active?: boolean;
}

export class WarehouseListQueryDto extends ListQueryDto implements WarehouseListQuery {
  @SortParam(WAREHOUSE_SORT_FIELDS, 'code')
  declare sort?: string;

  /** Only active (true) or inactive (false) warehouses. */
  @ApiPropertyOptional({ type: Boolean })
  @Optional()
  @Transform(booleanQuery)
  @IsBoolean()
  active?: boolean;
}
