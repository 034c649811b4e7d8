/**
 * Display-ready history: how each audited field of each kind of record is labelled and what kind
 * of value it holds, so the server can resolve references and the client can format values
 * (money with the record's currency, dates in the user's locale) without knowing field names.
 */

/** How a value is shown: the client formats `money` (minor units), `date`, `datetime`, `quantity`, `boolean`. */
export type AuditValueKind =
  | 'text'
  | 'money'
  | 'date'
  | 'datetime'
  | 'quantity'
  | 'number'
  | 'percent'
  | 'boolean'
  | 'reference'
  | 'list'
  | 'status'
  | 'json';

/** Kinds of record a reference (an id or a code in an audit trail) can point to. */
export type AuditRefType =
  | 'product'
  | 'category'
  | 'warehouse'
  | 'supplier'
  | 'customer'
  | 'user'
  | 'role'
  | 'sales_order'
  | 'purchase_order'
  | 'invoice';

/** A referenced record resolved to its name and the admin page that shows it. */
export interface AuditRef {
  type: AuditRefType;
  id: string;
  /** Human name, e.g. `Tools / Drills`, `BER-1 · Berlin`, `Ada Admin`. */
  name: string;
  /** Path of the record's page in the admin app, e.g. `/products/0194…`. */
  url: string;
}

/** One changed field of an audit event, ready to show. */
export interface AuditFieldChangeDto {
  /** Field key as recorded, e.g. `priceMinor`, `onHand.BER-1`. */
  field: string;
  /** Label from the contracts, e.g. `Price`, `On hand · BER-1`. */
  label: string;
  kind: AuditValueKind;
  before: unknown;
  after: unknown;
  /** Server-side text for values the client cannot format on its own (resolved names, statuses). */
  beforeDisplay?: string | null;
  afterDisplay?: string | null;
  /** For `money`: ISO currency of the minor units. */
  currency?: string | null;
  /** For `reference`: the records before and after point to. */
  beforeRef?: AuditRef | null;
  afterRef?: AuditRef | null;
  /** What the field itself is about (e.g. the warehouse of `onHand.BER-1`). */
  ref?: AuditRef | null;
}

/** How one field is shown: its label, its kind and, for references, what it points to. */
export interface AuditFieldSpec {
  label: string;
  kind: AuditValueKind;
  /** For `reference` fields (ids or codes). */
  refType?: AuditRefType;
  /** References by code rather than id (e.g. warehouse codes). */
  refByCode?: boolean;
}

/**
 * Fields whose key carries a code: `onHand.BER-1` is "On hand" at warehouse BER-1. The part after
 * the prefix is resolved as a reference of `refType` by code.
 */
export interface AuditFieldPattern extends AuditFieldSpec {
  prefix: string;
  refType: AuditRefType;
}

const statusSpec: AuditFieldSpec = { label: 'Status', kind: 'status' };
const notes: AuditFieldSpec = { label: 'Notes', kind: 'text' };

/** Per entity type (as in audit events' `entityType`): the label and kind of each audited field. */
export const AUDIT_FIELD_LABELS: Readonly<Record<string, Readonly<Record<string, AuditFieldSpec>>>> = {
  product: {
    sku: { label: 'SKU', kind: 'text' },
    name: { label: 'Name', kind: 'text' },
    description: { label: 'Description', kind: 'text' },
    unit: { label: 'Unit', kind: 'text' },
    priceMinor: { label: 'Price', kind: 'money' },
    costMinor: { label: 'Cost', kind: 'money' },
    currency: { label: 'Currency', kind: 'text' },
    barcode: { label: 'Barcode', kind: 'text' },
    categoryId: { label: 'Category', kind: 'reference', refType: 'category' },
    attributes: { label: 'Attributes', kind: 'json' },
    reorderPoint: { label: 'Reorder point', kind: 'quantity' },
    reorderQuantity: { label: 'Reorder quantity', kind: 'quantity' },
    preferredSupplierId: { label: 'Preferred supplier', kind: 'reference', refType: 'supplier' },
    supplierSku: { label: 'Supplier SKU', kind: 'text' },
    purchasePriceMinor: { label: 'Purchase price', kind: 'money' },
    status: statusSpec,
  },
  category: {
    name: { label: 'Name', kind: 'text' },
    parentId: { label: 'Parent category', kind: 'reference', refType: 'category' },
  },
  warehouse: {
    code: { label: 'Code', kind: 'text' },
    name: { label: 'Name', kind: 'text' },
    address: { label: 'Address', kind: 'text' },
    active: { label: 'Active', kind: 'boolean' },
  },
  supplier: partnerFields(),
  customer: partnerFields(),
  user: {
    email: { label: 'E-mail', kind: 'text' },
    displayName: { label: 'Display name', kind: 'text' },
    roles: { label: 'Roles', kind: 'list' },
    status: statusSpec,
  },
  role: {
    name: { label: 'Name', kind: 'text' },
    description: { label: 'Description', kind: 'text' },
    permissions: { label: 'Permissions', kind: 'list' },
    requireMfa: { label: 'Requires two-factor sign-in', kind: 'boolean' },
  },
  api_key: {
    name: { label: 'Name', kind: 'text' },
    scopes: { label: 'Scopes', kind: 'list' },
  },
  sales_order: {
    number: { label: 'Number', kind: 'text' },
    emailed: { label: 'E-mailed', kind: 'text' },
    customerId: { label: 'Customer', kind: 'reference', refType: 'customer' },
    warehouseId: { label: 'Warehouse', kind: 'reference', refType: 'warehouse' },
    shippingAddress: { label: 'Shipping address', kind: 'text' },
    notes,
    totalMinor: { label: 'Total', kind: 'money' },
    lines: { label: 'Lines', kind: 'text' },
    status: statusSpec,
  },
  purchase_order: {
    number: { label: 'Number', kind: 'text' },
    emailed: { label: 'E-mailed', kind: 'text' },
    supplierId: { label: 'Supplier', kind: 'reference', refType: 'supplier' },
    warehouseId: { label: 'Warehouse', kind: 'reference', refType: 'warehouse' },
    expectedDate: { label: 'Expected date', kind: 'date' },
    notes,
    totalMinor: { label: 'Total', kind: 'money' },
    lines: { label: 'Lines', kind: 'text' },
    status: statusSpec,
  },
  invoice: {
    number: { label: 'Number', kind: 'text' },
    salesOrderId: { label: 'Sales order', kind: 'reference', refType: 'sales_order' },
    totalMinor: { label: 'Total', kind: 'money' },
    paidMinor: { label: 'Paid', kind: 'money' },
    creditedMinor: { label: 'Credited', kind: 'money' },
    paymentStatus: { label: 'Payment status', kind: 'status' },
    creditNote: { label: 'Credit note', kind: 'text' },
    emailed: { label: 'E-mailed', kind: 'text' },
  },
  company_settings: {
    legalName: { label: 'Legal name', kind: 'text' },
    street: { label: 'Street', kind: 'text' },
    postalCode: { label: 'Postal code', kind: 'text' },
    city: { label: 'City', kind: 'text' },
    countryCode: { label: 'Country', kind: 'text' },
    vatId: { label: 'VAT id', kind: 'text' },
    taxNumber: { label: 'Tax number', kind: 'text' },
    registration: { label: 'Commercial register', kind: 'text' },
    email: { label: 'E-mail', kind: 'text' },
    phone: { label: 'Phone', kind: 'text' },
    website: { label: 'Website', kind: 'text' },
    bankName: { label: 'Bank', kind: 'text' },
    bankAccountHolder: { label: 'Account holder', kind: 'text' },
    iban: { label: 'IBAN', kind: 'text' },
    bic: { label: 'BIC', kind: 'text' },
    defaultCurrency: { label: 'Default currency', kind: 'text' },
    defaultLanguage: { label: 'Default language', kind: 'text' },
    paymentTermsDays: { label: 'Payment terms (days)', kind: 'number' },
    numberPrefixes: { label: 'Number prefixes', kind: 'json' },
    invoiceFooter: { label: 'Invoice footer', kind: 'text' },
    logo: { label: 'Logo', kind: 'text' },
  },
  webhook_endpoint: {
    url: { label: 'URL', kind: 'text' },
    description: { label: 'Description', kind: 'text' },
    eventTypes: { label: 'Events', kind: 'list' },
    enabled: { label: 'Enabled', kind: 'boolean' },
  },
  mail_message: {
    status: statusSpec,
    attempts: { label: 'Attempts', kind: 'number' },
  },
};

/** Fields with a code in their key, per entity type. */
export const AUDIT_FIELD_PATTERNS: Readonly<Record<string, readonly AuditFieldPattern[]>> = {
  product: [
    { prefix: 'onHand.', label: 'On hand', kind: 'quantity', refType: 'warehouse', refByCode: true },
    { prefix: 'reserved.', label: 'Reserved', kind: 'quantity', refType: 'warehouse', refByCode: true },
  ],
};

function partnerFields(): Record<string, AuditFieldSpec> {
  return {
    code: { label: 'Code', kind: 'text' },
    name: { label: 'Name', kind: 'text' },
    contactName: { label: 'Contact', kind: 'text' },
    email: { label: 'E-mail', kind: 'text' },
    phone: { label: 'Phone', kind: 'text' },
    billingAddress: { label: 'Billing address', kind: 'text' },
    shippingAddress: { label: 'Shipping address', kind: 'text' },
    taxId: { label: 'Tax ID', kind: 'text' },
    paymentTermsDays: { label: 'Payment terms (days)', kind: 'number' },
    notes,
    active: { label: 'Active', kind: 'boolean' },
  };
}

/** `priceMinor` → `Price minor`: the fallback for a field the contracts do not list. */
export function humanizeFieldName(field: string): string {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label, kind and (for coded fields) the code of a recorded field. */
export function auditFieldSpec(
  entityType: string,
  field: string,
): AuditFieldSpec & { code?: string; pattern?: AuditFieldPattern } {
  const spec = AUDIT_FIELD_LABELS[entityType]?.[field];
  if (spec) return spec;
  const pattern = AUDIT_FIELD_PATTERNS[entityType]?.find((candidate) => field.startsWith(candidate.prefix));
  if (pattern) {
    const code = field.slice(pattern.prefix.length);
    return { label: `${pattern.label} · ${code}`, kind: pattern.kind, code, pattern };
  }
  return { label: humanizeFieldName(field), kind: 'text' };
}
