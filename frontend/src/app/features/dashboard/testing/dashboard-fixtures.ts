import type { Provider } from '@angular/core';
import type { DashboardDto, DomainEventName } from '@depot/contracts';

import {
  BAR_CHART_LOADER,
  type BarChartData,
  type BarChartFactory,
  type BarChartTheme,
} from '../chart/bar-chart-loader';
import type { TestDomainEvent } from '../../../../testing/fake-realtime';

/** Test data and a fake chart renderer for the dashboard specs (not part of the app build). */
export const TOP_PRODUCT_ID = '0b7e8c1e-1f7d-4a55-9c2b-7d6a1b2c3d4e';

export function dashboardDto(overrides: Partial<DashboardDto> = {}): DashboardDto {
  return {
    currency: 'EUR',
    stockValueMinor: 1_234_550,
    lowStockCount: 3,
    openPurchaseOrders: 2,
    openSalesOrders: 5,
    salesByDay: [
      { date: '2026-03-01', orders: 0, netMinor: 0 },
      { date: '2026-03-02', orders: 2, netMinor: 4_500 },
      { date: '2026-03-03', orders: 1, netMinor: 12_000 },
    ],
    topProducts: [
      { productId: TOP_PRODUCT_ID, sku: 'WIDGET-1', name: 'Widget', quantity: 12, netMinor: 12_000 },
      { productId: 'p-2', sku: 'BOLT-9', name: 'Bolt', quantity: 30, netMinor: 4_500 },
    ],
    ...overrides,
  };
}

let eventCounter = 0;

export function domainEvent(aggregateType: string, type: DomainEventName, aggregateId = 'agg-1'): TestDomainEvent {
  eventCounter += 1;
  return {
    id: `dashboard-event-${eventCounter}`,
    type,
    aggregateType,
    aggregateId,
    occurredAt: '2026-03-03T09:00:00.000Z',
    payload: {},
  };
}

/** Records what the chart would draw instead of drawing on a canvas (jsdom has none). */
export class FakeBarChart {
  readonly drawn: { canvas: HTMLCanvasElement; data: BarChartData; theme: BarChartTheme }[] = [];
  updates = 0;
  destroyed = 0;
  fail = false;

  readonly load = (): Promise<BarChartFactory> => {
    if (this.fail) {
      return Promise.reject(new Error('chunk failed to load'));
    }
    return Promise.resolve((canvas, data, theme) => {
      const entry = { canvas, data, theme };
      this.drawn.push(entry);
      return {
        update: (next, nextTheme) => {
          entry.data = next;
          entry.theme = nextTheme;
          this.updates += 1;
        },
        destroy: () => {
          this.destroyed += 1;
        },
      };
    });
  };

  /** What the last drawn chart shows now. */
  get last(): { data: BarChartData; theme: BarChartTheme } | undefined {
    return this.drawn.at(-1);
  }
}

export function provideFakeBarChart(fake = new FakeBarChart()): Provider[] {
  return [
    { provide: FakeBarChart, useValue: fake },
    { provide: BAR_CHART_LOADER, useValue: fake.load },
  ];
}
