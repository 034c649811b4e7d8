import { computeLineTotals, sumTotals } from '@depot/contracts';
import { orderNumber } from './order-history.service';

describe('order line totals (shared by server and UI)', () => {
  it('applies the discount, then tax on the discounted amount, each rounded half up once', () => {
    // 3 x 333 = 999; 12.5 % discount = 124.875 -> 125; net 874; 19 % tax = 166.06 -> 166.
    expect(computeLineTotals({ quantity: 3, unitPriceMinor: 333, discountBps: 1250, taxRateBps: 1900 })).toEqual({
      grossMinor: 999,
      discountMinor: 125,
      netMinor: 874,
      taxMinor: 166,
      totalMinor: 1040,
    });
  });

  it('rounds exact halves up and anything below down', () => {
    expect(computeLineTotals({ quantity: 1, unitPriceMinor: 5, discountBps: 1000 }).discountMinor).toBe(1); // 0.5
    expect(computeLineTotals({ quantity: 1, unitPriceMinor: 4, discountBps: 1000 }).discountMinor).toBe(0); // 0.4
    expect(computeLineTotals({ quantity: 1, unitPriceMinor: 15, taxRateBps: 1000 }).taxMinor).toBe(2); // 1.5
    expect(computeLineTotals({ quantity: 1, unitPriceMinor: 14, taxRateBps: 1000 }).taxMinor).toBe(1); // 1.4
  });

  it('defaults to no discount and no tax, and handles 100 % discount', () => {
    expect(computeLineTotals({ quantity: 2, unitPriceMinor: 1999 })).toMatchObject({
      netMinor: 3998,
      totalMinor: 3998,
    });
    expect(
      computeLineTotals({ quantity: 2, unitPriceMinor: 1999, discountBps: 10_000, taxRateBps: 1900 }),
    ).toMatchObject({
      discountMinor: 3998,
      netMinor: 0,
      taxMinor: 0,
      totalMinor: 0,
    });
  });

  it('stays exact beyond floating-point range (BigInt arithmetic)', () => {
    // 1,000,000 x 10,000,000,000 = 1e16 minor units: the intermediate x bps products exceed 2^53.
    const totals = computeLineTotals({
      quantity: 1_000_000,
      unitPriceMinor: 10_000_000_000,
      discountBps: 333,
      taxRateBps: 2100,
    });
    expect(totals.grossMinor).toBe(1e16);
    expect(totals.discountMinor).toBe(333_000_000_000_000);
    expect(totals.netMinor + totals.discountMinor).toBe(totals.grossMinor);
    expect(totals.totalMinor - totals.taxMinor).toBe(totals.netMinor);
  });

  it('sums lines so the order always equals the sum of its lines', () => {
    const lines = [
      computeLineTotals({ quantity: 3, unitPriceMinor: 333, discountBps: 1250, taxRateBps: 1900 }),
      computeLineTotals({ quantity: 1, unitPriceMinor: 5, discountBps: 1000, taxRateBps: 700 }),
    ];
    expect(sumTotals(lines)).toEqual({
      grossMinor: 1004,
      discountMinor: 126,
      netMinor: 878,
      taxMinor: 166,
      totalMinor: 1044,
    });
    expect(sumTotals([])).toEqual({ grossMinor: 0, discountMinor: 0, netMinor: 0, taxMinor: 0, totalMinor: 0 });
  });

  it('numbers orders by prefix, year and a six-digit sequence', () => {
    expect(orderNumber('SO', 42, new Date('2026-11-23T00:00:00Z'))).toBe('SO-2026-000042');
    expect(orderNumber('PO', 1234567, new Date('2027-01-01T00:00:00Z'))).toBe('PO-2027-1234567');
  });
});
