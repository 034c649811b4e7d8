import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  DomainEventName,
  ErrorCode,
  IDEMPOTENCY_KEY_HEADER,
  MailedDocument,
  Permission,
  type SalesOrderDto,
  type SalesOrderStatus,
} from '@depot/contracts';

import { FakeRealtimeService, provideFakeRealtime } from '../../../../../testing/fake-realtime';
import { companySettingsDto } from '../../../../../testing/company-settings-data';
import { documentMail, flushDocumentMails } from '../../../../../testing/document-mail-data';
import { StubPageComponent } from '../../../../../testing/stub-page.component';
import { auditEvent, problemBody, settle } from '../../../../../testing/test-helpers';
import { AuthService } from '../../../../core/auth/auth.service';
import { button } from '../../../inventory/testing/inventory-fixtures';
import { ORDER_ID, customer, invoice, orderLine, salesOrder } from '../../testing/sales-fixtures';
import { ORDER_REFRESH_DEBOUNCE_MS, SalesOrderDetailComponent } from './sales-order-detail.component';

const ALL = [
  Permission.SalesOrdersRead,
  Permission.SalesOrdersWrite,
  Permission.SalesOrdersFulfil,
  Permission.SalesInvoicesRead,
  Permission.SalesInvoicesWrite,
];
const ORDER_URL = `/api/v1/sales-orders/${ORDER_ID}`;
const isHistory = (request: { url: string }) => request.url === '/api/v1/audit-events';

jest.setTimeout(20_000);
describe('SalesOrderDetailComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let realtime: FakeRealtimeService;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(async () => {
    permissions.set(new Set(ALL));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'sales-orders/:id', component: SalesOrderDetailComponent },
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
    realtime = TestBed.inject(FakeRealtimeService);
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

  async function open(order: SalesOrderDto = salesOrder()): Promise<HTMLElement> {
    await harness.navigateByUrl(`/sales-orders/${ORDER_ID}`);
    http.expectOne(ORDER_URL).flush(order);
    return render();
  }

  /** The actions on the order (the Documents menu has its own tests). */
  function actionTexts(root: HTMLElement): string[] {
    return Array.from(root.querySelectorAll('.header-actions > button, .header-actions > a')).map(
      (element) => element.textContent?.trim() ?? '',
    );
  }

  it.each<[SalesOrderStatus, string[]]>([
    ['draft', ['Edit', 'Confirm', 'Cancel order']],
    ['confirmed', ['Fulfil', 'Cancel order']],
    ['partially_fulfilled', ['Fulfil', 'Cancel order']],
    ['fulfilled', ['Issue invoice']],
    ['invoiced', []],
    ['cancelled', []],
  ])('offers the actions a %s order allows', async (status, expected) => {
    const root = await open(salesOrder({ status }));
    expect(actionTexts(root)).toEqual(expected);
  });

  it('hides the actions the user has no permission for', async () => {
    permissions.set(new Set([Permission.SalesOrdersRead, Permission.SalesOrdersFulfil]));
    let root = await open(salesOrder({ status: 'draft' }));
    expect(actionTexts(root)).toEqual([]);

    realtime.emit({
      id: 'e-1',
      type: DomainEventName.SalesOrderStatusChanged,
      aggregateType: 'sales_order',
      aggregateId: ORDER_ID,
      occurredAt: '2026-01-04T09:00:00.000Z',
      payload: {},
    });
    await new Promise((resolve) => setTimeout(resolve, ORDER_REFRESH_DEBOUNCE_MS + 50));
    http.expectOne(ORDER_URL).flush(salesOrder({ status: 'confirmed' }));
    root = await render();
    expect(actionTexts(root)).toEqual(['Fulfil']);
  });

  it('shows the lines, the totals and the timeline', async () => {
    const root = await open(
      salesOrder({
        status: 'confirmed',
        lines: [orderLine({ reservedQuantity: 4 })],
        history: [
          {
            from: null,
            to: 'draft',
            at: '2026-01-03T10:00:00.000Z',
            actor: { type: 'user', id: 'u', label: 'Ada' },
            note: null,
          },
          {
            from: 'draft',
            to: 'confirmed',
            at: '2026-01-03T11:00:00.000Z',
            actor: { type: 'user', id: 'u', label: 'Ada' },
            note: 'Rush',
          },
        ],
      }),
    );
    const cells = Array.from(root.querySelectorAll('tr.line-row td')).map((cell) => cell.textContent?.trim());
    expect(cells).toEqual(['1', 'CHAIR-1 · Oak chair', '4', '4', '0', '€129.00', '–', '19 %', '€614.04']);
    expect(root.querySelector('.totals')?.textContent).toContain('€98.04');
    const steps = Array.from(root.querySelectorAll('.timeline li')).map((step) => step.textContent ?? '');
    expect(steps[0]).toContain('Draft → Confirmed');
    expect(steps[0]).toContain('Rush');
    expect(steps[1]).toContain('Draft');
  });

  it('confirms with the version and an Idempotency-Key, then shows the confirmed order', async () => {
    let root = await open();
    button(root, 'Confirm').click();
    const request = http.expectOne(`${ORDER_URL}/confirm`);
    expect(request.request.body).toEqual({ version: 1 });
    expect(request.request.headers.get(IDEMPOTENCY_KEY_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    request.flush(salesOrder({ status: 'confirmed', version: 2, lines: [orderLine({ reservedQuantity: 4 })] }));
    root = await render();

    expect(root.querySelector('.status-chip')?.textContent).toContain('Confirmed');
    expect(actionTexts(root)).toEqual(['Fulfil', 'Cancel order']);
  });

  it('says which lines are short and what is available when stock does not suffice', async () => {
    let root = await open(
      salesOrder({
        lines: [orderLine(), orderLine({ id: 'l-2', lineNo: 2, productId: 'p-2', sku: 'TABLE-1', quantity: 1 })],
      }),
    );
    button(root, 'Confirm').click();
    http.expectOne(`${ORDER_URL}/confirm`).flush(
      problemBody(409, ErrorCode.OrderLinesShort, 'Some lines cannot be reserved.', {
        shortLines: [{ lineId: 'l-1', productId: 'p-1', sku: 'CHAIR-1', requested: 4, available: 1 }],
      }),
      { status: 409, statusText: 'Conflict' },
    );
    root = await render();

    const banner = root.querySelector('.short-lines');
    expect(banner?.getAttribute('role')).toBe('alert');
    expect(banner?.textContent).toContain('Not enough stock to confirm');
    const items = Array.from(root.querySelectorAll('.short-line')).map((item) =>
      item.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(items).toEqual(['CHAIR-1 (line 1): 4 ordered, only 1 available (3 short)']);
    // Still a draft: it can be edited or confirmed again later.
    expect(actionTexts(root)).toEqual(['Edit', 'Confirm', 'Cancel order']);
  });

  it('reloads the order and explains when it was changed elsewhere', async () => {
    let root = await open();
    button(root, 'Confirm').click();
    http
      .expectOne(`${ORDER_URL}/confirm`)
      .flush(problemBody(409, ErrorCode.VersionConflict, 'The order was changed.'), {
        status: 409,
        statusText: 'Conflict',
      });
    http.expectOne(ORDER_URL).flush(salesOrder({ status: 'cancelled', version: 2 }));
    root = await render();

    expect(root.querySelector('.banner-error')?.textContent).toContain('The order was changed.');
    expect(actionTexts(root)).toEqual([]);
  });

  it('fulfils through the dialog with per-line quantities that default to the reserved ones', async () => {
    let root = await open(
      salesOrder({
        status: 'confirmed',
        lines: [
          orderLine({ reservedQuantity: 4 }),
          orderLine({ id: 'l-2', lineNo: 2, sku: 'TABLE-1', quantity: 2, reservedQuantity: 2 }),
        ],
      }),
    );
    button(root, 'Fulfil').click();
    await render();
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    const inputs = Array.from(dialog.querySelectorAll<HTMLInputElement>('input[type="number"]'));
    expect(inputs.map((input) => input.value)).toEqual(['4', '2']);
    inputs[1].value = '1';
    inputs[1].dispatchEvent(new Event('input'));
    await render();
    button(dialog, 'Ship 5').click();

    const request = http.expectOne(`${ORDER_URL}/fulfil`);
    expect(request.request.body).toEqual({
      version: 1,
      lines: [
        { lineId: 'l-1', quantity: 4 },
        { lineId: 'l-2', quantity: 1 },
      ],
    });
    expect(request.request.headers.has(IDEMPOTENCY_KEY_HEADER)).toBe(true);
    request.flush(salesOrder({ status: 'partially_fulfilled', version: 2 }));
    root = await render();
    expect(root.querySelector('.status-chip')?.textContent).toContain('Partially fulfilled');
  });

  it('cancels only after the user confirms', async () => {
    let root = await open();
    button(root, 'Cancel order').click();
    await render();
    button(document.querySelector('mat-dialog-container') as HTMLElement, 'Keep order').click();
    await render();
    http.expectNone(`${ORDER_URL}/cancel`);

    button(root, 'Cancel order').click();
    await render();
    button(document.querySelector('mat-dialog-container') as HTMLElement, 'Cancel order').click();
    await render();
    http.expectOne(`${ORDER_URL}/cancel`).flush(salesOrder({ status: 'cancelled', version: 2 }));
    root = await render();
    expect(root.querySelector('.status-chip')?.textContent).toContain('Cancelled');
  });

  it('issues the invoice and opens it', async () => {
    const root = await open(salesOrder({ status: 'fulfilled', version: 4 }));
    button(root, 'Issue invoice').click();
    const request = http.expectOne(`${ORDER_URL}/invoice`);
    expect(request.request.body).toEqual({ version: 4 });
    request.flush(invoice());
    await render();
    expect(TestBed.inject(Router).url).toBe('/invoices/inv-1');
  });

  it('names what the company settings lack when the invoice is refused, with a link for those who may fill them in', async () => {
    permissions.set(new Set([...ALL, Permission.SettingsCompanyManage]));
    let root = await open(salesOrder({ status: 'fulfilled', version: 4 }));
    button(root, 'Issue invoice').click();
    http.expectOne(`${ORDER_URL}/invoice`).flush(
      problemBody(409, ErrorCode.CompanySettingsIncomplete, 'The company settings are incomplete.', {
        missing: ['legalName', 'vatIdOrTaxNumber', 'iban'],
      }),
      { status: 409, statusText: 'Conflict' },
    );
    root = await render();
    const banner = root.querySelector('.company-incomplete')!;
    expect(banner.textContent).toContain('The invoice was not issued: the company details');
    expect(banner.textContent).toContain('Still missing: legal name, VAT ID or tax number, and IBAN.');
    expect(banner.querySelector('a[href="/admin/settings"]')?.textContent).toContain('Fill in company settings');
    expect(TestBed.inject(Router).url).toBe(`/sales-orders/${ORDER_ID}`);

    // Users who may not edit them are told whom to ask.
    permissions.set(new Set(ALL));
    root = await render();
    expect(banner.querySelector('a[href="/admin/settings"]')).toBeNull();
    expect(banner.textContent).toContain('Ask an administrator to fill them in');

    // Trying again clears the banner.
    button(root, 'Issue invoice').click();
    root = await render();
    expect(root.querySelector('.company-incomplete')).toBeNull();
    http.expectOne(`${ORDER_URL}/invoice`).flush(invoice());
    await render();
  });

  it('links to the invoice of an invoiced order', async () => {
    const root = await open(salesOrder({ status: 'invoiced', invoiceId: 'inv-1' }));
    expect(root.querySelector('a[href="/invoices/inv-1"]')?.textContent).toContain('Open the invoice');
  });

  describe('documents', () => {
    const CONFIRMATION = 'Order confirmation: Download PDF';
    const EMAIL_CONFIRMATION = 'Order confirmation: E-mail to customer';
    const DELIVERY_NOTE = 'Delivery note: Download PDF';
    const EMAIL_DELIVERY_NOTE = 'Delivery note: E-mail to customer';

    /** The menu's items as "{document}: {action}", whether each is enabled, and what its document's group says. */
    function menuItems(): { label: string; enabled: boolean; note: string; element: HTMLButtonElement }[] {
      return Array.from(document.querySelectorAll<HTMLElement>('.mat-mdc-menu-panel [role="group"]')).flatMap(
        (group) => {
          const heading = group.querySelector('.group-heading');
          const name = heading?.firstChild?.textContent?.trim() ?? '';
          const note = heading?.querySelector('.when')?.textContent?.trim() ?? '';
          // The group is named by its heading, for screen readers too.
          expect(group.getAttribute('aria-labelledby')).toBe(heading?.id);
          return Array.from(group.querySelectorAll<HTMLButtonElement>('[mat-menu-item]')).map((element) => ({
            label: `${name}: ${element.textContent?.trim() ?? ''}`,
            enabled: !element.disabled,
            note,
            element,
          }));
        },
      );
    }

    /** Opens the Documents menu. */
    async function documentsMenu(root: HTMLElement): Promise<ReturnType<typeof menuItems>> {
      button(root, 'Documents').click();
      await render();
      return menuItems();
    }

    async function pick(root: HTMLElement, label: string): Promise<void> {
      const items = await documentsMenu(root);
      items.find((item) => item.label === label)!.element.click();
      await render();
    }

    const shipped = [orderLine({ fulfilledQuantity: 2, reservedQuantity: 2 })];

    it.each<[string, Partial<SalesOrderDto>, boolean, boolean]>([
      ['a draft', { status: 'draft' }, false, false],
      ['a confirmed order', { status: 'confirmed' }, true, false],
      ['a partly shipped order', { status: 'partially_fulfilled', lines: shipped }, true, true],
      ['a fulfilled order', { status: 'fulfilled', lines: shipped }, true, true],
      ['an invoiced order', { status: 'invoiced', lines: shipped }, true, true],
      ['a cancelled order', { status: 'cancelled' }, false, false],
      ['a cancelled order that had shipped', { status: 'cancelled', lines: shipped }, false, true],
    ])('offers for %s the documents it has', async (_, order, confirmation, deliveryNote) => {
      const items = await documentsMenu(await open(salesOrder(order)));
      // Only a document that is not there yet says when it will be.
      expect(items.map((item) => item.note === '')).toEqual([confirmation, confirmation, deliveryNote, deliveryNote]);
      expect(items.map((item) => [item.label, item.enabled])).toEqual([
        [CONFIRMATION, confirmation],
        [EMAIL_CONFIRMATION, confirmation],
        [DELIVERY_NOTE, deliveryNote],
        [EMAIL_DELIVERY_NOTE, deliveryNote],
      ]);
    });

    it('says when an unavailable document will be there', async () => {
      const items = await documentsMenu(await open(salesOrder({ status: 'draft' })));
      expect(items.map((item) => [item.label, item.note])).toEqual([
        [CONFIRMATION, 'Once the order is confirmed'],
        [EMAIL_CONFIRMATION, 'Once the order is confirmed'],
        [DELIVERY_NOTE, 'Once something has shipped'],
        [EMAIL_DELIVERY_NOTE, 'Once something has shipped'],
      ]);
    });

    it('offers downloads only, without the permission to change orders', async () => {
      permissions.set(new Set([Permission.SalesOrdersRead]));
      const items = await documentsMenu(await open(salesOrder({ status: 'fulfilled', lines: shipped })));
      expect(items.map((item) => item.label)).toEqual([CONFIRMATION, DELIVERY_NOTE]);
    });

    it('downloads the delivery note under the name the server gives it', async () => {
      const root = await open(salesOrder({ status: 'fulfilled', lines: shipped }));
      Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:pdf'), revokeObjectURL: jest.fn() });
      let saved = '';
      jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        saved = this.download;
      });

      await pick(root, DELIVERY_NOTE);
      const request = http.expectOne(`${ORDER_URL}/delivery-note/pdf`);
      expect(request.request.responseType).toBe('blob');
      request.flush(new Blob(['%PDF-1.7']), {
        headers: { 'Content-Disposition': 'attachment; filename="delivery-note-SO-2026-000001.pdf"' },
      });
      await render();
      expect(saved).toBe('delivery-note-SO-2026-000001.pdf');
    });

    it('explains a refused download when the order no longer has the document', async () => {
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
      let root = await open(salesOrder({ status: 'confirmed' }));
      await pick(root, CONFIRMATION);
      http
        .expectOne(`${ORDER_URL}/confirmation/pdf`)
        .flush(
          new Blob([
            JSON.stringify(
              problemBody(
                409,
                ErrorCode.DocumentNotAvailable,
                'SO-2026-000001 is cancelled: only a confirmed order has a confirmation.',
              ),
            ),
          ]),
          { status: 409, statusText: 'Conflict' },
        );
      for (let tick = 0; tick < 20 && !root.querySelector('.download-error'); tick++) {
        root = await render();
      }
      const banner = root.querySelector('.download-error');
      expect(banner?.getAttribute('role')).toBe('alert');
      expect(banner?.textContent).toContain(
        'The order confirmation of SO-2026-000001 is not available: SO-2026-000001 is cancelled: only a confirmed order has a confirmation.',
      );
      // Trying again would not help.
      expect(Array.from(banner!.querySelectorAll('button')).map((b) => b.textContent?.trim())).toEqual(['Dismiss']);
    });

    it('e-mails the delivery note to the customer and lists it under E-mails', async () => {
      permissions.set(new Set([...ALL, Permission.SalesCustomersRead]));
      let root = await open(salesOrder({ status: 'fulfilled', lines: shipped }));
      const mailsUrl = `${ORDER_URL}/emails`;
      http.expectOne(mailsUrl).flush([]);
      root = await render();
      expect(root.querySelector('section[aria-labelledby="emails-title"]')?.textContent).toContain(
        'No e-mails sent yet.',
      );

      await pick(root, EMAIL_DELIVERY_NOTE);
      const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
      expect(dialog.querySelector('h2')?.textContent).toContain('E-mail delivery note SO-2026-000001');
      http.expectOne('/api/v1/customers/c-1').flush(customer({ email: 'purchasing@nordic.example' }));
      http.expectOne('/api/v1/settings/company').flush(companySettingsDto());
      await render();
      button(dialog, 'Send').click();
      const send = http.expectOne(`${ORDER_URL}/delivery-note/email`);
      expect(send.request.body).toMatchObject({
        to: 'purchasing@nordic.example',
        subject: 'Delivery note SO-2026-000001 from Depot Demo GmbH',
      });
      const mail = documentMail({
        document: MailedDocument.DeliveryNote,
        number: 'SO-2026-000001',
        to: 'purchasing@nordic.example',
      });
      send.flush(mail, { status: 202, statusText: 'Accepted' });
      root = await render();

      expect(document.querySelector('.cdk-overlay-container')?.textContent).toContain(
        'E-mail queued to purchasing@nordic.example.',
      );
      http.expectOne(mailsUrl).flush([{ ...mail, status: 'sent' }]);
      root = await render();
      const entry = root.querySelector('section[aria-labelledby="emails-title"] li.mail-entry');
      expect(entry?.textContent).toContain('Delivery note SO-2026-000001');
      expect(entry?.querySelector('.mail-status')?.textContent?.trim()).toBe('Sent');
    });
  });

  describe('history', () => {
    const statusChange = auditEvent({
      action: 'confirmed',
      entityType: 'sales_order',
      entityId: ORDER_ID,
      changes: { status: { before: 'draft', after: 'confirmed' } },
    });

    function historySection(root: HTMLElement): HTMLElement | null {
      return root.querySelector('section[aria-labelledby="audit-history-title"]');
    }

    it('is not shown without the audit permission', async () => {
      const root = await open();
      expect(historySection(root)).toBeNull();
      http.expectNone(isHistory);
    });

    it("shows the order's audit trail and loads it again after an action", async () => {
      permissions.set(new Set([...ALL, Permission.AuditRead]));
      let root = await open();
      const first = http.expectOne(isHistory);
      expect(first.request.params.get('entityType')).toBe('sales_order');
      expect(first.request.params.get('entityId')).toBe(ORDER_ID);
      first.flush({ items: [], nextCursor: null });
      root = await render();
      expect(historySection(root)?.textContent).toContain('No recorded changes.');

      button(root, 'Confirm').click();
      http.expectOne(`${ORDER_URL}/confirm`).flush(salesOrder({ status: 'confirmed', version: 2 }));
      await render();
      http.expectOne(isHistory).flush({ items: [statusChange], nextCursor: null });
      root = await render();

      const change = historySection(root)?.querySelector('.history-entry .change');
      expect(change?.querySelector('dt')?.textContent?.trim()).toBe('Status');
      expect(change?.querySelector('.before .value')?.textContent?.trim()).toBe('draft');
      expect(change?.querySelector('.after .value')?.textContent?.trim()).toBe('confirmed');
    });

    it('loads again when the order changes elsewhere', async () => {
      permissions.set(new Set([...ALL, Permission.AuditRead]));
      await open();
      http.expectOne(isHistory).flush({ items: [], nextCursor: null });
      await render();

      realtime.emit({
        id: 'e-1',
        type: DomainEventName.SalesOrderStatusChanged,
        aggregateType: 'sales_order',
        aggregateId: ORDER_ID,
        occurredAt: '2026-01-04T09:00:00.000Z',
        payload: {},
      });
      await new Promise((resolve) => setTimeout(resolve, ORDER_REFRESH_DEBOUNCE_MS + 50));
      http.expectOne(ORDER_URL).flush(salesOrder({ status: 'confirmed', version: 2 }));
      await render();
      http.expectOne(isHistory).flush({ items: [statusChange], nextCursor: null });
      const root = await render();
      expect(historySection(root)?.querySelectorAll('.history-entry')).toHaveLength(1);
    });
  });
});
