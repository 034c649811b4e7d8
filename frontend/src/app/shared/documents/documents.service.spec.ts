import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { IDEMPOTENCY_KEY_HEADER, MailedDocument, type MailedDocument as Kind } from '@depot/contracts';

import { type DownloadedFile } from '../http/download';
import { DocumentsService, documentFileName } from './documents.service';

describe('DocumentsService', () => {
  let service: DocumentsService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(DocumentsService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it.each<[Kind, string, string]>([
    [MailedDocument.Invoice, '/api/v1/invoices/r-1', 'INV-2026-000123.pdf'],
    [MailedDocument.CreditNote, '/api/v1/invoices/r-1', 'INV-2026-000123.pdf'],
    [
      MailedDocument.OrderConfirmation,
      '/api/v1/sales-orders/r-1/confirmation',
      'order-confirmation-INV-2026-000123.pdf',
    ],
    [MailedDocument.DeliveryNote, '/api/v1/sales-orders/r-1/delivery-note', 'delivery-note-INV-2026-000123.pdf'],
    [MailedDocument.PurchaseOrder, '/api/v1/purchase-orders/r-1/document', 'purchase-order-INV-2026-000123.pdf'],
  ])('finds the %s under %s (PDF and e-mail)', (document, url, fileName) => {
    const ref = { document, recordId: 'r-1', number: 'INV-2026-000123' };
    let file: DownloadedFile | undefined;
    service.pdf(ref).subscribe((downloaded) => (file = downloaded));
    const pdf = http.expectOne(`${url}/pdf`);
    expect(pdf.request.responseType).toBe('blob');
    pdf.flush(new Blob(['%PDF']));
    // Without a Content-Disposition header, the name the server would have given.
    expect(file?.fileName).toBe(fileName);

    service.send(ref, { subject: 'Hi' }, 'key-1').subscribe();
    const send = http.expectOne(`${url}/email`);
    expect(send.request.method).toBe('POST');
    expect(send.request.body).toEqual({ subject: 'Hi' });
    expect(send.request.headers.get(IDEMPOTENCY_KEY_HEADER)).toBe('key-1');
    send.flush({});
  });

  it("saves the PDF under the server's file name", () => {
    let file: DownloadedFile | undefined;
    service
      .pdf({ document: MailedDocument.DeliveryNote, recordId: 'so-1', number: 'SO-1' })
      .subscribe((downloaded) => (file = downloaded));
    http.expectOne('/api/v1/sales-orders/so-1/delivery-note/pdf').flush(new Blob(['%PDF']), {
      headers: { 'Content-Disposition': 'attachment; filename="delivery-note-SO-1.pdf"' },
    });
    expect(file?.fileName).toBe('delivery-note-SO-1.pdf');
  });

  it("lists a record's e-mails and reads the partner", () => {
    service.mails('purchase_order', 'po-1').subscribe();
    http.expectOne('/api/v1/purchase-orders/po-1/emails').flush([]);
    service.mails('invoice', 'inv-1').subscribe();
    http.expectOne('/api/v1/invoices/inv-1/emails').flush([]);
    service.partner('supplier', 's-1').subscribe();
    http.expectOne('/api/v1/suppliers/s-1').flush({});
    service.partner('customer', 'c-1').subscribe();
    http.expectOne('/api/v1/customers/c-1').flush({});
  });

  it('makes file names safe', () => {
    expect(documentFileName(MailedDocument.Invoice, 'INV 2026/1')).toBe('INV_2026_1.pdf');
  });
});
