import { WEBHOOK_EVENT_TYPES } from '@depot/contracts';

import { EVENT_TYPE_GROUPS, eventTypeLabel, orderEventTypes } from './webhook-event-types';

describe('webhook event types', () => {
  it('offers every event type a webhook can subscribe to, once', () => {
    const offered = EVENT_TYPE_GROUPS.flatMap((group) => group.types.map((type) => type.name));
    expect(offered).toEqual([...WEBHOOK_EVENT_TYPES]);
    expect(EVENT_TYPE_GROUPS.map((group) => group.label)).toContain('Products');
  });

  it('names event types for people', () => {
    expect(eventTypeLabel('product.updated')).toBe('Product updated');
    expect(eventTypeLabel('stock.changed')).toBe('Stock changed');
    expect(eventTypeLabel('purchase_order.status_changed')).toBe('Purchase order status changed');
    expect(eventTypeLabel('credit_note.issued')).toBe('Credit note issued');
  });

  it('groups invoices with their credit notes and payments', () => {
    const invoices = EVENT_TYPE_GROUPS.find((group) => group.label === 'Invoices');
    expect(invoices?.types.map((type) => type.name)).toEqual([
      'invoice.issued',
      'invoice.payment_recorded',
      'credit_note.issued',
    ]);
  });

  it('keeps the contract order whatever order the boxes were ticked in', () => {
    expect(orderEventTypes(['stock.changed', 'product.created'])).toEqual(['product.created', 'stock.changed']);
  });
});
