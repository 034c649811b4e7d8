import { ApiProperty } from '@nestjs/swagger';
import type { SessionDto } from '@depot/contracts';
import { WholeListQueryOf } from '../../../../platform/http/pagination/list-query.dto';
import { SESSION_SORT_FIELDS } from '@depot/contracts';

export class SessionResponseDto implements SessionDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  /** @example 2026-11-23T10:15:30.123Z */
  createdAt!: string;
  /** @example 2026-11-23T11:02:10.000Z */
  lastUsedAt!: string;
  /** @example 2026-12-23T10:15:30.123Z */
  expiresAt!: string;
  @ApiProperty({ type: String, nullable: true, example: '203.0.113.7' })
  ip!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156' })
  userAgent!: string | null;
  /** @example true */
  current!: boolean;
}

export class SessionListQueryDto extends WholeListQueryOf(
  SESSION_SORT_FIELDS,
  '-lastUsedAt',
  'most recently used first',
) {}
