import type { CurrencyCode, DashboardDto } from '@depot/contracts';

import { formatMoney, minorDigits } from '../../shared/money/money';

/** One day of the sales chart, ready to show. */
export interface SalesDay {
  date: string;
  /** "Mar 4": the chart's axis. */
  shortLabel: string;
  /** "Wed, Mar 4, 2026": the table for screen readers. */
  longLabel: string;
  orders: number;
  netMinor: number;
}

export interface SalesSummary {
  days: SalesDay[];
  totalMinor: number;
  orders: number;
  /** The day with the highest net sales, if any day had sales. */
  best: SalesDay | null;
}

const shortDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `YYYY-MM-DD` (a calendar day, no time zone) in words. */
function dayLabels(date: string): { shortLabel: string; longLabel: string } {
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) {
    return { shortLabel: date, longLabel: date };
  }
  return { shortLabel: shortDate.format(day), longLabel: longDate.format(day) };
}

export function salesSummary(dashboard: DashboardDto): SalesSummary {
  const days = dashboard.salesByDay.map((day) => ({ ...day, ...dayLabels(day.date) }));
  let best: SalesDay | null = null;
  for (const day of days) {
    if (day.netMinor > 0 && (!best || day.netMinor > best.netMinor)) {
      best = day;
    }
  }
  return {
    days,
    totalMinor: days.reduce((sum, day) => sum + day.netMinor, 0),
    orders: days.reduce((sum, day) => sum + day.orders, 0),
    best,
  };
}

/** The chart's accessible name: what it shows and its main figures. */
export function salesChartLabel(summary: SalesSummary, currency: CurrencyCode, days: number): string {
  const total = formatMoney(summary.totalMinor, currency);
  const best = summary.best
    ? ` Best day ${summary.best.longLabel} with ${formatMoney(summary.best.netMinor, currency)}.`
    : '';
  return `Bar chart of net sales per day over the last ${days} days: ${total} from ${plural(summary.orders, 'order')}.${best}`;
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/** Minor units -> major units, for the chart's value axis (display only). */
export function toMajor(minor: number, currency: CurrencyCode): number {
  return minor / 10 ** minorDigits(currency);
}

/** Formats major units as money: full ("€1,234.50") for tooltips, compact ("€1.2K") for the axis. */
export function majorMoneyFormatter(currency: CurrencyCode, compact = false): (value: number) => string {
  const digits = minorDigits(currency);
  const format = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    ...(compact
      ? { notation: 'compact', maximumFractionDigits: 1 }
      : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  });
  return (value) => format.format(value);
}

/** A top product with its bar length relative to the best seller (0..100). */
export type RankedProduct = DashboardDto['topProducts'][number] & { share: number };

export function rankProducts(products: DashboardDto['topProducts']): RankedProduct[] {
  const max = Math.max(0, ...products.map((product) => product.netMinor));
  return products.map((product) => ({
    ...product,
    share: max > 0 ? Math.max(2, Math.round((product.netMinor / max) * 100)) : 0,
  }));
}
