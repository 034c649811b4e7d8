import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DOCUMENT_MAIL_LIMITS,
  MAIL_MESSAGE_STATUSES,
  MailedDocument,
  type DocumentMailDto,
  type MailMessageStatus,
  type SendDocumentRequest,
} from '@depot/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { trimString } from '../../../platform/http/transforms';
import { Optional } from '../../../platform/http/validators';

export class SendDocumentDto implements SendDocumentRequest {
  /** Defaults to the customer's or supplier's e-mail address. @example orders@nordic-retail.example */
  @Optional()
  @Transform(trimString)
  @IsEmail()
  @MaxLength(DOCUMENT_MAIL_LIMITS.emailMaxLength)
  to?: string;

  /** Defaults to the document's title and number and the company's name. @example Invoice INV-2026-000123 from Depot Demo GmbH */
  @Optional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(DOCUMENT_MAIL_LIMITS.subjectMaxLength)
  subject?: string;

  /** The text of the e-mail (plain text; line breaks kept). Defaults to a short standard text. */
  @ApiPropertyOptional({ example: 'Dear Nordic Retail team,\n\nplease find attached our invoice INV-2026-000123.' })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(DOCUMENT_MAIL_LIMITS.messageMaxLength)
  message?: string;
}

export class DocumentMailResponseDto implements DocumentMailDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  @ApiProperty({ enum: Object.values(MailedDocument), example: MailedDocument.Invoice })
  document!: MailedDocument;
  /** @example INV-2026-000123 */
  number!: string;
  /** @example orders@nordic-retail.example */
  to!: string;
  /** @example Invoice INV-2026-000123 from Depot Demo GmbH */
  subject!: string;
  @ApiProperty({ type: [String], example: ['INV-2026-000123.pdf'] })
  attachments!: string[];
  @ApiProperty({ enum: MAIL_MESSAGE_STATUSES, example: 'queued' })
  status!: MailMessageStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  sentAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null })
  lastError!: string | null;
  /** @example admin@depot.local */
  sentBy!: string;
  /** @example 2026-11-23T10:15:30.123Z */
  createdAt!: string;
}
