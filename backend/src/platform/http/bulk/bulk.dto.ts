import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BULK_LIMITS,
  BulkRowStatus,
  type BulkRequestBase,
  type BulkResult,
  type BulkRowError,
  type BulkRowResult,
  type BulkSummary,
} from '@depot/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsUUID } from 'class-validator';
import { Optional } from '../validators';

const lowerCaseIds = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? (value as unknown[]).map((id) => (typeof id === 'string' ? id.toLowerCase() : id)) : value;

/** `ids`, `operationId` and `dryRun`: the part every bulk request shares. */
export class BulkRequestBaseDto implements BulkRequestBase {
  /** The records to act on: 1 to 1000 distinct ids; results come back in this order. */
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: BULK_LIMITS.maxIds,
    uniqueItems: true,
    example: ['0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10'],
  })
  @Transform(lowerCaseIds)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_LIMITS.maxIds)
  @IsUUID('all', { each: true })
  @ArrayUnique()
  ids!: string[];

  /**
   * A UUID you choose; while the request runs, `bulk.progress` messages `{ operationId, done,
   * total }` are pushed to your own sockets.
   * @example 5f0c2a9e-3b5d-4b8e-9a61-2c7d1e0f4a3b
   */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all')
  operationId?: string;

  /** Answer what each row would become, writing nothing. @example false */
  @Optional()
  @IsBoolean()
  dryRun?: boolean;
}

export class BulkRowErrorDto implements BulkRowError {
  /** @example CATALOG.PRODUCT_NOT_FOUND */
  code!: string;
  /** @example No product with id 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10. */
  detail!: string;
}

export class BulkRowResultDto implements BulkRowResult {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  @ApiProperty({ enum: Object.values(BulkRowStatus), example: BulkRowStatus.Ok })
  status!: BulkRowStatus;
  /** What the record is to a person (SKU and name, order number, e-mail). @example CHAIR-OAK-01 Oak dining chair */
  label?: string;
  /** Why the row failed (only on `failed`). */
  error?: BulkRowErrorDto;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The touched fields before.',
    example: { priceMinor: 12900, currency: 'EUR' },
  })
  before?: Record<string, unknown>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The touched fields after (or, on a dry run, as they would be).',
    example: { priceMinor: 11610, currency: 'EUR' },
  })
  after?: Record<string, unknown>;
}

export class BulkSummaryDto implements BulkSummary {
  /** @example 2 */
  ok!: number;
  /** @example 1 */
  failed!: number;
  /** @example 0 */
  unchanged!: number;
}

export class BulkResultDto implements BulkResult {
  /** True when nothing was written. @example false */
  dryRun!: boolean;
  @ApiProperty({ type: [BulkRowResultDto] })
  results!: BulkRowResultDto[];
  summary!: BulkSummaryDto;
}

/** Shared OpenAPI text of the bulk operations. */
export const BULK_DESCRIPTION =
  'Each id is handled in its own transaction (a savepoint when an Idempotency-Key is sent, so the rows and the ' +
  'stored answer commit together): a failing row changes nothing and does not undo the others. Answers 200 with ' +
  'one result per id, in request order (`ok`, `failed` with a code and detail, or `unchanged` when already so), ' +
  'and a summary; only a malformed request (no ids, more than 1000, duplicates, unknown action) is a 400. Every ' +
  'changed record is audited and emits its events exactly like the single-record operation. With `operationId` the ' +
  'progress is pushed to your sockets as `bulk.progress`. `dryRun: true` runs every row and rolls it back.';
