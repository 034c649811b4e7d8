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
