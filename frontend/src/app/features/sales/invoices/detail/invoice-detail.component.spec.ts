import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ErrorCode, IDEMPOTENCY_KEY_HEADER, Permission, type InvoiceDto } from '@depot/contracts';

import { provideFakeRealtime } from '../../../../../testing/fake-realtime';
import { companySettingsDto } from '../../../../../testing/company-settings-data';
import { documentMail, flushDocumentMails } from '../../../../../testing/document-mail-data';
import { StubPageComponent } from '../../../../../testing/stub-page.component';
import { auditEvent, problemBody, settle } from '../../../../../testing/test-helpers';
import { AuthService } from '../../../../core/auth/auth.service';
import { button, typeInto } from '../../../inventory/testing/inventory-fixtures';
import { INVOICE_ID, customer, invoice } from '../../testing/sales-fixtures';
import { InvoiceDetailComponent } from './invoice-detail.component';

const INVOICE_URL = `/api/v1/invoices/${INVOICE_ID}`;
const isHistory = (request: { url: string }) => request.url === '/api/v1/audit-events';

jest.setTimeout(20_000);
describe('InvoiceDetailComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(async () => {
    permissions.set(new Set([Permission.SalesInvoicesRead, Permission.SalesInvoicesWrite, Permission.SalesOrdersRead]));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'invoices/:id', component: InvoiceDetailComponent },
          { path: '**', component: StubPageComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: AuthService,
          useValue: {
            permissions,
            hasPermission: (permission: Permission) => permissions().has(permission),
          } satisfies Partial<AuthService>,
        },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideFakeRealtime(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    flushDocumentMails(http);
    http.verify();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  async function render(): Promise<HTMLElement> {
    await harness.fixture.whenStable();
    await settle();
    harness.fixture.detectChanges();
    return harness.routeNativeElement as HTMLElement;
  }

  async function open(dto: InvoiceDto = invoice()): Promise<HTMLElement> {
    await harness.navigateByUrl(`/invoices/${dto.id}`);
    http.expectOne(`/api/v1/invoices/${dto.id}`).flush(dto);
    return render();
  }

  function actionTexts(root: HTMLElement): string[] {
    return Array.from(root.querySelectorAll('.header-actions button')).map(
      (element) => element.textContent?.trim() ?? '',
    );
  }

  it('shows the customer, the lines, the totals, the balance and the payments', async () => {
    const root = await open(
      invoice({
        paidMinor: 10000,
        balanceMinor: 51404,
        paymentStatus: 'partially_paid',
        payments: [
          {
            id: 'pay-1',
            amountMinor: 10000,
            method: 'bank_transfer',
            reference: 'TX-1',
            paidAt: '2026-01-06T10:00:00.000Z',
            recordedAt: '2026-01-06T10:00:00.000Z',
          },
        ],
      }),
    );
    expect(root.querySelector('h1')?.textContent).toContain('Invoice INV-2026-000001');
    expect(root.querySelector('.status-chip')?.textContent).toContain('Partially paid');
    expect(root.querySelector('.customer')?.textContent).toContain('Nordic Interiors');
    expect(root.querySelector('[data-testid="balance"]')?.textContent?.trim()).toBe('€514.04');
    expect(root.querySelector('tr.payment-row')?.textContent).toContain('Bank transfer');
    expect(root.querySelector('tr.payment-row')?.textContent).toContain('€100.00');
    expect(root.querySelector('a[href="/sales-orders/so-1"]')?.textContent).toContain('SO-2026-000001');
    expect(actionTexts(root)).toEqual(['Download PDF', 'E-mail to customer', 'Record payment', 'Issue credit note']);
  });

  it('shows the due date like the issue date, as a date in words on the day it names', async () => {
    const root = await open(invoice({ issuedAt: '2026-12-03T10:00:00.000Z', dueDate: '2027-01-02' }));
    const subtitle = root.querySelector('.subtitle')!;
    expect(subtitle.textContent).toContain('Issued Dec 3, 2026');
    expect(subtitle.textContent).toContain('due Jan 2, 2027');
    expect(subtitle.textContent).not.toContain('2027-01-02');
    expect(subtitle.querySelector('time[datetime="2027-01-02"]')?.textContent).toBe('Jan 2, 2027');
  });

  it('offers no payment once the invoice is paid, and nothing to change without the permission', async () => {
    let root = await open(invoice({ paidMinor: 61404, balanceMinor: 0, paymentStatus: 'paid' }));
    expect(actionTexts(root)).toEqual(['Download PDF', 'E-mail to customer', 'Issue credit note']);

    permissions.set(new Set([Permission.SalesInvoicesRead]));
    root = await render();
    expect(actionTexts(root)).toEqual(['Download PDF']);
  });

  it('shows a credit note with a link back to its invoice and no payment actions', async () => {
    const root = await open(
      invoice({
        id: 'cn-1',
        kind: 'credit_note',
        number: 'CN-2026-000001',
        creditedInvoiceId: INVOICE_ID,
        reason: 'Damaged',
        paymentStatus: null,
      }),
    );
    expect(root.querySelector('h1')?.textContent).toContain('Credit note CN-2026-000001');
    expect(root.querySelector(`a[href="/invoices/${INVOICE_ID}"]`)?.textContent).toContain('Open the invoice');
    expect(root.textContent).toContain('Reason: Damaged');
    expect(actionTexts(root)).toEqual(['Download PDF', 'E-mail to customer']);
  });

  it('downloads the PDF with the auth-carrying HttpClient and saves it under the invoice number', async () => {
    const root = await open();
    const createObjectURL = jest.fn(() => 'blob:pdf');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    let saved: { href: string; download: string } | null = null;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved = { href: this.href, download: this.download };
    });

    button(root, 'Download PDF').click();
    const request = http.expectOne(`${INVOICE_URL}/pdf`);
    expect(request.request.responseType).toBe('blob');
    const pdf = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
    request.flush(pdf);
    await render();

    expect(createObjectURL).toHaveBeenCalledWith(pdf);
    expect(click).toHaveBeenCalled();
    expect(saved).toEqual({ href: 'blob:pdf', download: 'INV-2026-000001.pdf' });
  });

  it('explains a failed download', async () => {
    // jsdom's Blob has no text(); browsers have had it for years.
    Object.defineProperty(Blob.prototype, 'text', {
      configurable: true,
      value(this: Blob): Promise<string> {
        return new Promise<string>((resolve) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as string);
          reader.readAsText(this);
        });
      },
    });
    const root = await open();
    button(root, 'Download PDF').click();
    http
      .expectOne(`${INVOICE_URL}/pdf`)
      .flush(new Blob([JSON.stringify(problemBody(404, ErrorCode.InvoiceNotFound, 'Invoice not found.'))]), {
        status: 404,
        statusText: 'Not Found',
      });
    // The error body is a Blob, read asynchronously.
    for (let tick = 0; tick < 20 && !root.querySelector('.banner-error'); tick++) {
      await render();
    }
    expect(root.querySelector('.banner-error')?.textContent).toContain(
      'Could not download the PDF: Invoice not found.',
    );
  });

  it('records a payment through the dialog and shows the paid invoice', async () => {
    let root = await open();
    button(root, 'Record payment').click();
    await render();
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    typeInto(dialog, 'Reference (optional)', 'TX-42');
    await render();
    button(dialog, 'Record payment').click();

    const request = http.expectOne(`${INVOICE_URL}/payments`);
    expect(request.request.body).toMatchObject({ amountMinor: 61404, method: 'bank_transfer', reference: 'TX-42' });
    expect(request.request.headers.has(IDEMPOTENCY_KEY_HEADER)).toBe(true);
    request.flush(invoice({ paidMinor: 61404, balanceMinor: 0, paymentStatus: 'paid' }));
    root = await render();

    expect(root.querySelector('.status-chip')?.textContent).toContain('Paid');
    expect(actionTexts(root)).not.toContain('Record payment');
  });

  it('issues a credit note with a reason and opens it', async () => {
    const root = await open();
    button(root, 'Issue credit note').click();
    await render();
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    typeInto(dialog, 'Reason', 'Returned goods');
    await render();
    button(dialog, 'Issue credit note').click();

    const request = http.expectOne(`${INVOICE_URL}/credit-notes`);
    expect(request.request.body).toEqual({ reason: 'Returned goods' });
    request.flush(
      invoice({ id: 'cn-1', kind: 'credit_note', number: 'CN-2026-000001', creditedInvoiceId: INVOICE_ID }),
    );
    await render();
    expect(TestBed.inject(Router).url).toBe('/invoices/cn-1');
    http
      .expectOne('/api/v1/invoices/cn-1')
      .flush(invoice({ id: 'cn-1', kind: 'credit_note', number: 'CN-2026-000001' }));
  });

  describe('e-mail', () => {
    async function sendFromDialog(to: string): Promise<void> {
      await render();
      const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
      http.expectOne('/api/v1/customers/c-1').flush(customer({ email: to }));
      http.expectOne('/api/v1/settings/company').flush(companySettingsDto());
      await render();
      button(dialog, 'Send').click();
    }

    it('e-mails the invoice to the customer and lists it under E-mails', async () => {
      permissions.set(new Set([...permissions(), Permission.SalesCustomersRead]));
      let root = await open();
      http.expectOne(`${INVOICE_URL}/emails`).flush([]);

      button(root, 'E-mail to customer').click();
      await sendFromDialog('ap@nordic.example');
      const send = http.expectOne(`${INVOICE_URL}/email`);
      expect(send.request.body).toEqual({
        to: 'ap@nordic.example',
        subject: 'Invoice INV-2026-000001 from Depot Demo GmbH',
        message:
          'Dear Nordic Interiors,\n\nPlease find attached our invoice INV-2026-000001.\n\nKind regards\nDepot Demo GmbH',
      });
      const mail = documentMail({ number: 'INV-2026-000001', to: 'ap@nordic.example' });
      send.flush(mail, { status: 202, statusText: 'Accepted' });
      root = await render();
      expect(document.querySelector('.cdk-overlay-container')?.textContent).toContain(
        'E-mail queued to ap@nordic.example.',
      );

      http.expectOne(`${INVOICE_URL}/emails`).flush([mail]);
      root = await render();
      const section = root.querySelector('section[aria-labelledby="emails-title"]')!;
      expect(section.querySelector('.mail-status')?.textContent?.trim()).toBe('Queued');
    });

    it('e-mails a credit note as a credit note', async () => {
      permissions.set(new Set([...permissions(), Permission.SalesCustomersRead]));
      const root = await open(
        invoice({ id: 'cn-1', kind: 'credit_note', number: 'CN-2026-000001', creditedInvoiceId: INVOICE_ID }),
      );
      button(root, 'E-mail to customer').click();
      await sendFromDialog('ap@nordic.example');
      const send = http.expectOne('/api/v1/invoices/cn-1/email');
      expect(send.request.body).toMatchObject({ subject: 'Credit note CN-2026-000001 from Depot Demo GmbH' });
      send.flush(documentMail({ document: 'credit_note', number: 'CN-2026-000001', status: 'sent' }), {
        status: 202,
        statusText: 'Accepted',
      });
      await render();
    });
  });

  describe('history', () => {
    function historySection(root: HTMLElement): HTMLElement | null {
      return root.querySelector('section[aria-labelledby="audit-history-title"]');
    }

    it('is not shown without the audit permission', async () => {
      const root = await open();
      expect(historySection(root)).toBeNull();
      http.expectNone(isHistory);
    });

    it("shows the invoice's audit trail and loads it again after a payment", async () => {
      permissions.set(
        new Set([
          Permission.SalesInvoicesRead,
          Permission.SalesInvoicesWrite,
          Permission.SalesOrdersRead,
          Permission.AuditRead,
        ]),
      );
      let root = await open();
      const first = http.expectOne(isHistory);
      expect(first.request.params.get('entityType')).toBe('invoice');
      expect(first.request.params.get('entityId')).toBe(INVOICE_ID);
      first.flush({
        items: [auditEvent({ action: 'issue', entityType: 'invoice', entityId: INVOICE_ID, changes: null })],
        nextCursor: null,
      });
      root = await render();
      expect(historySection(root)?.querySelectorAll('.history-entry')).toHaveLength(1);

      button(root, 'Record payment').click();
      await render();
      const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
      button(dialog, 'Record payment').click();
      http
        .expectOne(`${INVOICE_URL}/payments`)
        .flush(invoice({ paidMinor: 61404, balanceMinor: 0, paymentStatus: 'paid' }));
      await render();
      http.expectOne(isHistory).flush({
        items: [
          auditEvent({
            id: 'a-2',
            action: 'payment',
            entityType: 'invoice',
            entityId: INVOICE_ID,
            changes: { paymentStatus: { before: 'unpaid', after: 'paid' } },
          }),
          auditEvent({ action: 'issue', entityType: 'invoice', entityId: INVOICE_ID, changes: null }),
        ],
        nextCursor: null,
      });
      root = await render();

      const change = historySection(root)?.querySelector('.history-entry .change');
      expect(change?.querySelector('.before .value')?.textContent?.trim()).toBe('unpaid');
      expect(change?.querySelector('.after .value')?.textContent?.trim()).toBe('paid');
    });
  });
});
