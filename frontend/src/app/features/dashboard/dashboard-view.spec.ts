import { majorMoneyFormatter, plural, rankProducts, salesSummary, toMajor } from './dashboard-view';
import { dashboardDto } from './testing/dashboard-fixtures';

describe('dashboard view helpers', () => {
  it('totals the sales and finds the best day', () => {
    const summary = salesSummary(dashboardDto());
    expect(summary.totalMinor).toBe(16_500);
    expect(summary.orders).toBe(3);
    expect(summary.best?.date).toBe('2026-03-03');
    expect(summary.days[0]).toMatchObject({ shortLabel: 'Mar 1', longLabel: 'Sun, Mar 1, 2026' });
    expect(
      salesSummary(dashboardDto({ salesByDay: [{ date: '2026-03-01', orders: 0, netMinor: 0 }] })).best,
    ).toBeNull();
  });

  it('sizes the bars of the top products against the best seller, never invisibly small', () => {
    const ranked = rankProducts([
      { productId: 'a', sku: 'A', name: 'A', quantity: 1, netMinor: 10_000 },
      { productId: 'b', sku: 'B', name: 'B', quantity: 1, netMinor: 2_500 },
      { productId: 'c', sku: 'C', name: 'C', quantity: 1, netMinor: 1 },
    ]);
    expect(ranked.map((product) => product.share)).toEqual([100, 25, 2]);
    expect(rankProducts([{ productId: 'z', sku: 'Z', name: 'Z', quantity: 0, netMinor: 0 }])[0].share).toBe(0);
  });

  it('formats money in major units, also for currencies without minor units', () => {
    expect(toMajor(12_345, 'EUR')).toBe(123.45);
    expect(majorMoneyFormatter('EUR')(1234.5)).toBe('€1,234.50');
    expect(majorMoneyFormatter('EUR', true)(1_250_000)).toBe('€1.3M');
    expect(toMajor(1999, 'JPY')).toBe(1999);
    expect(majorMoneyFormatter('JPY')(1999)).toBe('¥1,999');
    expect(plural(1, 'order')).toBe('1 order');
    expect(plural(1200, 'order')).toBe('1,200 orders');
  });
});
