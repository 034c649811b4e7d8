import { CURRENCY_MINOR_DIGITS, type CurrencyCode } from '@depot/contracts';
import type { Seller } from '../settings/company-settings.service';

/** An image to print at the head of a document. */
export interface DocumentLogo {
  type: string;
  bytes: Buffer;
}

/** A column of a document's line table. */
export interface DocumentColumn {
  key: string;
  title: string;
  /** Share of the table's width, in points of an A4 page's 495-point text width. */
  width: number;
  align: 'left' | 'right';
}

/**
 * Any business document ready to print (invoice, credit note, order confirmation, delivery
 * note, purchase order): every value formatted once, so the HTML and PDF renderings of one
 * template set always show the same thing.
 */
export interface BusinessDocument {
  /** `Invoice`, `Delivery note`, … */
  title: string;
  number: string;
  /** Label/value pairs under the title: issued, due, order, … */
  details: { label: string; value: string }[];
  seller: {
    name: string;
    addressLines: string[];
    /** "VAT id DE123456789", "Tax number 12/345/67890", the register entry. */
    legalLines: string[];
    contactLines: string[];
  };
  /** Who the document is for, under a heading such as `Bill to` or `Ship to`. */
  recipient: { heading: string; name: string; lines: string[] };
  /** A second address block (e.g. where to deliver), or null. */
  secondary: { heading: string; lines: string[] } | null;
  columns: DocumentColumn[];
  lines: Record<string, string>[];
  totals: { label: string; value: string; strong?: boolean; rowClass?: string }[];
  /** Sentences after the totals: payment terms, a reason, notes. */
  notes: string[];
  bankLines: string[];
  footer: string | null;
  /** The logo as a data: URI for the HTML rendering, and its bytes for the PDF. */
  logo: (DocumentLogo & { dataUri: string }) | null;
}

export function formatMoney(minor: number, currency: CurrencyCode): string {
  const digits = CURRENCY_MINOR_DIGITS[currency];
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}

/** `Dec 23, 2026`, as every date in the admin UI reads; a date-only value is a calendar day (no zone shift). */
export function formatDate(isoDateOrInstant: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(isoDateOrInstant.length === 10 ? `${isoDateOrInstant}T00:00:00Z` : isoDateOrInstant),
  );
}

/** `DE89 3704 0044 0532 0130 00`: IBANs are printed in groups of four. */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})/g, '$1 ').trim();
}

/** `19 %`, `12.50 %` from basis points. */
export function formatPercent(bps: number): string {
  return `${(bps / 100).toFixed(bps % 100 === 0 ? 0 : 2)} %`;
}

/** The lines of a free-text address (as partners and warehouses keep it). */
export function addressLines(address: string | null | undefined): string[] {
  return (address ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function countryName(code: string | null): string | null {
  return code ? (new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code) : null;
}

/** The seller's block at the head of every document. */
export function sellerBlock(seller: Seller): BusinessDocument['seller'] {
  const cityLine = [seller.postalCode, seller.city].filter(Boolean).join(' ');
  return {
    name: seller.legalName ?? '',
    addressLines: [seller.street, cityLine, countryName(seller.countryCode)].filter((line): line is string => !!line),
    legalLines: [
      seller.vatId ? `VAT id ${seller.vatId}` : null,
      seller.taxNumber ? `Tax number ${seller.taxNumber}` : null,
      seller.registration,
    ].filter((line): line is string => !!line),
    contactLines: [seller.email, seller.phone, seller.website].filter((line): line is string => !!line),
  };
}

/** Where to pay: account holder, bank, IBAN and BIC (empty without an IBAN). */
export function bankLines(seller: Seller): string[] {
  if (!seller.iban) return [];
  return [
    seller.bankAccountHolder ? `Account holder ${seller.bankAccountHolder}` : null,
    seller.bankName,
    `IBAN ${formatIban(seller.iban)}`,
    seller.bic ? `BIC ${seller.bic}` : null,
  ].filter((line): line is string => !!line);
}

export function documentLogo(logo: DocumentLogo | null): BusinessDocument['logo'] {
  return logo ? { ...logo, dataUri: `data:${logo.type};base64,${logo.bytes.toString('base64')}` } : null;
}

/** Marks strong total rows for the HTML template (Handlebars has no conditionals on attributes). */
export function withRowClasses(totals: BusinessDocument['totals']): BusinessDocument['totals'] {
  return totals.map((total) => ({ ...total, rowClass: total.strong ? 'strong' : '' }));
}
