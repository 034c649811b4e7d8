import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  PAGINATION,
  type MailMessageDto,
  type MailMessageStatus,
  type MailTemplateName,
  type Page,
} from '@depot/contracts';
import { cursorValue, keysetPage, SqlParams } from '../../platform/http/pagination/keyset-page';
import { parseSort } from '../../platform/http/pagination/sort';
import { AuditService } from '../audit/audit.service';
import type { MailMessageListQueryDto } from './dto/mail-message.dto';
import { MailMessageNotFoundError, MailNotRetryableError } from './mail.errors';
import { MAIL_CHANNEL } from './mail.service';

interface MailMessageRow {
  id: string;
  to: string;
  template: MailTemplateName;
  subject: string;
  status: MailMessageStatus;
  attempts: number;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  last_error: string | null;
  sent_at: Date | null;
  request_id: string | null;
  created_at: Date;
}

/** Never the bodies: they may hold a password-reset or invitation link. */
const COLUMNS = `m.id, m."to", m.template, m.subject, m.status, m.attempts, m.next_attempt_at, m.last_attempt_at,
  m.last_error, m.sent_at, m.request_id, m.created_at`;

function toDto(row: MailMessageRow): MailMessageDto {
  return {
    id: row.id,
    to: row.to,
    template: row.template,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    lastError: row.last_error,
    sentAt: row.sent_at?.toISOString() ?? null,
    requestId: row.request_id,
    createdAt: row.created_at.toISOString(),
  };
}

/** The outgoing mail queue as administrators see it: what was sent, what failed, and why. */
@Injectable()
export class MailMessagesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  /** Newest first by default, keyset-paginated over (created_at, id). */
  list(query: MailMessageListQueryDto): Promise<Page<MailMessageDto>> {
    const params = new SqlParams();
    const where: string[] = [];
    if (query.status) where.push(`m.status = ${params.add(query.status)}`);
    if (query.to) where.push(`lower(m."to") = lower(${params.add(query.to)})`);
    return keysetPage<MailMessageRow, MailMessageDto>(this.txHost.tx, {
      select: COLUMNS,
      from: 'mail_messages m',
      where,
      params,
      sort: parseSort(query.sort, { createdAt: 'm.created_at' }, '-createdAt'),
      idColumn: 'm.id',
      limit: query.limit ?? PAGINATION.defaultLimit,
      cursor: query.cursor,
      includeTotal: query.includeTotal,
      sortValueOf: (row) => cursorValue(row.created_at),
      map: toDto,
    });
  }

  /**
   * Queues a failed message again, due now, with a fresh retry schedule. The worker wakes on
   * commit. Anything but `failed` is refused: it is sent, or still on its way.
   */
  @Transactional()
  async retry(id: string): Promise<MailMessageDto> {
    const [current] = await this.txHost.tx.query<MailMessageRow[]>(
      `SELECT ${COLUMNS} FROM mail_messages m WHERE m.id = $1 FOR UPDATE`,
      [id],
    );
    if (!current) throw new MailMessageNotFoundError(id);
    if (current.status !== 'failed') throw new MailNotRetryableError(current.status);
    const [[updated]] = await this.txHost.tx.query<[MailMessageRow[], number]>(
      `UPDATE mail_messages m SET status = 'queued', attempts = 0, next_attempt_at = now()
        WHERE m.id = $1 RETURNING ${COLUMNS}`,
      [id],
    );
    await this.txHost.tx.query(`SELECT pg_notify('${MAIL_CHANNEL}', '')`);
    await this.audit.record({
      action: 'mail.message.retried',
      entityType: 'mail_message',
      entityId: id,
      changes: {
        status: { before: current.status, after: updated.status },
        attempts: { before: current.attempts, after: updated.attempts },
      },
    });
    return toDto(updated);
  }
}
