import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  DomainEventName,
  ErrorCode,
  MailedDocument,
  Permission,
  type PurchaseOrderDto,
  type PurchaseOrderStatus,
} from '@depot/contracts';

import { FakeRealtimeService, provideFakeRealtime } from '../../../../../testing/fake-realtime';
import { companySettingsDto } from '../../../../../testing/company-settings-data';
import { documentMail, flushDocumentMails } from '../../../../../testing/document-mail-data';
import { StubPageComponent } from '../../../../../testing/stub-page.component';
import { auditEvent, problemBody, settle } from '../../../../../testing/test-helpers';
import { AuthService } from '../../../../core/auth/auth.service';
import { button } from '../../../inventory/testing/inventory-fixtures';
import { ORDER_ID, orderLine, partner, purchaseOrder } from '../../testing/purchasing-fixtures';
import {
  LIVE_RELOAD_DEBOUNCE_MS,
  ORDER_CHANGED_MESSAGE,
  PurchaseOrderDetailComponent,
} from './purchase-order-detail.component';

const ORDER_URL = `/api/v1/purchase-orders/${ORDER_ID}`;
const isHistory = (request: { url: string }) => request.url === '/api/v1/audit-events';
const ALL = [
  Permission.PurchasingOrdersRead,
  Permission.PurchasingOrdersWrite,
  Permission.PurchasingOrdersReceive,
  Permission.CatalogProductsRead,
];

// Material tables and dialogs render slowly in jsdom.
jest.setTimeout(20_000);

describe('PurchaseOrderDetailComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let realtime: FakeRealtimeService;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(async () => {
    permissions.set(new Set(ALL));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'purchase-orders/:id', component: PurchaseOrderDetailComponent },
          { path: 'purchase-orders/:id/edit', component: StubPageComponent },
          { path: 'purchase-orders', component: StubPageComponent },
          { path: 'products/:id', component: StubPageComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFakeRealtime(),
        { provide: AuthService, useValue: { permissions } satisfies Partial<AuthService> },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
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

  function root(): HTMLElement {
    return harness.routeNativeElement as HTMLElement;
  }

  async function render(): Promise<void> {
    TestBed.tick();
    await settle();
    await harness.fixture.whenStable();
  }

  async function open(order: PurchaseOrderDto): Promise<void> {
    await harness.navigateByUrl(`/purchase-orders/${order.id}`);
    http.expectOne(ORDER_URL).flush(order);
    await render();
  }

  /** The actions on the order (the document buttons have their own tests). */
  function actionLabels(): string[] {
    return Array.from(root().querySelectorAll('.header-actions a, .header-actions button:not(.document-action)')).map(
      (element) => element.textContent?.trim() ?? '',
    );
  }

  function cells(sku: string): string[] {
    return Array.from(root().querySelectorAll(`tr.line-row[data-sku="${sku}"] td`)).map(
      (cell) => cell.textContent?.trim() ?? '',
    );
  }

  it('shows the header, the lines with ordered, received and open quantities, and the timeline', async () => {
    await open(
      purchaseOrder({
        status: 'partially_received',
        lines: [
          orderLine({ receivedQuantity: 4, openQuantity: 6 }),
          orderLine({
            id: 'line-2',
            lineNo: 2,
            sku: 'BOX-CARD-S',
            productName: 'Box',
            quantity: 2,
            receivedQuantity: 2,
            openQuantity: 0,
            unitCostMinor: 1250,
            lineTotalMinor: 2500,
          }),
        ],
        history: [
          {
            from: null,
            to: 'draft',
            at: '2026-02-01T09:00:00.000Z',
            actor: { type: 'user', id: 'u-1', label: 'Ada Admin' },
            note: null,
          },
          {
            from: 'draft',
            to: 'submitted',
            at: '2026-02-02T09:00:00.000Z',
            actor: { type: 'user', id: 'u-1', label: 'Ada Admin' },
            note: null,
          },
          {
            from: 'submitted',
            to: 'partially_received',
            at: '2026-02-03T09:00:00.000Z',
            actor: { type: 'api_key', id: 'k-1', label: 'Dock scanner' },
            note: 'Delivery note 4711',
          },
        ],
      }),
    );
    expect(root().querySelector('h1')?.textContent).toContain('PO-2026-000042');
    expect(root().querySelector('app-purchase-order-status-chip')?.textContent?.trim()).toBe('Partially received');
    const facts = root().querySelector('.facts')?.textContent ?? '';
    expect(facts).toContain('Acme Supplies');
    expect(facts).toContain('WH-A');
    expect(facts).toContain('Mar 4, 2026');
    expect(facts).toContain('€670.00');
    expect(cells('CHAIR-OAK-01')).toEqual([
      '1',
      expect.stringMatching(/^CHAIR-OAK-01\s*Oak dining chair$/),
      '10',
      '4',
      '6',
      '€64.50',
      '€645.00',
    ]);
    expect(cells('BOX-CARD-S').slice(2, 5)).toEqual(['2', '2', '0']);

    const entries = Array.from(root().querySelectorAll('.timeline-entry')).map((entry) =>
      (entry.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatch(/^Draft Ada Admin · Feb 1, 2026/);
    expect(entries[2]).toContain('Submitted → to Partially received');
    expect(entries[2]).toContain('Dock scanner');
    expect(entries[2]).toContain('Delivery note 4711');
  });

  it.each<[PurchaseOrderStatus, string[]]>([
    ['draft', ['Submit', 'Edit', 'Cancel order']],
    ['submitted', ['Receive', 'Cancel order']],
    ['partially_received', ['Receive']],
    ['received', []],
    ['cancelled', []],
  ])('offers in status %s only the actions it allows: %j', async (status, expected) => {
    await open(purchaseOrder({ status }));
    expect(actionLabels()).toEqual(expected);
  });

  it('hides the actions the user may not take', async () => {
    permissions.set(new Set([Permission.PurchasingOrdersRead]));
    await open(purchaseOrder({ status: 'draft' }));
    expect(actionLabels()).toEqual([]);
  });

  it('offers receiving only with the receive permission', async () => {
    permissions.set(new Set([Permission.PurchasingOrdersRead, Permission.PurchasingOrdersWrite]));
    await open(purchaseOrder({ status: 'submitted' }));
    expect(actionLabels()).toEqual(['Cancel order']);

    permissions.set(new Set([Permission.PurchasingOrdersRead, Permission.PurchasingOrdersReceive]));
    await render();
    expect(actionLabels()).toEqual(['Receive']);
  });

  it('submits a draft with its version and shows the new status', async () => {
    await open(purchaseOrder({ status: 'draft', version: 4 }));
    button(root(), 'Submit').click();
    const request = http.expectOne(`${ORDER_URL}/submit`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ version: 4 });
    request.flush(purchaseOrder({ status: 'submitted', version: 5 }));
    await render();
    expect(root().querySelector('app-purchase-order-status-chip')?.textContent?.trim()).toBe('Submitted');
    expect(actionLabels()).toEqual(['Receive', 'Cancel order']);
  });

  it('cancels only after confirmation', async () => {
    await open(purchaseOrder({ status: 'submitted', version: 2 }));
    button(root(), 'Cancel order').click();
    await render();
    const dialog = () => document.querySelector<HTMLElement>('mat-dialog-container')!;
    expect(dialog().textContent).toContain('Cancel PO-2026-000042?');
    button(dialog(), 'Keep order').click();
    await render();
    http.expectNone(`${ORDER_URL}/cancel`);

    button(root(), 'Cancel order').click();
    await render();
    button(dialog(), 'Cancel order').click();
    await render();
    const request = http.expectOne(`${ORDER_URL}/cancel`);
    expect(request.request.body).toEqual({ version: 2 });
    request.flush(purchaseOrder({ status: 'cancelled', version: 3 }));
    await render();
    expect(root().querySelector('app-purchase-order-status-chip')?.textContent?.trim()).toBe('Cancelled');
    expect(actionLabels()).toEqual([]);
  });

  it('says when the order changed meanwhile and shows it as it is now', async () => {
    await open(purchaseOrder({ status: 'draft', version: 1 }));
    button(root(), 'Submit').click();
    http
      .expectOne(`${ORDER_URL}/submit`)
      .flush(problemBody(409, ErrorCode.VersionConflict, 'Stale'), { status: 409, statusText: 'Conflict' });
    http.expectOne(ORDER_URL).flush(purchaseOrder({ status: 'cancelled', version: 2 }));
    await render();
    expect(root().textContent).toContain(ORDER_CHANGED_MESSAGE);
    expect(actionLabels()).toEqual([]);
  });

  it('opens the receive dialog with the open lines', async () => {
    await open(purchaseOrder({ status: 'submitted' }));
    button(root(), 'Receive').click();
    await render();
    http.expectOne((request) => request.url === '/api/v1/warehouses').flush({ items: [], nextCursor: null });
    await render();
    expect(document.querySelector('mat-dialog-container')?.textContent).toContain('Receive PO-2026-000042');
  });

  it('reloads when a live event about this order arrives', async () => {
    await open(purchaseOrder({ status: 'submitted' }));
    realtime.emit({
      id: 'e-1',
      type: DomainEventName.PurchaseOrderStatusChanged,
      aggregateType: 'purchase_order',
      aggregateId: ORDER_ID,
      occurredAt: '2026-02-03T09:00:00.000Z',
      payload: { orderId: ORDER_ID, number: 'PO-2026-000042', from: 'submitted', to: 'partially_received' },
    });
    realtime.emit({
      id: 'e-2',
      type: DomainEventName.PurchaseOrderUpdated,
      aggregateType: 'purchase_order',
      aggregateId: 'another-order',
      occurredAt: '2026-02-03T09:00:00.000Z',
      payload: {},
    });
    await new Promise((resolve) => setTimeout(resolve, LIVE_RELOAD_DEBOUNCE_MS + 50));
    http
      .expectOne(ORDER_URL)
      .flush(
        purchaseOrder({ status: 'partially_received', lines: [orderLine({ receivedQuantity: 3, openQuantity: 7 })] }),
      );
    await render();
    expect(root().querySelector('app-purchase-order-status-chip')?.textContent?.trim()).toBe('Partially received');
    expect(cells('CHAIR-OAK-01')[3]).toBe('3');
  });

  describe('the purchase order document', () => {
    const PDF = 'Purchase order PDF';
    const EMAIL = 'E-mail to supplier';

    function documentButtons(): { label: string; enabled: boolean; why: string }[] {
      return Array.from(root().querySelectorAll<HTMLButtonElement>('.header-actions button.document-action')).map(
        (element) => {
          const described = element.getAttribute('aria-describedby');
          return {
            label: element.textContent?.trim() ?? '',
            // Disabled but still focusable, so its tooltip can say why.
            enabled: element.getAttribute('aria-disabled') !== 'true' && !element.disabled,
            why: described ? (document.getElementById(described)?.textContent?.trim() ?? '') : '',
          };
        },
      );
    }

    it.each<[PurchaseOrderStatus, boolean, string]>([
      ['draft', false, 'Once the order is submitted'],
      ['submitted', true, ''],
      ['partially_received', true, ''],
      ['received', true, ''],
      ['cancelled', false, 'None for a cancelled order'],
    ])('is enabled for a %s order: %s', async (status, enabled, why) => {
      await open(purchaseOrder({ status }));
      expect(documentButtons()).toEqual([
        { label: PDF, enabled, why },
        { label: EMAIL, enabled, why },
      ]);
    });

    it('can be downloaded but not e-mailed without the permission to change purchase orders', async () => {
      permissions.set(new Set([Permission.PurchasingOrdersRead]));
      await open(purchaseOrder({ status: 'submitted' }));
      expect(documentButtons().map((entry) => entry.label)).toEqual([PDF]);
    });

    it('downloads as PDF under the name the server gives it', async () => {
      await open(purchaseOrder({ status: 'submitted' }));
      Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:pdf'), revokeObjectURL: jest.fn() });
      let saved = '';
      jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        saved = this.download;
      });
      button(root(), PDF).click();
      http.expectOne(`${ORDER_URL}/document/pdf`).flush(new Blob(['%PDF-1.7']), {
        headers: { 'Content-Disposition': 'attachment; filename="purchase-order-PO-2026-000042.pdf"' },
      });
      await render();
      expect(saved).toBe('purchase-order-PO-2026-000042.pdf');
    });

    it('e-mails it to the supplier and lists it under E-mails', async () => {
      permissions.set(new Set([...ALL, Permission.PurchasingSuppliersRead]));
      await open(purchaseOrder({ status: 'submitted' }));
      http.expectOne(`${ORDER_URL}/emails`).flush([]);
      await render();

      button(root(), EMAIL).click();
      await render();
      const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
      expect(dialog.querySelector('h2')?.textContent).toContain('E-mail purchase order PO-2026-000042');
      http.expectOne(`/api/v1/suppliers/${partner().id}`).flush(partner());
      http.expectOne('/api/v1/settings/company').flush(companySettingsDto());
      await render();
      expect(dialog.querySelector('[data-testid="attachment"]')?.textContent).toBe('purchase-order-PO-2026-000042.pdf');
      button(dialog, 'Send').click();
      const send = http.expectOne(`${ORDER_URL}/document/email`);
      expect(send.request.body).toMatchObject({
        to: 'orders@acme.test',
        subject: 'Purchase order PO-2026-000042 from Depot Demo GmbH',
      });
      expect((send.request.body as { message: string }).message).toMatch(/^Dear Wile Coyote,/);
      const mail = documentMail({
        document: MailedDocument.PurchaseOrder,
        number: 'PO-2026-000042',
        to: 'orders@acme.test',
        status: 'sent',
      });
      send.flush(mail, { status: 202, statusText: 'Accepted' });
      await render();
      expect(document.querySelector('.cdk-overlay-container')?.textContent).toContain(
        'E-mail queued to orders@acme.test.',
      );
      http.expectOne(`${ORDER_URL}/emails`).flush([mail]);
      await render();
      expect(root().querySelector('section[aria-labelledby="emails-heading"] li.mail-entry')?.textContent).toContain(
        'Purchase order PO-2026-000042',
      );
    });
  });

  describe('history', () => {
    const statusChange = auditEvent({
      action: 'submitted',
      entityType: 'purchase_order',
      entityId: ORDER_ID,
      changes: { status: { before: 'draft', after: 'submitted' } },
    });

    function historySection(): HTMLElement | null {
      return root().querySelector('section[aria-labelledby="audit-history-heading"]');
    }

    it('is not shown without the audit permission', async () => {
      await open(purchaseOrder({ status: 'submitted' }));
      expect(historySection()).toBeNull();
      http.expectNone(isHistory);
    });

    it("shows the order's audit trail with each change before and after", async () => {
      permissions.set(new Set([...ALL, Permission.AuditRead]));
      await open(purchaseOrder({ status: 'submitted' }));
      const request = http.expectOne(isHistory);
      expect(request.request.params.get('entityType')).toBe('purchase_order');
      expect(request.request.params.get('entityId')).toBe(ORDER_ID);
      request.flush({ items: [statusChange], nextCursor: null });
      await render();

      expect(historySection()?.querySelector('h2')?.textContent).toBe('History');
      const change = historySection()?.querySelector('.history-entry .change');
      expect(change?.querySelector('dt')?.textContent?.trim()).toBe('Status');
      expect(change?.querySelector('.before .value')?.textContent?.trim()).toBe('draft');
      expect(change?.querySelector('.after .value')?.textContent?.trim()).toBe('submitted');
    });

    it('loads again after an action and after a live event', async () => {
      permissions.set(new Set([...ALL, Permission.AuditRead]));
      await open(purchaseOrder({ status: 'draft', version: 1 }));
      http.expectOne(isHistory).flush({ items: [], nextCursor: null });
      await render();

      button(root(), 'Submit').click();
      http.expectOne(`${ORDER_URL}/submit`).flush(purchaseOrder({ status: 'submitted', version: 2 }));
      await render();
      http.expectOne(isHistory).flush({ items: [statusChange], nextCursor: null });
      await render();
      expect(historySection()?.querySelectorAll('.history-entry')).toHaveLength(1);

      realtime.emit({
        id: 'e-1',
        type: DomainEventName.PurchaseOrderStatusChanged,
        aggregateType: 'purchase_order',
        aggregateId: ORDER_ID,
        occurredAt: '2026-02-03T09:00:00.000Z',
        payload: { orderId: ORDER_ID, number: 'PO-2026-000042', from: 'submitted', to: 'cancelled' },
      });
      await new Promise((resolve) => setTimeout(resolve, LIVE_RELOAD_DEBOUNCE_MS + 50));
      http.expectOne(ORDER_URL).flush(purchaseOrder({ status: 'cancelled', version: 3 }));
      await render();
      http.expectOne(isHistory).flush({ items: [], nextCursor: null });
    });
  });
});
