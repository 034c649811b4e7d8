import { ORDER_LIMITS } from '@depot/contracts';

import {
  addLine,
  createPurchaseOrderForm,
  lineTotalMinor,
  orderTotalMinor,
  purchaseOrderFieldPath,
  suggestedUnitCost,
} from './purchase-order-form';

describe('purchase order form model', () => {
  it('computes a line total in minor units only when quantity and unit cost are complete', () => {
    expect(lineTotalMinor({ quantity: 3, unitCost: '19.99' }, 'EUR')).toBe(5997);
    expect(lineTotalMinor({ quantity: 3, unitCost: '0.1' }, 'EUR')).toBe(30);
    expect(lineTotalMinor({ quantity: 2, unitCost: '1999' }, 'JPY')).toBe(3998);
    expect(lineTotalMinor({ quantity: null, unitCost: '19.99' }, 'EUR')).toBeNull();
    expect(lineTotalMinor({ quantity: 1.5, unitCost: '19.99' }, 'EUR')).toBeNull();
    expect(lineTotalMinor({ quantity: 3, unitCost: '' }, 'EUR')).toBeNull();
    expect(lineTotalMinor({ quantity: 3, unitCost: '19.999' }, 'EUR')).toBeNull();
    expect(orderTotalMinor([5997, null, 30])).toBe(6027);
  });

  it('adds 0.1 + 0.2 without floating point drift', () => {
    const totals = [
      lineTotalMinor({ quantity: 1, unitCost: '0.1' }, 'EUR'),
      lineTotalMinor({ quantity: 1, unitCost: '0.2' }, 'EUR'),
    ];
    expect(orderTotalMinor(totals)).toBe(30);
  });

  it('checks unit costs against the order currency, also after the currency changes', () => {
    const form = createPurchaseOrderForm();
    const cost = form.controls.lines.at(0).controls.unitCost;
    cost.setValue('19.99');
    expect(cost.valid).toBe(true);
    form.controls.currency.setValue('JPY');
    cost.updateValueAndValidity();
    expect(cost.hasError('amount')).toBe(true);
    cost.setValue(String(ORDER_LIMITS.maxUnitAmountMinor + 1));
    expect(cost.hasError('amountMax')).toBe(true);
  });

  it('needs at least one line', () => {
    const form = createPurchaseOrderForm();
    form.controls.lines.removeAt(0);
    expect(form.controls.lines.hasError('required')).toBe(true);
    addLine(form);
    expect(form.controls.lines.hasError('required')).toBe(false);
  });

  it('suggests the product cost only in the order currency', () => {
    const product = { id: 'p', sku: 'P', name: 'P', costMinor: 6450, currency: 'EUR' as const };
    expect(suggestedUnitCost(product, 'EUR')).toBe('64.50');
    expect(suggestedUnitCost(product, 'USD')).toBeNull();
    expect(suggestedUnitCost({ ...product, costMinor: null }, 'EUR')).toBeNull();
  });

  it('maps API field paths of validation errors onto the form controls', () => {
    expect(purchaseOrderFieldPath('supplierId')).toBe('supplier');
    expect(purchaseOrderFieldPath('warehouseId')).toBe('warehouseId');
    expect(purchaseOrderFieldPath('lines.1.productId')).toBe('lines.1.product');
    expect(purchaseOrderFieldPath('lines[0].unitCostMinor')).toBe('lines.0.unitCost');
    expect(purchaseOrderFieldPath('lines.0.quantity')).toBe('lines.0.quantity');
  });
});
