import type { CurrencyCode } from './products';

/** Languages the UI, e-mails and documents speak. */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** ISO 3166-1 alpha-2 country codes (names come from `Intl.DisplayNames` in the reader's language). */
export const COUNTRY_CODES: readonly string[] =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'.split(
    ' ',
  );

/** The business documents Depot numbers and prints. */
export const DocumentType = {
  Invoice: 'invoice',
  CreditNote: 'credit_note',
  SalesOrder: 'sales_order',
  PurchaseOrder: 'purchase_order',
} as const;
export type DocumentType = (typeof DocumentType)[keyof typeof DocumentType];

/** Numbers read `<prefix>-<year>-<six digits>`, e.g. `INV-2026-000123`. */
export const DEFAULT_NUMBER_PREFIXES: Record<DocumentType, string> = {
  invoice: 'INV',
  credit_note: 'CN',
  sales_order: 'SO',
  purchase_order: 'PO',
};

export const COMPANY_LIMITS = {
  legalNameMaxLength: 200,
  streetMaxLength: 200,
  postalCodeMaxLength: 20,
  cityMaxLength: 100,
  registrationMaxLength: 200,
  emailMaxLength: 254,
  phoneMaxLength: 40,
  websiteMaxLength: 200,
  bankNameMaxLength: 120,
  accountHolderMaxLength: 200,
  taxNumberMaxLength: 30,
  vatIdMaxLength: 20,
  footerMaxLength: 1000,
  /** Upper-case letters and digits, 1 to 8 of them. */
  numberPrefixPattern: '^[A-Z0-9]{1,8}$',
  maxPaymentTermsDays: 365,
  logoMaxBytes: 512 * 1024,
  logoTypes: ['image/png', 'image/jpeg'],
} as const;

/** Fields an invoice cannot be issued without (EU invoicing rules: who issues it, where, tax id, bank). */
export const COMPANY_REQUIRED_FOR_INVOICING = [
  'legalName',
  'street',
  'postalCode',
  'city',
  'countryCode',
  'vatIdOrTaxNumber',
  'iban',
] as const;
export type CompanyRequiredField = (typeof COMPANY_REQUIRED_FOR_INVOICING)[number];

/** Where the company logo is uploaded (PUT, the image file as the body) and removed (DELETE). */
export const COMPANY_LOGO_PATH = '/api/v1/settings/company/logo';

/** The company settings' id in the audit trail (entity type `company_settings`), for History. */
export const COMPANY_SETTINGS_ID = '00000000-0000-4000-8000-000000000001';

/** The company that issues Depot's documents (one per installation). */
export interface CompanySettingsDto {
  legalName: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  /** ISO 3166-1 alpha-2, e.g. `DE`. */
  countryCode: string | null;
  /** VAT identification number with its country prefix, e.g. `DE123456789`. */
  vatId: string | null;
  /** National tax number, e.g. `12/345/67890` (Germany's Steuernummer). */
  taxNumber: string | null;
  /** Commercial register entry, e.g. `Amtsgericht Berlin-Charlottenburg HRB 123456`. */
  registration: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  bankName: string | null;
  bankAccountHolder: string | null;
  /** Stored and returned without spaces, upper-case. */
  iban: string | null;
  bic: string | null;
  defaultCurrency: CurrencyCode;
  defaultLanguage: Language;
  /** Days until an invoice is due for customers without terms of their own. */
  paymentTermsDays: number;
  numberPrefixes: Record<DocumentType, string>;
  /** Printed at the foot of every invoice and credit note. */
  invoiceFooter: string | null;
  /** Where the logo is served (changes with the logo), or null without one. */
  logoUrl: string | null;
  /** True when every field in `missing` is filled: invoices can be issued. */
  complete: boolean;
  missing: CompanyRequiredField[];
  version: number;
  updatedAt: string;
}

export interface UpdateCompanySettingsRequest {
  version: number;
  legalName?: string | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  countryCode?: string | null;
  vatId?: string | null;
  taxNumber?: string | null;
  registration?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  bankName?: string | null;
  bankAccountHolder?: string | null;
  iban?: string | null;
  bic?: string | null;
  defaultCurrency?: CurrencyCode;
  defaultLanguage?: Language;
  paymentTermsDays?: number;
  numberPrefixes?: Partial<Record<DocumentType, string>>;
  invoiceFooter?: string | null;
}
