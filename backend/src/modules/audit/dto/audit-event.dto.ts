import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  AUDIT_EVENT_SORT_FIELDS,
  PAGINATION,
  type AuditEventDto,
  type AuditEventListQuery,
  type Page,
} from '@depot/contracts';
import { Transform, Type } from 'class-transformer';
import { booleanQuery, SortParam } from '../../../platform/http/pagination/list-query.dto';
import { IsBoolean, IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Optional, IsIsoInstant } from '../../../platform/http/validators';
import { PageMetaDto } from '../../../platform/http/pagination/page-dto';

export class AuditEventResponseDto implements AuditEventDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  /** @example 2026-11-23T10:15:30.123Z */
  occurredAt!: string;
  @ApiProperty({ enum: ['user', 'api_key', 'system', 'anonymous'], example: 'user' })
  actorType!: 'user' | 'api_key' | 'system' | 'anonymous';
  @ApiProperty({ type: String, nullable: true, example: '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10' })
  actorId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'admin@depot.local' })
  actorLabel!: string | null;
  /** @example update */
  action!: string;
  /** @example product */
  entityType!: string;
  @ApiProperty({ type: String, nullable: true, example: '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10' })
  entityId!: string | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: { type: 'object', properties: { before: {}, after: {} } },
    example: { priceMinor: { before: 500, after: 750 } },
  })
  changes!: Record<string, { before: unknown; after: unknown }> | null;
  @ApiProperty({ type: String, nullable: true, example: '3f0c6c4e-8f1c-4a53-9d0e-3f3b8f1f0c11' })
  requestId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '203.0.113.7' })
  ip!: string | null;
}

export class AuditEventPageDto extends PageMetaDto implements Page<AuditEventDto> {
  @ApiProperty({ type: [AuditEventResponseDto] })
  items!: AuditEventResponseDto[];
}

export class AuditEventListQueryDto implements AuditEventListQuery {
  /**
   * Page size.
   * @example 50
   */
  @ApiPropertyOptional({ minimum: 1, maximum: PAGINATION.maxLimit, default: PAGINATION.defaultLimit })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGINATION.maxLimit)
  limit?: number = PAGINATION.defaultLimit;

  /** Opaque cursor from a previous page's `nextCursor`. */
  @Optional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @SortParam(AUDIT_EVENT_SORT_FIELDS, '-occurredAt')
  sort?: string;

  /** Also return the total number of matching events (exact up to 10,000). */
  @Optional()
  @Transform(booleanQuery)
  @IsBoolean()
  includeTotal?: boolean;

  /** Exact action, or a prefix ending in `.` (e.g. `auth.`). @example auth.login.failed */
  @Optional()
  @IsString()
  @Matches(/^[a-z][a-z0-9._-]*$/)
  @MaxLength(64)
  action?: string;

  /**
   * Only events about this kind of record (`product`, `user`, …).
   * @example product
   */
  @Optional()
  @IsString()
  @Matches(/^[a-z_]+$/)
  @MaxLength(60)
  entityType?: string;

  /** Only events about this record. */
  @Optional()
  @IsUUID('all')
  entityId?: string;

  /** Only events by this user or API key. */
  @Optional()
  @IsUUID('all')
  actorId?: string;

  /**
   * Events at or after this time.
   * @example 2026-11-01T00:00:00Z
   */
  @Optional()
  @IsIsoInstant()
  from?: string;

  /**
   * Events before this time.
   * @example 2026-12-01T00:00:00Z
   */
  @Optional()
  @IsIsoInstant()
  to?: string;

  /** Only events by this kind of actor. */
  @ApiPropertyOptional({ enum: ['user', 'api_key', 'system', 'anonymous'] })
  @Optional()
  @IsIn(['user', 'api_key', 'system', 'anonymous'])
  actorType?: string;
}

/** The audit export: the list's filters, every matching event (no paging). */
export class AuditEventExportQueryDto extends OmitType(AuditEventListQueryDto, [
  'limit',
  'cursor',
  'includeTotal',
] as const) {}
