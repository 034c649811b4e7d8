import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission, type PartnerDto } from '@depot/contracts';

import { provideFakeRealtime } from '../../../../testing/fake-realtime';
import { auditEvent, settle } from '../../../../testing/test-helpers';
import { AuthService } from '../../../core/auth/auth.service';
import { button, choose, typeInto } from '../../inventory/testing/inventory-fixtures';
import { PARTNER_KIND_DATA } from '../data-access/purchasing-labels';
import { partner } from '../testing/purchasing-fixtures';
import { PartnerListComponent } from './partner-list.component';

function page(items: PartnerDto[], nextCursor: string | null = null) {
  return { items, nextCursor };
}

// Material tables, selects and dialogs render slowly in jsdom.
jest.setTimeout(20_000);

describe('PartnerListComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(async () => {
    permissions.set(new Set([Permission.PurchasingSuppliersRead, Permission.PurchasingSuppliersWrite]));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'suppliers', component: PartnerListComponent, data: { [PARTNER_KIND_DATA]: 'supplier' } },
          { path: 'customers', component: PartnerListComponent, data: { [PARTNER_KIND_DATA]: 'customer' } },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFakeRealtime(),
        { provide: AuthService, useValue: { permissions, currentUser: signal(null) } satisfies Partial<AuthService> },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    // The saved-views menu of the toolbar asks for the list's views.
    for (const request of http.match((candidate) => candidate.url === '/api/v1/saved-views')) {
      if (!request.cancelled) {
        request.flush({ items: [], nextCursor: null });
      }
    }
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

  function expectList(url = '/api/v1/suppliers'): TestRequest {
    return http.expectOne((request) => request.url === url);
  }

  function rowTexts(): string[][] {
    return Array.from(root().querySelectorAll('tr.partner-row')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
  }

  it('lists the suppliers with code, name, contact, e-mail, payment terms and state', async () => {
    await harness.navigateByUrl('/suppliers');
    const request = expectList();
    expect(request.request.params.toString()).toBe('limit=25&includeTotal=true&sort=code');
    request.flush(
      page([
        partner(),
        partner({
          id: 's-2',
          code: 'BOLT',
          name: 'Bolt & Co',
          contactName: null,
          phone: null,
          email: null,
          paymentTermsDays: 0,
          active: false,
        }),
      ]),
    );
    await render();
    expect(root().querySelector('h1')?.textContent).toBe('Suppliers');
    expect(rowTexts()).toEqual([
      [
        'ACME',
        'Acme Supplies',
        expect.stringMatching(/^Wile Coyote\s*\+49 30 123456$/),
        'orders@acme.test',
        'Net 30 days',
        'Active',
        'Edit',
      ],
      ['BOLT', 'Bolt & Co', '', '', 'Due on receipt', 'Inactive', 'Edit'],
    ]);
  });

  it('serves the customers from the same page at /customers', async () => {
    permissions.set(new Set([Permission.SalesCustomersRead]));
    await harness.navigateByUrl('/customers');
    expectList('/api/v1/customers').flush(page([partner({ kind: 'customer', code: 'SHOP' })]));
    await render();
    expect(root().querySelector('h1')?.textContent).toBe('Customers');
    expect(root().textContent).not.toContain('New customer');
    expect(rowTexts()[0]).toHaveLength(6);
  });

  it('keeps the search and the state filter in the URL', async () => {
    await harness.navigateByUrl('/suppliers?q=acme&active=inactive');
    const first = expectList();
    expect(first.request.params.get('q')).toBe('acme');
    expect(first.request.params.get('active')).toBe('false');
    first.flush(page([]));
    await render();
    expect(root().querySelector<HTMLInputElement>('input[type="search"]')?.value).toBe('acme');
    expect(root().textContent).toContain('No suppliers match your search.');

    await choose(root(), 'State', 'Active', render);
    expect(router.url).toBe('/suppliers?q=acme&active=active');
    const second = expectList();
    expect(second.request.params.get('active')).toBe('true');
    second.flush(page([]));
    await render();

    button(root(), 'Clear search and filters').click();
    await render();
    expect(router.url).toBe('/suppliers');
    const third = expectList();
    expect(third.request.params.has('active')).toBe(false);
    expect(third.request.params.has('q')).toBe(false);
    third.flush(page([partner()]));
    await render();
    expect(root().querySelector<HTMLInputElement>('input[type="search"]')?.value).toBe('');
  });

  it('creates a supplier in the dialog and shows it in the list', async () => {
    await harness.navigateByUrl('/suppliers');
    expectList().flush(page([]));
    await render();
    button(root(), 'New supplier').click();
    await render();
    const dialog = document.querySelector<HTMLElement>('mat-dialog-container')!;
    typeInto(dialog, 'Code', 'acme');
    typeInto(dialog, 'Name', 'Acme Supplies');
    button(dialog, 'Create supplier').click();
    http
      .expectOne((request) => request.method === 'POST' && request.url === '/api/v1/suppliers')
      .flush(partner(), { status: 201, statusText: 'Created' });
    await render();
    expectList().flush(page([partner()]));
    await render();
    expect(document.body.textContent).toContain('Created supplier ACME.');
    expect(rowTexts()[0][0]).toBe('ACME');
  });

  it('shows the history of a customer in a dialog, only to users who may read the audit trail', async () => {
    permissions.set(new Set([Permission.SalesCustomersRead]));
    await harness.navigateByUrl('/customers');
    expectList('/api/v1/customers').flush(page([partner({ id: 'c-1', kind: 'customer', code: 'SHOP' })]));
    await render();
    expect(root().querySelector('button[aria-label="History of customer SHOP"]')).toBeNull();

    permissions.set(new Set([Permission.SalesCustomersRead, Permission.AuditRead]));
    await render();
    expect(rowTexts()[0].at(-1)).toBe('History');
    root().querySelector<HTMLButtonElement>('button[aria-label="History of customer SHOP"]')?.click();
    await render();

    const request = http.expectOne((candidate) => candidate.url === '/api/v1/audit-events');
    expect(request.request.params.get('entityType')).toBe('customer');
    expect(request.request.params.get('entityId')).toBe('c-1');
    request.flush({
      items: [auditEvent({ entityType: 'customer', changes: { paymentTermsDays: { before: 30, after: 14 } } })],
      nextCursor: null,
    });
    await render();
    const dialog = document.querySelector<HTMLElement>('mat-dialog-container');
    expect(dialog?.querySelector('h2')?.textContent).toBe('History of customer SHOP');
    expect(dialog?.querySelector('.history-entry .before .value')?.textContent?.trim()).toBe('30');
    expect(dialog?.querySelector('.history-entry .after .value')?.textContent?.trim()).toBe('14');
  });

  it('offers history and edit side by side to a writer who may read the audit trail', async () => {
    permissions.set(
      new Set([Permission.PurchasingSuppliersRead, Permission.PurchasingSuppliersWrite, Permission.AuditRead]),
    );
    await harness.navigateByUrl('/suppliers');
    expectList().flush(page([partner()]));
    await render();
    expect(rowTexts()[0].at(-1)).toBe('History Edit');
  });
});
