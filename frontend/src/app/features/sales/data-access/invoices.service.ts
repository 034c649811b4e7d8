import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  IDEMPOTENCY_KEY_HEADER,
  MailedDocument,
  type CreateCreditNoteRequest,
  type InvoiceDto,
  type InvoiceListQuery,
  type InvoiceSummaryDto,
  type Page,
  type RecordPaymentRequest,
} from '@depot/contracts';
import { type Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/config/api-base-url.token';
import { documentFileName } from '../../../shared/documents/documents.service';
import { toHttpParams } from '../../../shared/http/query-params';

/** `aggregateType` of invoice events (`invoice.issued`, `invoice.payment_recorded`, `credit_note.issued`). */
export const INVOICE_AGGREGATE = 'invoice';

/** HTTP access to `/invoices` (invoices and credit notes). */
@Injectable({ providedIn: 'root' })
export class InvoicesService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/invoices`;

  list(query: InvoiceListQuery): Observable<Page<InvoiceSummaryDto>> {
    return this.#http.get<Page<InvoiceSummaryDto>>(this.#url, { params: toHttpParams(query) });
  }

  get(id: string): Observable<InvoiceDto> {
    return this.#http.get<InvoiceDto>(this.#invoiceUrl(id));
  }

  /** The PDF, through HttpClient (not a plain link) so the request carries the access token. */
  pdf(id: string): Observable<Blob> {
    return this.#http.get(`${this.#invoiceUrl(id)}/pdf`, { responseType: 'blob' });
  }

  /** `idempotencyKey`: a repeated submission records the payment once. */
  recordPayment(id: string, request: RecordPaymentRequest, idempotencyKey: string): Observable<InvoiceDto> {
    return this.#http.post<InvoiceDto>(`${this.#invoiceUrl(id)}/payments`, request, {
      headers: new HttpHeaders({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKey }),
    });
  }

  /** Issues a credit note for what is still uncredited; answers with the new credit note. */
  createCreditNote(id: string, request: CreateCreditNoteRequest, idempotencyKey: string): Observable<InvoiceDto> {
    return this.#http.post<InvoiceDto>(`${this.#invoiceUrl(id)}/credit-notes`, request, {
      headers: new HttpHeaders({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKey }),
    });
  }

  #invoiceUrl(id: string): string {
    return `${this.#url}/${encodeURIComponent(id)}`;
  }
}

/** The file name a downloaded invoice is saved under, e.g. `INV-2026-000123.pdf`. */
export function invoiceFileName(number: string): string {
  return documentFileName(MailedDocument.Invoice, number);
}
