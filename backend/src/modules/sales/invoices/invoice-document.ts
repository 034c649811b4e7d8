import { CURRENCY_MINOR_DIGITS, InvoiceKind, type CurrencyCode, type InvoiceDto } from '@depot/contracts';
import type { Seller } from '../../settings/company-settings.service';

/** An image to print at the head of a document. */
export interface DocumentLogo {
  type: string;
  bytes: Buffer;
}

/** An invoice ready to print: every amount formatted once, shared by the HTML and PDF renderings. */
export interface InvoiceDocument {
  title: string;
  number: string;
  issuedOn: string;
  dueOn: string;
  salesOrderNumber: string;
  creditedNumber: string | null;
  reason: string | null;
  seller: {
    name: string;
    addressLines: string[];
    /** "VAT id DE123456789", "Tax number 12/345/67890", the register entry. */
    legalLines: string[];
    contactLines: string[];
  };
  customer: { name: string; code: string; billingAddress: string | null; taxId: string | null };
  lines: {
    sku: string;
    description: string;
    quantity: string;
    unitPrice: string;
    discount: string;
    taxRate: string;
    net: string;
    total: string;
  }[];
  totals: { label: string; value: string; strong?: boolean; rowClass?: string }[];
  paymentStatus: string | null;
  /** "Please pay … by …" (invoices only). */
  paymentTerms: string | null;
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

function percent(bps: number): string {
  return `${(bps / 100).toFixed(bps % 100 === 0 ? 0 : 2)} %`;
}

function countryName(code: string | null): string | null {
  return code ? (new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code) : null;
}

function sellerBlock(seller: Seller): InvoiceDocument['seller'] {
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

function bankLines(seller: Seller): string[] {
  if (!seller.iban) return [];
  return [
    seller.bankAccountHolder ? `Account holder ${seller.bankAccountHolder}` : null,
    seller.bankName,
    `IBAN ${formatIban(seller.iban)}`,
    seller.bic ? `BIC ${seller.bic}` : null,
  ].filter((line): line is string => !!line);
}

export function invoiceDocument(
  invoice: InvoiceDto,
  creditedNumber: string | null,
  seller: Seller,
  logo: DocumentLogo | null = null,
): InvoiceDocument {
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  const isInvoice = invoice.kind === InvoiceKind.Invoice;
  const totals: InvoiceDocument['totals'] = [
    { label: 'Subtotal', value: money(invoice.grossMinor) },
    { label: 'Discount', value: money(-invoice.discountMinor) },
    { label: 'Net', value: money(invoice.netMinor) },
    { label: 'Tax', value: money(invoice.taxMinor) },
    { label: isInvoice ? 'Total' : 'Credited', value: money(invoice.totalMinor), strong: true },
  ];
  if (isInvoice) {
    if (invoice.creditedMinor > 0) totals.push({ label: 'Credited', value: money(-invoice.creditedMinor) });
    if (invoice.paidMinor > 0) totals.push({ label: 'Paid', value: money(-invoice.paidMinor) });
    totals.push({ label: 'Balance due', value: money(invoice.balanceMinor), strong: true });
  }
  for (const total of totals) total.rowClass = total.strong ? 'strong' : '';
  const dueOn = formatDate(invoice.dueDate);
  return {
    title: isInvoice ? 'Invoice' : 'Credit note',
    number: invoice.number,
    issuedOn: formatDate(invoice.issuedAt),
    dueOn,
    salesOrderNumber: invoice.salesOrderNumber,
    creditedNumber,
    reason: invoice.reason,
    seller: sellerBlock(seller),
    customer: {
      name: invoice.customer.name,
      code: invoice.customer.code,
      billingAddress: invoice.customer.billingAddress,
      taxId: invoice.customer.taxId,
    },
    lines: invoice.lines.map((line) => ({
      sku: line.sku,
      description: line.description,
      quantity: String(line.quantity),
      unitPrice: money(line.unitPriceMinor),
      discount: line.discountBps > 0 ? percent(line.discountBps) : '',
      taxRate: percent(line.taxRateBps),
      net: money(line.netMinor),
      total: money(line.totalMinor),
    })),
    totals,
    paymentStatus: invoice.paymentStatus?.replace('_', ' ') ?? null,
    paymentTerms: isInvoice ? `Please pay ${money(invoice.totalMinor)} by ${dueOn}, quoting ${invoice.number}.` : null,
    bankLines: bankLines(seller),
    footer: seller.invoiceFooter,
    logo: logo ? { ...logo, dataUri: `data:${logo.type};base64,${logo.bytes.toString('base64')}` } : null,
  };
}
