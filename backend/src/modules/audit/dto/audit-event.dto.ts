import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  AUDIT_EVENT_SORT_FIELDS,
  PAGINATION,
  type AuditEventDto,
  type AuditEventListQuery,
  type AuditFieldChangeDto,
  type AuditRef,
  type AuditRefType,
  type AuditValueKind,
  type Page,
} from '@depot/contracts';
import { Transform, Type } from 'class-transformer';
import { booleanQuery, SortParam } from '../../../platform/http/pagination/list-query.dto';
import { IsBoolean, IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Optional, IsIsoInstant } from '../../../platform/http/validators';
import { PageMetaDto } from '../../../platform/http/pagination/page-dto';

const REF_TYPES: AuditRefType[] = [
  'product',
  'category',
  'warehouse',
  'supplier',
  'customer',
  'user',
  'role',
  'sales_order',
  'purchase_order',
  'invoice',
];
const VALUE_KINDS: AuditValueKind[] = [
  'text',
  'money',
  'date',
  'datetime',
  'quantity',
  'number',
  'percent',
  'boolean',
  'reference',
  'list',
  'status',
  'json',
];

/** A recorded value: whatever the field held (text, number, flag, list or object), or null. */
const ANY_VALUE = [
  { type: 'string', nullable: true },
  { type: 'number' },
  { type: 'boolean' },
  { type: 'array', items: {} },
  { type: 'object' },
];

export class AuditRefResponseDto implements AuditRef {
  @ApiProperty({ enum: REF_TYPES, example: 'category' })
  type!: AuditRefType;
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  /** Human name of the record. @example Power tools */
  name!: string;
  /** Path of the record's page in the admin app. @example /categories */
  url!: string;
}

export class AuditFieldChangeResponseDto implements AuditFieldChangeDto {
  /** Field key as recorded. @example priceMinor */
  field!: string;
  /** Label to show. @example Price */
  label!: string;
  @ApiProperty({ enum: VALUE_KINDS, example: 'money', description: 'How the client formats the value.' })
  kind!: AuditValueKind;
  @ApiProperty({ oneOf: ANY_VALUE, example: 1250, description: 'Value before (as recorded).' })
  before!: unknown;
  @ApiProperty({ oneOf: ANY_VALUE, example: 1499, description: 'Value after (as recorded).' })
  after!: unknown;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: null,
    description: 'Text to show for the value before, when the server resolves it (references, statuses, lists).',
  })
  beforeDisplay?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: null })
  afterDisplay?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'EUR', description: 'Currency of `money` values.' })
  currency?: string | null;
  @ApiPropertyOptional({ type: AuditRefResponseDto, nullable: true })
  beforeRef?: AuditRefResponseDto | null;
  @ApiPropertyOptional({ type: AuditRefResponseDto, nullable: true })
  afterRef?: AuditRefResponseDto | null;
  @ApiPropertyOptional({
    type: AuditRefResponseDto,
    nullable: true,
    description: 'The record the field is about (e.g. the warehouse of `onHand.BER-1`).',
  })
  ref?: AuditRefResponseDto | null;
}

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
  /** The changes ready to show: labels, kinds, resolved references. */
  @ApiProperty({ type: [AuditFieldChangeResponseDto] })
  fieldChanges!: AuditFieldChangeResponseDto[];
  @ApiProperty({ type: AuditRefResponseDto, nullable: true, description: 'The record the event is about, resolved.' })
  entityRef!: AuditRefResponseDto | null;
  @ApiProperty({ type: AuditRefResponseDto, nullable: true, description: 'The acting user, resolved.' })
  actorRef!: AuditRefResponseDto | null;
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
