import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission } from '@depot/contracts';

import { provideFakeRealtime } from '../../../../testing/fake-realtime';
import { auditEvent, settle } from '../../../../testing/test-helpers';
import { AuthService } from '../../../core/auth/auth.service';
import { choose, typeInto, warehouse } from '../testing/inventory-fixtures';
import { WarehouseListComponent } from './warehouse-list.component';

// Material dialogs, selects and tables render slowly in jsdom; these tests drive several of them.
jest.setTimeout(20_000);
describe('WarehouseListComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(async () => {
    permissions.set(new Set([Permission.InventoryWarehousesRead, Permission.InventoryWarehousesWrite]));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'warehouses', component: WarehouseListComponent }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: { permissions, currentUser: signal(null) } satisfies Partial<AuthService> },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideFakeRealtime(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
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

  async function render(): Promise<HTMLElement> {
    await harness.fixture.whenStable();
    await settle();
    return harness.routeNativeElement as HTMLElement;
  }

  const isList = (request: { url: string }) => request.url === '/api/v1/warehouses';

  it('lists warehouses sorted by code and pages with the cursor', async () => {
    await harness.navigateByUrl('/warehouses');
    const first = http.expectOne(isList);
    expect(first.request.params.get('sort')).toBe('code');
    first.flush({ items: [warehouse()], nextCursor: 'c2' });
    let root = await render();
    expect(root.querySelectorAll('tr.warehouse-row')).toHaveLength(1);

    Array.from(root.querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === 'Next')
      ?.click();
    await render();
    const more = http.expectOne(isList);
    expect(more.request.params.get('cursor')).toBe('c2');
    more.flush({ items: [warehouse({ id: 'w-b', code: 'WH-B', active: false })], nextCursor: null });
    root = await render();
    expect(root.querySelectorAll('tr.warehouse-row')).toHaveLength(1);
    expect(root.querySelectorAll('tr.warehouse-row')[0].textContent).toContain('Inactive');
  });

  it('searches and filters by state', async () => {
    await harness.navigateByUrl('/warehouses');
    http.expectOne(isList).flush({ items: [warehouse()], nextCursor: null });
    let root = await render();

    await choose(root, 'State', 'Inactive', render);
    const inactive = http.expectOne(isList);
    expect(inactive.request.params.get('active')).toBe('false');
    inactive.flush({ items: [], nextCursor: null });

    typeInto(root, 'Search warehouses', 'zzz');
    await new Promise((resolve) => setTimeout(resolve, 350));
    const searched = http.expectOne(isList);
    expect(searched.request.params.get('q')).toBe('zzz');
    searched.flush({ items: [], nextCursor: null });
    root = await render();
    expect(root.textContent).toContain('No warehouses match your search.');
  });

  it('offers create and edit only to users who may write', async () => {
    permissions.set(new Set([Permission.InventoryWarehousesRead]));
    await harness.navigateByUrl('/warehouses');
    http.expectOne(isList).flush({ items: [warehouse()], nextCursor: null });
    const root = await render();
    expect(root.textContent).not.toContain('New warehouse');
    expect(root.querySelector('tr.warehouse-row button')).toBeNull();
  });

  it('shows the history of a warehouse in a dialog, only to users who may read the audit trail', async () => {
    await harness.navigateByUrl('/warehouses');
    http.expectOne(isList).flush({ items: [warehouse()], nextCursor: null });
    let root = await render();
    expect(root.querySelector('button[aria-label="History of warehouse WH-A"]')).toBeNull();

    permissions.set(new Set([Permission.InventoryWarehousesRead, Permission.AuditRead]));
    root = await render();
    expect(root.querySelector('button[aria-label="Edit warehouse WH-A"]')).toBeNull();
    root.querySelector<HTMLButtonElement>('button[aria-label="History of warehouse WH-A"]')?.click();
    await render();

    const request = http.expectOne((candidate) => candidate.url === '/api/v1/audit-events');
    expect(request.request.params.get('entityType')).toBe('warehouse');
    expect(request.request.params.get('entityId')).toBe(warehouse().id);
    request.flush({
      items: [auditEvent({ entityType: 'warehouse', changes: { name: { before: 'Main', after: 'Main hall' } } })],
      nextCursor: null,
    });
    await render();
    const dialog = document.querySelector<HTMLElement>('mat-dialog-container');
    expect(dialog?.querySelector('h2')?.textContent).toBe('History of warehouse WH-A');
    expect(dialog?.querySelector('.history-entry .after .value')?.textContent?.trim()).toBe('Main hall');
  });
});
