import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatCard } from '@angular/material/card';
import { MatProgressBar } from '@angular/material/progress-bar';
import { type Params, RouterLink } from '@angular/router';
import {
  DomainEventName,
  Permission,
  PurchaseOrderStatus,
  SalesOrderStatus,
  type CurrencyCode,
  type DashboardDto,
} from '@depot/contracts';
import { Subject, catchError, debounceTime, map, merge, of, switchMap } from 'rxjs';

import { AuthService } from '../../core/auth/auth.service';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { CompanySetupBannerComponent } from '../../shared/company/company-setup-banner.component';
import { problemMessage, toProblemDetails } from '../../shared/http/problem-details';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { formatMoney } from '../../shared/money/money';
import { IconComponent, type IconName } from '../../shared/ui/icon/icon.component';
import { BarChartComponent } from './chart/bar-chart.component';
import { majorMoneyFormatter, plural, rankProducts, salesChartLabel, salesSummary, toMajor } from './dashboard-view';
import { DASHBOARD_DAYS, DashboardService } from './data-access/dashboard.service';

/** A burst of events (an import, a busy hour of orders) refetches once. */
export const DASHBOARD_REFRESH_DEBOUNCE_MS = 1000;

/** Events that change a figure on the dashboard, by aggregate type. */
const LIVE_EVENTS = [
  { aggregateType: 'stock', types: [DomainEventName.StockChanged] },
  { aggregateType: 'sales_order' },
  { aggregateType: 'purchase_order' },
  // A product's cost or price is part of the stock value; an archived product leaves it.
  { aggregateType: 'product', types: [DomainEventName.ProductUpdated, DomainEventName.ProductArchived] },
] as const;

type LoadState = 'loading' | 'ready' | 'failed';

interface Kpi {
  id: string;
  label: string;
  value: string;
  hint: string;
  icon: IconName;
  alert: boolean;
  link: { path: string; queryParams?: Params; text: string } | null;
}

/**
 * The start page (`/dashboard`): stock value, low stock and open orders as cards linking to their
 * lists, net sales per day and the best-selling products. The figures follow live events, so
 * another user's stock adjustment or order shows without a reload. Users who may edit the company
 * settings are told here while invoices cannot be issued for lack of company details.
 */
@Component({
  selector: 'app-dashboard',
  imports: [
    RouterLink,
    MatCard,
    MatButton,
    MatProgressBar,
    MoneyPipe,
    IconComponent,
    BarChartComponent,
    CompanySetupBannerComponent,
  ],
  templateUrl: './dashboard.component.html',
  styleUrl: './dashboard.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardComponent {
  readonly #dashboard = inject(DashboardService);
  readonly #permissions = inject(AuthService).permissions;
  readonly #loads = new Subject<{ quiet: boolean }>();

  protected readonly days = DASHBOARD_DAYS;
  protected readonly data = signal<DashboardDto | null>(null);
  protected readonly loadState = signal<LoadState>('loading');
  protected readonly loadProblem = signal<string | null>(null);
  /** A live refresh failed: the figures shown may be out of date. */
  protected readonly refreshProblem = signal<string | null>(null);
  protected readonly refreshing = signal(false);

  protected readonly currency = computed<CurrencyCode>(() => this.data()?.currency ?? 'EUR');
  protected readonly canOpenProducts = computed(() => this.#permissions().has(Permission.CatalogProductsRead));

  protected readonly kpis = computed<Kpi[]>(() => {
    const data = this.data();
    if (!data) {
      return [];
    }
    const can = (permission: Permission) => this.#permissions().has(permission);
    return [
      {
        id: 'stock-value',
        label: 'Stock value',
        value: formatMoney(data.stockValueMinor, data.currency),
        hint: 'On hand, at cost',
        icon: 'inventory',
        alert: false,
        link: { path: '/stock/movements', text: 'Stock ledger' },
      },
      {
        id: 'low-stock',
        label: 'Low stock',
        value: data.lowStockCount.toLocaleString('en-US'),
        hint: 'Below their reorder point',
        icon: 'warning',
        alert: data.lowStockCount > 0,
        link: { path: '/stock/low', text: 'Low stock list' },
      },
      {
        id: 'open-purchase-orders',
        label: 'Open purchase orders',
        value: data.openPurchaseOrders.toLocaleString('en-US'),
        hint: 'Goods still to be received',
        icon: 'download',
        alert: false,
        link: can(Permission.PurchasingOrdersRead)
          ? {
              path: '/purchase-orders',
              queryParams: { status: PurchaseOrderStatus.Submitted },
              text: 'Submitted purchase orders',
            }
          : null,
      },
      {
        id: 'open-sales-orders',
        label: 'Open sales orders',
        value: data.openSalesOrders.toLocaleString('en-US'),
        hint: 'Goods still to be shipped',
        icon: 'send',
        alert: false,
        link: can(Permission.SalesOrdersRead)
          ? {
              path: '/sales-orders',
              queryParams: { status: SalesOrderStatus.Confirmed },
              text: 'Confirmed sales orders',
            }
          : null,
      },
    ];
  });

  protected readonly sales = computed(() => {
    const data = this.data();
    return data ? salesSummary(data) : null;
  });
  protected readonly salesLead = computed(() => {
    const sales = this.sales();
    return sales ? `${formatMoney(sales.totalMinor, this.currency())} net from ${plural(sales.orders, 'order')}` : '';
  });
  protected readonly chartLabels = computed(() => this.sales()?.days.map((day) => day.shortLabel) ?? []);
  protected readonly chartValues = computed(
    () => this.sales()?.days.map((day) => toMajor(day.netMinor, this.currency())) ?? [],
  );
  protected readonly chartLabel = computed(() => {
    const sales = this.sales();
    return sales ? salesChartLabel(sales, this.currency(), this.days) : '';
  });
  protected readonly formatValue = computed(() => majorMoneyFormatter(this.currency()));
  protected readonly formatTick = computed(() => majorMoneyFormatter(this.currency(), true));
  protected readonly topProducts = computed(() => rankProducts(this.data()?.topProducts ?? []));

  constructor() {
    this.#loads
      .pipe(
        switchMap(({ quiet }) => {
          if (!quiet) {
            this.loadState.set(this.data() ? 'ready' : 'loading');
            this.loadProblem.set(null);
          }
          this.refreshing.set(true);
          return this.#dashboard.get(this.days).pipe(
            map((data) => ({ data, quiet })),
            catchError((error: unknown) => of({ error, quiet })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.refreshing.set(false);
        if ('data' in result) {
          this.data.set(result.data);
          this.loadState.set('ready');
          this.refreshProblem.set(null);
          return;
        }
        const message = problemMessage(toProblemDetails(result.error));
        if (this.data()) {
          this.refreshProblem.set(message);
        } else {
          this.loadState.set('failed');
          this.loadProblem.set(message);
        }
      });

    const realtime = inject(RealtimeService);
    merge(...LIVE_EVENTS.map((wanted) => realtime.changes(wanted)))
      .pipe(debounceTime(DASHBOARD_REFRESH_DEBOUNCE_MS), takeUntilDestroyed())
      .subscribe(() => this.#loads.next({ quiet: true }));

    this.#loads.next({ quiet: false });
  }

  protected retry(): void {
    this.#loads.next({ quiet: false });
  }
}
