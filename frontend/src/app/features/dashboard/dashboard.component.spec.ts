import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { DomainEventName, Permission } from '@depot/contracts';

import { FakeRealtimeService, provideFakeRealtime } from '../../../testing/fake-realtime';
import { StubPageComponent } from '../../../testing/stub-page.component';
import { problemBody, settle } from '../../../testing/test-helpers';
import { AuthService } from '../../core/auth/auth.service';
import { DASHBOARD_REFRESH_DEBOUNCE_MS, DashboardComponent } from './dashboard.component';
import {
  FakeBarChart,
  TOP_PRODUCT_ID,
  dashboardDto,
  domainEvent,
  provideFakeBarChart,
} from './testing/dashboard-fixtures';

jest.setTimeout(20_000);
describe('DashboardComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let realtime: FakeRealtimeService;
  let chart: FakeBarChart;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(async () => {
    permissions.set(
      new Set([
        Permission.InventoryStockRead,
        Permission.CatalogProductsRead,
        Permission.PurchasingOrdersRead,
        Permission.SalesOrdersRead,
      ]),
    );
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'dashboard', component: DashboardComponent },
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
        provideFakeBarChart(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    realtime = TestBed.inject(FakeRealtimeService);
    chart = TestBed.inject(FakeBarChart);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  async function render(): Promise<HTMLElement> {
    await harness.fixture.whenStable();
    await settle();
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  function expectDashboardRequest(): TestRequest {
    const request = http.expectOne((candidate) => candidate.url === '/api/v1/dashboard');
    expect(request.request.params.get('days')).toBe('30');
    return request;
  }

  async function open(): Promise<HTMLElement> {
    await harness.navigateByUrl('/dashboard');
    return render();
  }

  function card(root: HTMLElement, id: string): HTMLElement {
    const found = root.querySelector<HTMLElement>(`[data-kpi="${id}"]`);
    if (!found) {
      throw new Error(`No card ${id}`);
    }
    return found;
  }

  const value = (root: HTMLElement, id: string) => card(root, id).querySelector('.kpi-value')?.textContent?.trim();
  const href = (root: HTMLElement, id: string) => card(root, id).querySelector('a')?.getAttribute('href');

  it('shows the figures as cards that link to their lists, and the top products linking to their pages', async () => {
    let root = await open();
    expect(root.querySelector('.skeleton')?.textContent).toContain('Loading the dashboard');
    expectDashboardRequest().flush(dashboardDto());
    root = await render();

    expect(value(root, 'stock-value')).toBe('€12,345.50');
    expect(href(root, 'stock-value')).toBe('/stock/movements');
    expect(value(root, 'low-stock')).toBe('3');
    expect(card(root, 'low-stock').classList).toContain('alert');
    expect(href(root, 'low-stock')).toBe('/stock/low');
    expect(value(root, 'open-purchase-orders')).toBe('2');
    expect(href(root, 'open-purchase-orders')).toBe('/purchase-orders?status=submitted');
    expect(value(root, 'open-sales-orders')).toBe('5');
    expect(href(root, 'open-sales-orders')).toBe('/sales-orders?status=confirmed');

    const top = Array.from(root.querySelectorAll<HTMLElement>('li.top-product'));
    expect(top.map((item) => item.querySelector('.rank-name')?.textContent?.trim())).toEqual(['Widget', 'Bolt']);
    expect(top[0].querySelector('a')?.getAttribute('href')).toBe(`/products/${TOP_PRODUCT_ID}`);
    expect(top[0].querySelector('.rank-net')?.textContent?.trim()).toBe('€120.00');
    expect(top[0].textContent).toContain('12 sold');
  });

  it('draws net sales per day in major units, named for screen readers and with a table of the figures', async () => {
    await open();
    expectDashboardRequest().flush(dashboardDto());
    const root = await render();

    expect(root.textContent).toContain('Sales over the last 30 days');
    expect(root.textContent).toContain('€165.00 net from 3 orders');
    expect(chart.drawn).toHaveLength(1);
    const drawn = chart.last!;
    expect(drawn.data.labels).toEqual(['Mar 1', 'Mar 2', 'Mar 3']);
    expect(drawn.data.values).toEqual([0, 45, 120]);
    expect(drawn.data.formatValue(45)).toBe('€45.00');
    expect(drawn.data.formatTick(1500)).toBe('€1.5K');

    const canvas = root.querySelector('canvas');
    expect(canvas?.getAttribute('role')).toBe('img');
    expect(canvas?.getAttribute('aria-label')).toBe(
      'Bar chart of net sales per day over the last 30 days: €165.00 from 3 orders. Best day Tue, Mar 3, 2026 with €120.00.',
    );
    const rows = Array.from(root.querySelectorAll('.sales-table tbody tr')).map((row) =>
      Array.from(row.children).map((cell) => cell.textContent?.trim()),
    );
    expect(rows[1]).toEqual(['Mon, Mar 2, 2026', '2', '€45.00']);
  });

  it('says when there were no sales, and offers no links the user may not follow', async () => {
    permissions.set(new Set([Permission.InventoryStockRead]));
    await open();
    expectDashboardRequest().flush(
      dashboardDto({
        lowStockCount: 0,
        salesByDay: [{ date: '2026-03-01', orders: 0, netMinor: 0 }],
        topProducts: [],
      }),
    );
    const root = await render();

    expect(root.textContent).toContain('No sales in the last 30 days.');
    expect(root.textContent).toContain('No products sold in the last 30 days.');
    expect(root.querySelector('app-bar-chart')).toBeNull();
    expect(card(root, 'low-stock').classList).not.toContain('alert');
    expect(href(root, 'low-stock')).toBe('/stock/low');
    expect(href(root, 'open-purchase-orders')).toBeUndefined();
    expect(href(root, 'open-sales-orders')).toBeUndefined();
  });

  it('shows an error with a retry that loads the dashboard again', async () => {
    await open();
    expectDashboardRequest().flush(problemBody(500, 'SERVER.INTERNAL', 'Something broke.'), {
      status: 500,
      statusText: 'Internal Server Error',
    });
    let root = await render();
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Could not load the dashboard: Something broke.');
    expect(root.querySelector('.kpis')).toBeNull();

    alert?.querySelector('button')?.click();
    root = await render();
    expectDashboardRequest().flush(dashboardDto());
    root = await render();
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(value(root, 'low-stock')).toBe('3');
  });

  it('refetches once after a burst of stock and order events, and updates the figures and the chart', async () => {
    await open();
    expectDashboardRequest().flush(dashboardDto());
    await render();

    realtime.emit(domainEvent('customer', DomainEventName.CustomerUpdated));
    realtime.emit(domainEvent('stock', DomainEventName.StockChanged, TOP_PRODUCT_ID));
    realtime.emit(domainEvent('sales_order', DomainEventName.SalesOrderStatusChanged));
    realtime.emit(domainEvent('purchase_order', DomainEventName.PurchaseOrderCreated));
    http.expectNone('/api/v1/dashboard?days=30');
    await new Promise((resolve) => setTimeout(resolve, DASHBOARD_REFRESH_DEBOUNCE_MS + 50));

    expectDashboardRequest().flush(
      dashboardDto({
        lowStockCount: 4,
        openSalesOrders: 4,
        salesByDay: [{ date: '2026-03-03', orders: 2, netMinor: 20_000 }],
      }),
    );
    const root = await render();
    expect(value(root, 'low-stock')).toBe('4');
    expect(value(root, 'open-sales-orders')).toBe('4');
    expect(chart.drawn).toHaveLength(1);
    expect(chart.last?.data.values).toEqual([200]);

    // Events nobody on the dashboard cares about fetch nothing.
    realtime.emit(domainEvent('customer', DomainEventName.CustomerUpdated));
    await new Promise((resolve) => setTimeout(resolve, DASHBOARD_REFRESH_DEBOUNCE_MS + 50));
    http.expectNone((candidate) => candidate.url === '/api/v1/dashboard');
  });

  it('keeps the figures and says they may be out of date when a live refresh fails', async () => {
    await open();
    expectDashboardRequest().flush(dashboardDto());
    await render();

    realtime.emit(domainEvent('stock', DomainEventName.StockChanged));
    await new Promise((resolve) => setTimeout(resolve, DASHBOARD_REFRESH_DEBOUNCE_MS + 50));
    expectDashboardRequest().flush(problemBody(500, 'INTERNAL', 'Something went wrong.'), {
      status: 500,
      statusText: 'Internal Server Error',
    });
    let root = await render();
    expect(value(root, 'low-stock')).toBe('3');
    expect(root.querySelector('[role="alert"]')).toBeNull();
    const warning = root.querySelector('.banner-warning');
    expect(warning?.textContent).toContain('These figures may be out of date');

    warning?.querySelector('button')?.click();
    await render();
    expectDashboardRequest().flush(dashboardDto({ lowStockCount: 1 }));
    root = await render();
    expect(root.querySelector('.banner-warning')).toBeNull();
    expect(value(root, 'low-stock')).toBe('1');
  });
});
