import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EMAIL_MAX_LENGTH,
  MAIL_TEMPLATES,
  PAGINATION,
  type DevMailDto,
  type DevMailListQuery,
  type MailAttachmentDto,
  type MailTemplateName,
  type Page,
} from '@depot/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../../../platform/http/validators';

export class MailAttachmentResponseDto implements MailAttachmentDto {
  /** @example INV-2026-000123.pdf */
  fileName!: string;
  /** @example application/pdf */
  contentType!: string;
  /** @example 48211 */
  sizeBytes!: number;
}

export class DevMailResponseDto implements DevMailDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  /** @example ada@depot.local */
  to!: string;
  @ApiProperty({ example: 'Reset your Depot password' })
  subject!: string;
  @ApiProperty({ enum: MAIL_TEMPLATES, example: 'password-reset' })
  template!: MailTemplateName;
  /** The HTML part. */
  html!: string;
  /** The plain-text part. */
  text!: string;
  @ApiProperty({ type: [MailAttachmentResponseDto] })
  attachments!: MailAttachmentResponseDto[];
  /** @example 2026-11-23T10:15:30.123Z */
  createdAt!: string;
}

export class DevMailPageDto implements Page<DevMailDto> {
  @ApiProperty({ type: [DevMailResponseDto] })
  items!: DevMailResponseDto[];
  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor!: string | null;
}

export class DevMailListQueryDto implements DevMailListQuery {
  /** @example 25 */
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

  /** Only messages to this address (case-insensitive). @example ada@depot.local */
  @Optional()
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH)
  to?: string;
}
