import { PartnerKind, Permission, PurchaseOrderStatus } from '@depot/contracts';

export const PURCHASE_ORDER_STATUS_LABELS: Readonly<Record<PurchaseOrderStatus, string>> = {
  [PurchaseOrderStatus.Draft]: 'Draft',
  [PurchaseOrderStatus.Submitted]: 'Submitted',
  [PurchaseOrderStatus.PartiallyReceived]: 'Partially received',
  [PurchaseOrderStatus.Received]: 'Received',
  [PurchaseOrderStatus.Cancelled]: 'Cancelled',
};

/** Route data key that tells the partner pages which kind they show. */
export const PARTNER_KIND_DATA = 'partnerKind';

/** What differs between the supplier and the customer pages (one component serves both). */
export interface PartnerKindConfig {
  kind: PartnerKind;
  /** "Suppliers" */
  title: string;
  /** "supplier" */
  noun: string;
  subtitle: string;
  readPermission: Permission;
  writePermission: Permission;
}

export const PARTNER_KINDS: Readonly<Record<PartnerKind, PartnerKindConfig>> = {
  [PartnerKind.Supplier]: {
    kind: PartnerKind.Supplier,
    title: 'Suppliers',
    noun: 'supplier',
    subtitle: 'Who you buy from. Purchase orders are placed with active suppliers only.',
    readPermission: Permission.PurchasingSuppliersRead,
    writePermission: Permission.PurchasingSuppliersWrite,
  },
  [PartnerKind.Customer]: {
    kind: PartnerKind.Customer,
    title: 'Customers',
    noun: 'customer',
    subtitle: 'Who you sell to. Sales orders are taken for active customers only.',
    readPermission: Permission.SalesCustomersRead,
    writePermission: Permission.SalesCustomersWrite,
  },
};

/** "Due on receipt", "Net 30 days". */
export function paymentTermsLabel(days: number): string {
  if (days === 0) {
    return 'Due on receipt';
  }
  return `Net ${days} ${days === 1 ? 'day' : 'days'}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar date ("2026-03-04", no time zone) as "Mar 4, 2026". Read and shown in UTC so the day
 * never shifts with the user's time zone.
 */
export function formatCalendarDate(value: string | null | undefined, locale = 'en-US'): string {
  if (!value) {
    return '';
  }
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}
