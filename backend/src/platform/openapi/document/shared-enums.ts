import {
  ADJUSTMENT_REASONS,
  ALL_PERMISSIONS,
  CURRENCIES,
  ErrorCode,
  InvoiceKind,
  MAIL_MESSAGE_STATUSES,
  MAIL_TEMPLATES,
  MOVEMENT_TYPES,
  PartnerKind,
  PAYMENT_METHODS,
  PaymentStatus,
  ProductStatus,
  PURCHASE_ORDER_STATUSES,
  SALES_ORDER_STATUSES,
  UserStatus,
  WEBHOOK_EVENT_TYPES,
  type AuditEventDto,
  type WebhookDeliveryStatus,
} from '@depot/contracts';
import { visitSchemas, type Document, type SchemaObject } from './walk';

const AUDIT_ACTOR_TYPES = [
  'user',
  'api_key',
  'system',
  'anonymous',
] as const satisfies readonly AuditEventDto['actorType'][];
const WEBHOOK_DELIVERY_STATUSES = [
  'pending',
  'succeeded',
  'failed',
] as const satisfies readonly WebhookDeliveryStatus[];

/**
 * Enumerations of @depot/contracts that the document names as components (`$ref`), so a client
 * generator makes one type of each and a reader sees what a value may be in one place.
 */
export const SHARED_ENUMS: Record<string, { values: readonly string[]; description: string }> = {
  Currency: { values: CURRENCIES, description: 'ISO 4217 currency code. Amounts are integers in its minor unit.' },
  ProductStatus: {
    values: Object.values(ProductStatus),
    description: 'Archived products keep their history but take no new stock movements or orders.',
  },
  UserStatus: {
    values: Object.values(UserStatus),
    description: 'A disabled user cannot sign in; their sessions and API keys stop working.',
  },
  Permission: { values: ALL_PERMISSIONS, description: 'A permission a role grants and an API key may be scoped to.' },
  MovementType: { values: MOVEMENT_TYPES, description: 'What moved stock in a ledger entry.' },
  AdjustmentReason: { values: ADJUSTMENT_REASONS, description: 'Why stock was adjusted by hand.' },
  PurchaseOrderStatus: {
    values: PURCHASE_ORDER_STATUSES,
    description: 'draft → submitted → partially_received → received, or cancelled.',
  },
  SalesOrderStatus: {
    values: SALES_ORDER_STATUSES,
    description: 'draft → confirmed (stock reserved) → partially_fulfilled → fulfilled → invoiced, or cancelled.',
  },
  InvoiceKind: { values: Object.values(InvoiceKind), description: 'An invoice, or a credit note against one.' },
  PaymentStatus: {
    values: Object.values(PaymentStatus),
    description: 'How much of an invoice has been paid or credited.',
  },
  PaymentMethod: { values: PAYMENT_METHODS, description: 'How a payment was made.' },
  PartnerKind: {
    values: Object.values(PartnerKind),
    description: 'Whether a business partner is a supplier or a customer.',
  },
  WebhookEventType: { values: WEBHOOK_EVENT_TYPES, description: 'A domain event a webhook endpoint can subscribe to.' },
  WebhookDeliveryStatus: { values: WEBHOOK_DELIVERY_STATUSES, description: 'State of one webhook delivery.' },
  MailTemplate: { values: MAIL_TEMPLATES, description: 'Which e-mail a message is.' },
  MailMessageStatus: { values: MAIL_MESSAGE_STATUSES, description: 'Delivery state of an outgoing e-mail.' },
  AuditActorType: {
    values: AUDIT_ACTOR_TYPES,
    description: 'Who acted: a user, an API key, the system itself, or an anonymous caller.',
  },
  ErrorCode: {
    values: Object.values(ErrorCode),
    description:
      'Stable machine-readable error code of a problem (`code`). New codes may be added in minor versions; ' +
      'treat an unknown one like its HTTP status.',
  },
};

function key(values: readonly unknown[]): string {
  return JSON.stringify([...values].map(String).sort());
}

/**
 * Replaces each inline enum whose values are exactly those of a SHARED_ENUMS entry with a `$ref`
 * to the named component: `allOf: [$ref]` when the property has its own description, example or
 * default (OpenAPI 3.0 ignores siblings of a bare `$ref`), `anyOf: [$ref, null]` when it is
 * nullable.
 */
export function nameSharedEnums(document: Document): void {
  const schemas = ((document.components ??= {}).schemas ??= {});
  const names = new Map(Object.entries(SHARED_ENUMS).map(([name, { values }]) => [key(values), name]));
  const used = new Set<string>();
  visitSchemas(document, (schema: SchemaObject, context) => {
    if (!schema.enum || (context.component && SHARED_ENUMS[context.component])) return;
    const name = names.get(key(schema.enum));
    if (!name) return;
    used.add(name);
    const { enum: _values, type: _type, nullable, ...rest } = schema;
    for (const property of Object.keys(schema)) delete (schema as Record<string, unknown>)[property];
    const target = { $ref: `#/components/schemas/${name}` };
    if (nullable) {
      // OpenAPI 3.0's `nullable` does not reach into a `$ref`: null is its own alternative.
      Object.assign(schema, { ...rest, anyOf: [target, { type: 'string', nullable: true, enum: [null] }] });
    } else {
      Object.assign(schema, Object.keys(rest).length === 0 ? target : { ...rest, allOf: [target] });
    }
  });
  // Only the enums the document uses (an unused component is a lint warning).
  for (const [name, { values, description }] of Object.entries(SHARED_ENUMS)) {
    if (used.has(name)) schemas[name] = { type: 'string', enum: [...values], description };
  }
}
