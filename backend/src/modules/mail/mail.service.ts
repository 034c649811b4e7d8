import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { MailTemplateName } from '@depot/contracts';
import { ClsService } from 'nestjs-cls';
import type { RequestContext } from '../../platform/context/request-context';
import { newId } from '../../platform/database/ids';
import { MailRenderer } from './mail-renderer';
import type { MailMessage } from './mail-templates';

/** Channel a queued message notifies on commit, so the delivery worker wakes without waiting a poll. */
export const MAIL_CHANNEL = 'depot_mail';

/**
 * Sends Depot's e-mails, through a queue. `send()` renders the message and inserts it into
 * `mail_messages` in the caller's transaction: a rolled-back use case sends nothing, a
 * committed one always gets its mail, and no request ever waits for (or fails because of) an
 * SMTP server. `MailDeliveryWorker` delivers queued messages after commit and retries failures.
 */
@Injectable()
export class MailService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly renderer: MailRenderer,
    private readonly cls: ClsService<RequestContext>,
  ) {}

  /**
   * Queues the message (with its attachments); returns its id. Rendering errors (a missing field)
   * throw here, in the request.
   */
  async send<T extends MailTemplateName>(message: MailMessage<T>): Promise<string> {
    const { subject, html, text } = this.renderer.render(message.template, message.data);
    const id = newId();
    const requestId = this.cls.isActive() ? (this.cls.get('requestId') ?? null) : null;
    // One round trip: the row, and a notification that is delivered only if the transaction commits.
    await this.txHost.tx.query(
      `WITH queued AS (
         INSERT INTO mail_messages (id, "to", template, subject, html, text, status, next_attempt_at, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, 'queued', now(), $7) RETURNING id)
       SELECT pg_notify('${MAIL_CHANNEL}', '') FROM queued`,
      [id, message.to, message.template, subject, html, text, requestId],
    );
    for (const [position, attachment] of (message.attachments ?? []).entries()) {
      await this.txHost.tx.query(
        `INSERT INTO mail_attachments (mail_id, position, file_name, content_type, size_bytes, content)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, position, attachment.fileName, attachment.contentType, attachment.content.length, attachment.content],
      );
    }
    return id;
  }
}
