import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import type { DocumentMailDto, MailedDocument, MailMessageStatus } from '@depot/contracts';
import { AuditService } from '../audit/audit.service';
import { MailService } from '../mail/mail.service';
import { actorOf, type RequestContext } from '../../platform/context/request-context';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ValidationError } from '../../platform/http/app-error';
import type { BusinessDocument } from './business-document';
import { DocumentRenderer } from './document-renderer';
import type { SendDocumentDto } from './dto/document-mail.dto';

/** What is being sent, about which record, to which partner. */
export interface DocumentToSend {
  /** The record whose timeline shows the e-mail (`invoice`, `sales_order`, `purchase_order`). */
  entityType: string;
  entityId: string;
  document: MailedDocument;
  printed: BusinessDocument;
  /** The attachment's name without `.pdf`. */
  fileName: string;
  partner: { name: string; email: string | null };
}

interface DocumentMailRow {
  mail_id: string;
  document: MailedDocument;
  number: string;
  to: string;
  subject: string;
  attachments: string[];
  sent_by: string;
  created_at: Date;
  status: MailMessageStatus;
  sent_at: Date | null;
  last_error: string | null;
}

function toDto(row: DocumentMailRow): DocumentMailDto {
  return {
    id: row.mail_id,
    document: row.document,
    number: row.number,
    to: row.to,
    subject: row.subject,
    attachments: row.attachments,
    status: row.status,
    sentAt: row.sent_at?.toISOString() ?? null,
    lastError: row.last_error,
    sentBy: row.sent_by,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * E-mails a document to a customer or supplier: the PDF is rendered in the request and queued
 * with the message in the request's transaction (outbox-backed mail: an SMTP outage delays the
 * message, never the request), and the e-mail is recorded on the record's timeline.
 */
@Injectable()
export class DocumentMailService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly mail: MailService,
    private readonly renderer: DocumentRenderer,
    private readonly audit: AuditService,
    private readonly cls: ClsService<RequestContext>,
  ) {}

  @Transactional()
  async send(item: DocumentToSend, request: SendDocumentDto): Promise<DocumentMailDto> {
    const to = request.to ?? item.partner.email;
    if (!to) {
      throw new ValidationError([
        {
          field: 'to',
          message: `${item.partner.name} has no e-mail address: give the recipient, or add the address to the partner`,
          code: 'required',
        },
      ]);
    }
    const { printed } = item;
    const sellerName = printed.seller.name || 'Depot';
    const subject = request.subject ?? `${printed.title} ${printed.number} from ${sellerName}`;
    const message =
      request.message ??
      `Dear ${item.partner.name},\n\nplease find attached our ${printed.title.toLowerCase()} ${printed.number}.\n\n` +
        `Kind regards\n${sellerName}`;
    const attachment = `${item.fileName}.pdf`;
    const pdf = await this.renderer.renderPdf(printed);
    const mailId = await this.mail.send({
      to,
      template: 'document',
      data: { subject, message, sellerName, attachments: [attachment] },
      attachments: [{ fileName: attachment, contentType: 'application/pdf', content: pdf }],
    });
    const actor = actorOf(this.cls.isActive() ? this.cls.get().principal : undefined);
    await this.txHost.tx.query(
      `INSERT INTO document_mails (mail_id, entity_type, entity_id, document, number, "to", subject, attachments, sent_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        mailId,
        item.entityType,
        item.entityId,
        item.document,
        printed.number,
        to,
        subject,
        JSON.stringify([attachment]),
        actor.label ?? 'system',
      ],
    );
    await this.audit.record({
      action: 'email',
      entityType: item.entityType,
      entityId: item.entityId,
      changes: { emailed: { before: null, after: `${attachment} to ${to}` } },
    });
    const [row] = await this.rows('m.mail_id = $1', [mailId]);
    return toDto(row);
  }

  /** The documents e-mailed about a record, newest first, with where each delivery stands. */
  async list(entityType: string, entityId: string): Promise<DocumentMailDto[]> {
    return (await this.rows('m.entity_type = $1 AND m.entity_id = $2', [entityType, entityId])).map(toDto);
  }

  private rows(where: string, params: unknown[]): Promise<DocumentMailRow[]> {
    return this.txHost.tx.query<DocumentMailRow[]>(
      `SELECT m.mail_id, m.document, m.number, m."to", m.subject, m.attachments, m.sent_by, m.created_at,
              mm.status, mm.sent_at, mm.last_error
         FROM document_mails m JOIN mail_messages mm ON mm.id = m.mail_id
        WHERE ${where} ORDER BY m.created_at DESC, m.mail_id DESC`,
      params,
    );
  }
}
