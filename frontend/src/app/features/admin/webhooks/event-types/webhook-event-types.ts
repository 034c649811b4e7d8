import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@depot/contracts';

export interface EventTypeGroup {
  label: string;
  types: { name: WebhookEventType; label: string }[];
}

const GROUP_LABELS: Readonly<Record<string, string>> = {
  product: 'Products',
  category: 'Categories',
  warehouse: 'Warehouses',
  stock: 'Stock',
  supplier: 'Suppliers',
  customer: 'Customers',
  purchase_order: 'Purchase orders',
  sales_order: 'Sales orders',
  invoice: 'Invoices',
  credit_note: 'Invoices',
  webhook: 'Testing',
};

const VERB_LABELS: Readonly<Record<string, string>> = {
  created: 'created',
  updated: 'updated',
  archived: 'archived',
  deleted: 'deleted',
  changed: 'changed',
  test: 'Test event',
};

/** A readable name for an event type: `purchase_order.status_changed` -> "Purchase order status changed". */
export function eventTypeLabel(type: string): string {
  const [subject = '', verb = ''] = type.split('.');
  if (subject === 'webhook' && verb === 'test') {
    return VERB_LABELS['test'];
  }
  const noun = (subject.charAt(0).toUpperCase() + subject.slice(1)).replaceAll('_', ' ');
  return `${noun} ${VERB_LABELS[verb] ?? verb.replaceAll('_', ' ')}`;
}

/** WEBHOOK_EVENT_TYPES grouped by what they are about, in the contract's order. */
export const EVENT_TYPE_GROUPS: readonly EventTypeGroup[] = WEBHOOK_EVENT_TYPES.reduce<EventTypeGroup[]>(
  (groups, name) => {
    const subject = name.split('.')[0];
    const label = GROUP_LABELS[subject] ?? subject;
    let group = groups.find((candidate) => candidate.label === label);
    if (!group) {
      group = { label, types: [] };
      groups.push(group);
    }
    group.types.push({ name, label: eventTypeLabel(name) });
    return groups;
  },
  [],
);

/** Keeps the contract's order, whatever order the types were ticked in. */
export function orderEventTypes(types: Iterable<WebhookEventType>): WebhookEventType[] {
  const chosen = new Set(types);
  return WEBHOOK_EVENT_TYPES.filter((type) => chosen.has(type));
}
