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
  });

  it('keeps the contract order whatever order the boxes were ticked in', () => {
    expect(orderEventTypes(['stock.changed', 'product.created'])).toEqual(['product.created', 'stock.changed']);
  });
});
