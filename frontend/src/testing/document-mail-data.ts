import { type HttpTestingController } from '@angular/common/http/testing';
import { MailedDocument, type DocumentMailDto } from '@depot/contracts';

/** An e-mailed invoice, as `GET /invoices/{id}/emails` lists it (just queued). */
export function documentMail(overrides: Partial<DocumentMailDto> = {}): DocumentMailDto {
  return {
    id: 'm-1',
    document: MailedDocument.Invoice,
    number: 'INV-2026-000123',
    to: 'anna@nordic.example',
    subject: 'Invoice INV-2026-000123 from Depot Demo GmbH',
    attachments: ['INV-2026-000123.pdf'],
    status: 'queued',
    sentAt: null,
    lastError: null,
    sentBy: 'Ada Admin',
    createdAt: '2026-01-05T10:00:00.000Z',
    ...overrides,
  };
}

/**
 * Answers every pending request of a record page's E-mails list (with no e-mails unless given),
 * for page tests that are about something else.
 */
export function flushDocumentMails(http: HttpTestingController, mails: DocumentMailDto[] = []): void {
  http
    .match((request) => request.method === 'GET' && request.url.endsWith('/emails'))
    .forEach((request) => {
      if (!request.cancelled) {
        request.flush(mails);
      }
    });
}
