import { computeLineTotals } from '@depot/contracts';

import { availability } from '../../testing/sales-fixtures';
import {
  type SalesOrderLineValue,
  createLineForm,
  createSalesOrderForm,
  lineAvailability,
  lineTotalsOf,
  orderTotalsOf,
  toCreateRequest,
  toUpdateRequest,
} from './sales-order-form';

const CHAIR = { id: 'p-1', sku: 'CHAIR-1', name: 'Oak chair', priceMinor: 12900, currency: 'EUR' as const };
const TABLE = { id: 'p-2', sku: 'TABLE-1', name: 'Oak table', priceMinor: 89900, currency: 'EUR' as const };

function line(overrides: Partial<SalesOrderLineValue> = {}): SalesOrderLineValue {
  return { product: CHAIR, quantity: 3, unitPrice: '19.99', discount: '10', tax: '19', ...overrides };
}

describe('sales order form model', () => {
  it('computes line totals from major units and percentages exactly as the server does', () => {
    expect(lineTotalsOf(line(), 'EUR')).toEqual(
      computeLineTotals({ quantity: 3, unitPriceMinor: 1999, discountBps: 1000, taxRateBps: 1900 }),
    );
    // 3 x 19.99 = 59.97; -10 % = 5.997 -> 6.00; net 53.97; +19 % = 10.2543 -> 10.25
    expect(lineTotalsOf(line(), 'EUR')).toEqual({
      grossMinor: 5997,
      discountMinor: 600,
      netMinor: 5397,
      taxMinor: 1025,
      totalMinor: 6422,
    });
  });

  it('reads prices in the currency of the order (no decimals for JPY)', () => {
    expect(lineTotalsOf(line({ unitPrice: '1999', discount: '', tax: '' }), 'JPY')?.totalMinor).toBe(5997);
    expect(lineTotalsOf(line({ unitPrice: '19.99' }), 'JPY')).toBeNull();
  });

  it('leaves incomplete lines out of the order total', () => {
    const totals = orderTotalsOf(
      [line(), line({ product: 'typed but not picked' }), line({ quantity: null }), line({ unitPrice: 'abc' })],
      'EUR',
    );
    expect(totals.totalMinor).toBe(6422);
  });

  it('sends minor units and basis points, and the version without the currency on edit', () => {
    const form = createSalesOrderForm();
    const currency = () => form.controls.currency.value;
    form.controls.lines.push(createLineForm(currency, { product: CHAIR, quantity: 2 }));
    form.controls.lines.at(0).patchValue({ unitPrice: '129', discount: '12.5', tax: '19' });
    form.patchValue({
      customer: { id: 'c-1', code: 'NORDIC', name: 'Nordic' },
      warehouseId: 'w-a',
      shippingAddress: '  ',
      notes: ' Fragile ',
    });

    expect(toCreateRequest(form)).toEqual({
      customerId: 'c-1',
      warehouseId: 'w-a',
      currency: 'EUR',
      shippingAddress: null,
      notes: 'Fragile',
      lines: [{ productId: 'p-1', quantity: 2, unitPriceMinor: 12900, discountBps: 1250, taxRateBps: 1900 }],
    });
    expect(toUpdateRequest(form, 7)).not.toHaveProperty('currency');
    expect(toUpdateRequest(form, 7).version).toBe(7);
  });

  it('validates lines: a product picked from the list, a whole quantity, a price in the currency, sane percentages', () => {
    const form = createSalesOrderForm();
    const row = createLineForm(() => form.controls.currency.value);
    row.setValue({ product: 'chair', quantity: 1.5, unitPrice: '1.999', discount: '101', tax: '-1' });

    expect(row.controls.product.hasError('notPicked')).toBe(true);
    expect(row.controls.quantity.hasError('wholeQuantity')).toBe(true);
    expect(row.controls.unitPrice.hasError('money')).toBe(true);
    expect(row.controls.discount.hasError('percent')).toBe(true);
    expect(row.controls.tax.hasError('percent')).toBe(true);
  });

  it('marks lines short when all lines of a product together ask for more than is available', () => {
    const lines = [
      line({ quantity: 5 }),
      line({ product: TABLE, quantity: 1 }),
      line({ quantity: 4 }),
      line({ product: null }),
    ];
    const result = lineAvailability(lines, [availability({ productId: 'p-1', available: 8 })]);

    expect(result).toEqual([
      { available: 8, short: true },
      // No availability entry: nothing of it in this warehouse.
      { available: 0, short: true },
      { available: 8, short: true },
      null,
    ]);
    expect(lineAvailability([line({ quantity: 8 })], [availability({ available: 8 })])).toEqual([
      { available: 8, short: false },
    ]);
    expect(lineAvailability([line()], null)).toEqual([null]);
  });
});
