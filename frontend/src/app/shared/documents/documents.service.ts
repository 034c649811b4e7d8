import { HttpClient, HttpHeaders, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  IDEMPOTENCY_KEY_HEADER,
  MailedDocument,
  type DocumentMailDto,
  type PartnerDto,
  type PartnerKind,
  type SendDocumentRequest,
} from '@depot/contracts';
import { type Observable, map } from 'rxjs';

import { API_BASE_URL } from '../../core/config/api-base-url.token';
import { type DownloadedFile, attachmentFileName } from '../http/download';

/** One document of one record: which kind, the record it belongs to and its number. */
export interface DocumentRef {
  document: MailedDocument;
  /** The invoice, sales order or purchase order the document is printed from. */
  recordId: string;
  /** The record's number, e.g. `INV-2026-000123`, `SO-2026-000042`. */
  number: string;
}

/** Records whose page lists the e-mails of their documents. */
export type MailedRecordType = 'invoice' | 'sales_order' | 'purchase_order';

const RECORD_PATHS: Readonly<Record<MailedRecordType, string>> = {
  invoice: 'invoices',
  sales_order: 'sales-orders',
  purchase_order: 'purchase-orders',
};

/** Where each document lives below its record (`…/pdf`, `…/email`). */
const DOCUMENT_PATHS: Readonly<Record<MailedDocument, { record: MailedRecordType; path: string }>> = {
  [MailedDocument.Invoice]: { record: 'invoice', path: '' },
  [MailedDocument.CreditNote]: { record: 'invoice', path: '' },
  [MailedDocument.OrderConfirmation]: { record: 'sales_order', path: '/confirmation' },
  [MailedDocument.DeliveryNote]: { record: 'sales_order', path: '/delivery-note' },
  [MailedDocument.PurchaseOrder]: { record: 'purchase_order', path: '/document' },
};

export const DOCUMENT_LABELS: Readonly<Record<MailedDocument, string>> = {
  [MailedDocument.Invoice]: 'Invoice',
  [MailedDocument.CreditNote]: 'Credit note',
  [MailedDocument.OrderConfirmation]: 'Order confirmation',
  [MailedDocument.DeliveryNote]: 'Delivery note',
  [MailedDocument.PurchaseOrder]: 'Purchase order',
};

/** Who receives each document. */
export function documentPartnerKind(document: MailedDocument): PartnerKind {
  return document === MailedDocument.PurchaseOrder ? 'supplier' : 'customer';
}

/**
 * The name the server gives the document's PDF, as download and as attachment:
 * `INV-2026-000123.pdf`, `order-confirmation-SO-2026-000042.pdf`, `delivery-note-…`, `purchase-order-…`.
 */
export function documentFileName(document: MailedDocument, number: string): string {
  const safe = number.replace(/[^A-Za-z0-9._-]+/g, '_');
  switch (document) {
    case MailedDocument.OrderConfirmation:
      return `order-confirmation-${safe}.pdf`;
    case MailedDocument.DeliveryNote:
      return `delivery-note-${safe}.pdf`;
    case MailedDocument.PurchaseOrder:
      return `purchase-order-${safe}.pdf`;
    default:
      return `${safe}.pdf`;
  }
}

/**
 * HTTP access to the business documents of sales orders, purchase orders and invoices: their
 * PDFs, e-mailing them to the customer or supplier, and the e-mails sent so far.
 */
@Injectable({ providedIn: 'root' })
export class DocumentsService {
  readonly #http = inject(HttpClient);
  readonly #baseUrl = inject(API_BASE_URL);

  /** The PDF with the name the server suggests (fetched with the access token, so not a plain link). */
  pdf(ref: DocumentRef): Observable<DownloadedFile> {
    return this.#http.get(`${this.#documentUrl(ref)}/pdf`, { responseType: 'blob', observe: 'response' }).pipe(
      map((response: HttpResponse<Blob>) => ({
        blob: response.body ?? new Blob([], { type: 'application/pdf' }),
        fileName:
          attachmentFileName(response.headers.get('Content-Disposition')) ?? documentFileName(ref.document, ref.number),
      })),
    );
  }

  /**
   * Queues the e-mail (202): it is sent in the background, its status shows in `mails()`.
   * `idempotencyKey`: a repeated submission (a retry after a network error) sends one e-mail.
   */
  send(ref: DocumentRef, request: SendDocumentRequest, idempotencyKey: string): Observable<DocumentMailDto> {
    return this.#http.post<DocumentMailDto>(`${this.#documentUrl(ref)}/email`, request, {
      headers: new HttpHeaders({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKey }),
    });
  }

  /** The e-mails of a record's documents, newest first. */
  mails(record: MailedRecordType, id: string): Observable<DocumentMailDto[]> {
    return this.#http.get<DocumentMailDto[]>(`${this.#recordUrl(record, id)}/emails`);
  }

  /** The customer or supplier, for the recipient's address and name. */
  partner(kind: PartnerKind, id: string): Observable<PartnerDto> {
    const collection = kind === 'supplier' ? 'suppliers' : 'customers';
    return this.#http.get<PartnerDto>(`${this.#baseUrl}/${collection}/${encodeURIComponent(id)}`);
  }

  #documentUrl(ref: DocumentRef): string {
    const { record, path } = DOCUMENT_PATHS[ref.document];
    return `${this.#recordUrl(record, ref.recordId)}${path}`;
  }

  #recordUrl(record: MailedRecordType, id: string): string {
    return `${this.#baseUrl}/${RECORD_PATHS[record]}/${encodeURIComponent(id)}`;
  }
}
