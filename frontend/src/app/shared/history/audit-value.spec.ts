import { actionLabel, formatAuditValue, shownChanges } from './audit-value';

describe('formatAuditValue', () => {
  it('formats money in its currency, quantities with separators and dates in the locale', () => {
    expect(formatAuditValue('money', 1250, 'EUR')).toBe('€12.50');
    expect(formatAuditValue('money', 1250, null)).toBe('1,250');
    expect(formatAuditValue('quantity', 12000)).toBe('12,000');
    expect(formatAuditValue('date', '2026-03-04')).toBe('Mar 4, 2026');
    expect(formatAuditValue('boolean', false)).toBe('No');
    expect(formatAuditValue('list', ['admin', 'clerk'])).toBe('admin, clerk');
  });

  it('prefers the text the server resolved and shows a dash for nothing', () => {
    expect(formatAuditValue('reference', 'c0ffee', null, 'Power tools')).toBe('Power tools');
    expect(formatAuditValue('reference', null, null, null)).toBe('–');
    expect(formatAuditValue('text', '')).toBe('–');
    expect(formatAuditValue('text', 'x'.repeat(200))).toHaveLength(118);
  });
});

describe('shownChanges', () => {
  it('labels raw changes from the contracts when the answer has no display-ready ones', () => {
    const [change] = shownChanges({ entityType: 'product', changes: { priceMinor: { before: 100, after: 250 } } });
    expect(change.label).toBe('Price');
    expect(change.kind).toBe('money');
  });

  it('keeps the resolved references of both sides and of the field itself', () => {
    const warehouse = { type: 'warehouse' as const, id: 'w1', name: 'BER-1 · Berlin', url: '/warehouses' };
    const [change] = shownChanges({
      entityType: 'product',
      changes: null,
      fieldChanges: [
        {
          field: 'onHand.BER-1',
          label: 'On hand · BER-1 · Berlin',
          kind: 'quantity',
          before: 5,
          after: 1500,
          ref: warehouse,
        },
      ],
    });
    expect(change.before.text).toBe('5');
    expect(change.after.text).toBe('1,500');
    expect(change.ref).toEqual(warehouse);
  });
});

describe('actionLabel', () => {
  it('turns recorded actions into words', () => {
    expect(actionLabel('update')).toBe('Updated');
    expect(actionLabel('identity.user.roles_changed')).toBe('User roles changed');
    expect(actionLabel('partially_received')).toBe('Partially received');
  });
});
