import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  PAGINATION,
  type DevMailDto,
  type MailAttachmentDto,
  type MailTemplateName,
  type Page,
} from '@depot/contracts';
import { decodeCursor } from '../../platform/http/pagination/cursor';
import { toPage } from '../../platform/http/pagination/page';
import type { DevMailListQueryDto } from './dto/dev-mail.dto';
import { DevMailNotFoundError } from './mail.errors';

interface DevMailRow {
  id: string;
  to: string;
  subject: string;
  template: MailTemplateName;
  html: string;
  text: string;
  attachments: MailAttachmentDto[];
  created_at: Date;
}

function toDto(row: DevMailRow): DevMailDto {
  return {
    id: row.id,
    to: row.to,
    subject: row.subject,
    template: row.template,
    html: row.html,
    text: row.text,
    attachments: row.attachments,
    createdAt: row.created_at.toISOString(),
  };
}

const COLUMNS = 'id, "to", subject, template, html, text, attachments, created_at';

/** Reads the development mailbox. Ids are UUIDv7, so id order is sending order. */
@Injectable()
export class DevMailboxService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async list(query: DevMailListQueryDto): Promise<Page<DevMailDto>> {
    const limit = query.limit ?? PAGINATION.defaultLimit;
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => `$${params.push(value)}`;
    if (query.to) where.push(`lower("to") = lower(${param(query.to)})`);
    if (query.cursor) where.push(`id < ${param(decodeCursor(query.cursor).id)}`);
    const rows = await this.txHost.tx.query<DevMailRow[]>(
      `SELECT ${COLUMNS} FROM dev_mailbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY id DESC LIMIT ${param(limit + 1)}`,
      params,
    );
    return toPage(rows, limit, () => null, toDto);
  }

  async get(id: string): Promise<DevMailDto> {
    const rows = await this.txHost.tx.query<DevMailRow[]>(`SELECT ${COLUMNS} FROM dev_mailbox WHERE id = $1`, [id]);
    if (!rows[0]) throw new DevMailNotFoundError(id);
    return toDto(rows[0]);
  }
}
