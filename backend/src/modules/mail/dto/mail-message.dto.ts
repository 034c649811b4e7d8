import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EMAIL_MAX_LENGTH,
  MAIL_MESSAGE_SORT_FIELDS,
  MAIL_MESSAGE_STATUSES,
  MAIL_TEMPLATES,
  PAGINATION,
  type MailMessageDto,
  type MailMessageListQuery,
  type MailMessageStatus,
  type MailTemplateName,
  type Page,
} from '@depot/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../../../platform/http/validators';
import { booleanQuery, SortParam } from '../../../platform/http/pagination/list-query.dto';
import { PageMetaDto } from '../../../platform/http/pagination/page-dto';

/** An outgoing message: envelope and delivery state. The body is never returned. */
export class MailMessageResponseDto implements MailMessageDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  /** @example ada@depot.local */
  to!: string;
  @ApiProperty({ enum: MAIL_TEMPLATES, example: 'password-reset' })
  template!: MailTemplateName;
  @ApiProperty({ example: 'Reset your Depot password' })
  subject!: string;
  @ApiProperty({
    enum: MAIL_MESSAGE_STATUSES,
    example: 'retrying',
    description:
      '`queued`: waiting for its first attempt; `sending`: being sent now; `retrying`: an attempt failed, ' +
      'another is due at `nextAttemptAt`; `sent`: accepted by the mail server; `failed`: every retry failed.',
  })
  status!: MailMessageStatus;
  /** Attempts made so far. @example 2 */
  attempts!: number;
  @ApiProperty({ type: String, nullable: true, example: '2026-11-23T10:16:30.123Z' })
  nextAttemptAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-11-23T10:15:31.004Z' })
  lastAttemptAt!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:587',
    description: 'Why the last attempt failed; `null` once sent.',
  })
  lastError!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null })
  sentAt!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '5f0c6a0e-2d7b-4b8e-9a43-1c2d3e4f5a6b',
    description: 'The `X-Request-Id` of the request that queued the message.',
  })
  requestId!: string | null;
  /** @example 2026-11-23T10:15:30.123Z */
  createdAt!: string;
}

export class MailMessagePageDto extends PageMetaDto implements Page<MailMessageDto> {
  @ApiProperty({ type: [MailMessageResponseDto] })
  items!: MailMessageResponseDto[];
}

export class MailMessageListQueryDto implements MailMessageListQuery {
  /**
   * Page size.
   * @example 25
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

  @SortParam(MAIL_MESSAGE_SORT_FIELDS, '-createdAt')
  sort?: string;

  /** Only messages in this state. */
  @ApiPropertyOptional({ enum: MAIL_MESSAGE_STATUSES })
  @Optional()
  @IsIn(MAIL_MESSAGE_STATUSES)
  status?: MailMessageStatus;

  /** Only messages to this address (case-insensitive). @example ada@depot.local */
  @Optional()
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH)
  to?: string;

  /** Also return the total number of matching messages (costs an extra count query). */
  @Optional()
  @Transform(booleanQuery)
  @IsBoolean()
  includeTotal?: boolean;
}
