import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { ErrorCode, IDEMPOTENCY_KEY_HEADER, MailedDocument, Permission, type PartnerDto } from '@depot/contracts';

import { companySettingsDto } from '../../../testing/company-settings-data';
import { documentMail } from '../../../testing/document-mail-data';
import { problemBody, settle } from '../../../testing/test-helpers';
import { AuthService } from '../../core/auth/auth.service';
import { button, field, typeInto } from '../../features/inventory/testing/inventory-fixtures';
import { customer } from '../../features/sales/testing/sales-fixtures';
import {
  SendDocumentDialogComponent,
  mailQueuedMessage,
  type SendDocumentDialogData,
} from './send-document-dialog.component';

const SEND_URL = '/api/v1/invoices/inv-1/email';
const INVOICE: SendDocumentDialogData = {
  document: MailedDocument.Invoice,
  recordId: 'inv-1',
  number: 'INV-2026-000123',
  partnerId: 'c-1',
  partnerName: 'Nordic Interiors',
};

describe('SendDocumentDialogComponent', () => {
  let fixture: ComponentFixture<SendDocumentDialogComponent>;
  let http: HttpTestingController;
  let close: jest.Mock;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  function start(data: SendDocumentDialogData = INVOICE): HTMLElement {
    close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
        { provide: AuthService, useValue: { permissions } satisfies Partial<AuthService> },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SendDocumentDialogComponent);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  /** Answers the partner and company requests the dialog makes to prefill itself. */
  async function prefill(partner: PartnerDto | null = customer({ email: 'anna@nordic.example' })): Promise<void> {
    if (partner) {
      http.expectOne(`/api/v1/${partner.kind === 'supplier' ? 'suppliers' : 'customers'}/${partner.id}`).flush(partner);
    }
    http.expectOne('/api/v1/settings/company').flush(companySettingsDto());
    await render();
  }

  async function render(): Promise<void> {
    await fixture.whenStable();
    await settle();
    fixture.detectChanges();
  }

  function value(root: HTMLElement, label: string): string {
    return field(root, label).querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea')!.value;
  }

  function submit(root: HTMLElement): void {
    root.querySelector('form')!.dispatchEvent(new Event('submit'));
  }

  beforeEach(() => {
    permissions.set(new Set([Permission.SalesInvoicesWrite, Permission.SalesCustomersRead]));
  });

  afterEach(() => http.verify());

  it("prefills the customer's address, a subject with the company's name and a message naming the invoice", async () => {
    const root = start();
    expect(root.querySelector('h2')?.textContent).toContain('E-mail invoice INV-2026-000123');
    expect(root.querySelector('[data-testid="attachment"]')?.textContent).toBe('INV-2026-000123.pdf');
    // Nothing can be sent before the prefill has arrived.
    expect(button(root, 'Send').disabled).toBe(true);

    await prefill(customer({ email: 'anna@nordic.example', contactName: 'Anna Berg' }));
    expect(value(root, 'To')).toBe('anna@nordic.example');
    expect(value(root, 'Subject')).toBe('Invoice INV-2026-000123 from Depot Demo GmbH');
    expect(value(root, 'Message')).toBe(
      'Dear Anna Berg,\n\nPlease find attached our invoice INV-2026-000123.\n\nKind regards\nDepot Demo GmbH',
    );
    expect(button(root, 'Send').disabled).toBe(false);
  });

  it.each<[MailedDocument, string]>([
    [MailedDocument.OrderConfirmation, 'order-confirmation-SO-2026-000042.pdf'],
    [MailedDocument.DeliveryNote, 'delivery-note-SO-2026-000042.pdf'],
  ])('names the %s attachment', async (document, fileName) => {
    const root = start({ ...INVOICE, document, recordId: 'so-1', number: 'SO-2026-000042' });
    expect(root.querySelector('[data-testid="attachment"]')?.textContent).toBe(fileName);
    await prefill();
    expect(value(root, 'Subject')).toContain('SO-2026-000042 from Depot Demo GmbH');
  });

  it('reads the supplier of a purchase order', async () => {
    permissions.set(new Set([Permission.PurchasingOrdersWrite, Permission.PurchasingSuppliersRead]));
    const root = start({
      document: MailedDocument.PurchaseOrder,
      recordId: 'po-1',
      number: 'PO-1',
      partnerId: 's-1',
      partnerName: 'Baltic Pack',
    });
    expect(root.querySelector('.lead')?.textContent).toContain('For the supplier Baltic Pack');
    await prefill(customer({ id: 's-1', kind: 'supplier', name: 'Baltic Pack', email: 'sales@baltic.example' }));
    expect(value(root, 'To')).toBe('sales@baltic.example');
    expect(root.querySelector('[data-testid="attachment"]')?.textContent).toBe('purchase-order-PO-1.pdf');
  });

  it('leaves the recipient to the server when the user may not read customers (the address on file)', async () => {
    permissions.set(new Set([Permission.SalesInvoicesWrite]));
    const root = start();
    await prefill(null);
    expect(value(root, 'To')).toBe('');
    expect(field(root, 'To').textContent).toContain("Leave empty to use the customer's address on file.");

    submit(root);
    const request = http.expectOne(SEND_URL);
    expect(request.request.body).not.toHaveProperty('to');
    request.flush(documentMail(), { status: 202, statusText: 'Accepted' });
    expect(close).toHaveBeenCalledWith(documentMail());
  });

  it('asks for an address when the customer has none on file', async () => {
    const root = start();
    await prefill(customer({ email: null }));
    expect(field(root, 'To').textContent).toContain('Nordic Interiors has no e-mail address on file.');
    submit(root);
    await render();
    http.expectNone(SEND_URL);
    expect(field(root, 'To').textContent).toContain('Enter the e-mail address to send it to.');
  });

  it('does not send a malformed address or an empty subject', async () => {
    const root = start();
    await prefill();
    typeInto(root, 'To', 'anna at nordic');
    typeInto(root, 'Subject', '  ');
    await render();
    submit(root);
    await render();
    http.expectNone(SEND_URL);
    expect(field(root, 'To').textContent).toContain('Enter an e-mail address like name@example.com.');
    expect(field(root, 'Subject').textContent).toContain('Enter a subject.');
  });

  it('sends what the form shows, with Send disabled while it is on its way, and closes with the queued e-mail', async () => {
    const root = start();
    await prefill();
    typeInto(root, 'To', 'billing@nordic.example');
    typeInto(root, 'Message', 'Hello Anna,\n\nhere it is.');
    await render();
    submit(root);
    await render();

    const request = http.expectOne(SEND_URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      to: 'billing@nordic.example',
      subject: 'Invoice INV-2026-000123 from Depot Demo GmbH',
      message: 'Hello Anna,\n\nhere it is.',
    });
    expect(button(root, 'Sending…').disabled).toBe(true);
    // A second submit while sending sends nothing.
    submit(root);
    http.expectNone(SEND_URL);

    const mail = documentMail({ to: 'billing@nordic.example' });
    request.flush(mail, { status: 202, statusText: 'Accepted' });
    expect(close).toHaveBeenCalledWith(mail);
    expect(mailQueuedMessage(mail)).toBe('E-mail queued to billing@nordic.example.');
  });

  it('sends a retry after a network failure with the same Idempotency-Key, so the customer gets one e-mail', async () => {
    const root = start();
    await prefill();
    submit(root);
    const first = http.expectOne(SEND_URL);
    const key = first.request.headers.get(IDEMPOTENCY_KEY_HEADER);
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    first.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await render();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('could not be reached');

    submit(root);
    const retry = http.expectOne(SEND_URL);
    expect(retry.request.headers.get(IDEMPOTENCY_KEY_HEADER)).toBe(key);
    retry.flush(documentMail(), { status: 202, statusText: 'Accepted' });
    expect(close).toHaveBeenCalledWith(documentMail());
  });

  it("puts the server's field errors under their fields", async () => {
    const root = start();
    await prefill();
    submit(root);
    http.expectOne(SEND_URL).flush(
      problemBody(400, ErrorCode.ValidationFailed, 'The request is invalid.', {
        errors: [
          { field: 'to', message: 'to: the mail server refuses this address' },
          { field: 'message', message: 'message must not contain only whitespace' },
        ],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await render();
    expect(field(root, 'To').textContent).toContain('The mail server refuses this address');
    expect(field(root, 'Message').textContent).toContain('message must not contain only whitespace');
    expect(close).not.toHaveBeenCalled();
    expect(button(root, 'Send').disabled).toBe(false);
  });

  it('says so when the record has no such document (409)', async () => {
    const root = start({ ...INVOICE, document: MailedDocument.DeliveryNote, recordId: 'so-1', number: 'SO-1' });
    await prefill();
    submit(root);
    http
      .expectOne('/api/v1/sales-orders/so-1/delivery-note/email')
      .flush(
        problemBody(409, ErrorCode.DocumentNotAvailable, 'SO-1 has shipped nothing yet, so it has no delivery note.'),
        { status: 409, statusText: 'Conflict' },
      );
    await render();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'The delivery note of SO-1 is not available: SO-1 has shipped nothing yet, so it has no delivery note.',
    );
    expect(close).not.toHaveBeenCalled();
  });

  it('still opens ready to send when the company settings cannot be read', async () => {
    const root = start();
    http.expectOne('/api/v1/customers/c-1').flush(customer({ email: 'anna@nordic.example' }));
    http
      .expectOne('/api/v1/settings/company')
      .flush(problemBody(500, 'INTERNAL', 'Boom'), { status: 500, statusText: 'Server Error' });
    await render();
    expect(value(root, 'Subject')).toBe('Invoice INV-2026-000123');
    expect(button(root, 'Send').disabled).toBe(false);
  });
});
