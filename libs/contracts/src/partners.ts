import type { ListQuery } from './pagination';
import type { TaxTreatment } from './taxes';

/** Suppliers and customers share one shape; each has its own endpoints (`/suppliers`, `/customers`). */
export const PartnerKind = {
  Supplier: 'supplier',
  Customer: 'customer',
} as const;
export type PartnerKind = (typeof PartnerKind)[keyof typeof PartnerKind];

export const PARTNER_LIMITS = {
  codeMaxLength: 16,
  /** Upper-case letters, digits, `-` and `_`, starting with a letter or digit. */
  codePattern: '^[A-Z0-9][A-Z0-9_-]*$',
  nameMaxLength: 200,
  contactNameMaxLength: 120,
  emailMaxLength: 254,
  phoneMaxLength: 40,
  addressMaxLength: 500,
  taxIdMaxLength: 40,
  notesMaxLength: 2000,
  maxPaymentTermsDays: 365,
} as const;

export const PARTNER_SORT_FIELDS = ['code', 'name', 'createdAt'] as const;
export type PartnerSortField = (typeof PARTNER_SORT_FIELDS)[number];

export interface PartnerDto {
  id: string;
  kind: PartnerKind;
  /** Unique per kind, case-insensitive, e.g. `ACME`. */
  code: string;
  name: string;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  billingAddress: string | null;
  shippingAddress: string | null;
  taxId: string | null;
  /** Days until an invoice is due (0 = due on receipt). */
  paymentTermsDays: number;
  /** How sales to the partner are taxed (customers; suppliers keep `domestic`). */
  taxTreatment: TaxTreatment;
  notes: string | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreatePartnerRequest {
  code: string;
  name: string;
  contactName?: string | null;
  email?: string | null;
  phone?: string | null;
  billingAddress?: string | null;
  shippingAddress?: string | null;
  taxId?: string | null;
  paymentTermsDays?: number;
  /** `eu_reverse_charge` needs the partner's VAT id in `taxId`. */
  taxTreatment?: TaxTreatment;
  notes?: string | null;
}

export interface UpdatePartnerRequest extends Partial<CreatePartnerRequest> {
  version: number;
  active?: boolean;
}

export interface PartnerListQuery extends ListQuery {
  active?: boolean;
}
