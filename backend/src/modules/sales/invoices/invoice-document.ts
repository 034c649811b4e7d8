import { CURRENCY_MINOR_DIGITS, InvoiceKind, type CurrencyCode, type InvoiceDto } from '@depot/contracts';

/** An invoice ready to print: every amount formatted once, shared by the HTML and PDF renderings. */
export interface InvoiceDocument {
  title: string;
  number: string;
  issuer: string;
  issuedOn: string;
  dueOn: string;
  salesOrderNumber: string;
  creditedNumber: string | null;
  reason: string | null;
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
}

/** Who issues the documents (one company per installation). */
export const INVOICE_ISSUER = 'Depot';

export function formatMoney(minor: number, currency: CurrencyCode): string {
  const digits = CURRENCY_MINOR_DIGITS[currency];
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}

function percent(bps: number): string {
  return `${(bps / 100).toFixed(bps % 100 === 0 ? 0 : 2)} %`;
}

export function invoiceDocument(invoice: InvoiceDto, creditedNumber: string | null): InvoiceDocument {
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  const totals: InvoiceDocument['totals'] = [
    { label: 'Subtotal', value: money(invoice.grossMinor) },
    { label: 'Discount', value: money(-invoice.discountMinor) },
    { label: 'Net', value: money(invoice.netMinor) },
    { label: 'Tax', value: money(invoice.taxMinor) },
    {
      label: invoice.kind === InvoiceKind.CreditNote ? 'Credited' : 'Total',
      value: money(invoice.totalMinor),
      strong: true,
    },
  ];
  if (invoice.kind === InvoiceKind.Invoice) {
    if (invoice.creditedMinor > 0) totals.push({ label: 'Credited', value: money(-invoice.creditedMinor) });
    if (invoice.paidMinor > 0) totals.push({ label: 'Paid', value: money(-invoice.paidMinor) });
    totals.push({ label: 'Balance due', value: money(invoice.balanceMinor), strong: true });
  }
  for (const total of totals) total.rowClass = total.strong ? 'strong' : '';
  return {
    title: invoice.kind === InvoiceKind.CreditNote ? 'Credit note' : 'Invoice',
    number: invoice.number,
    issuer: INVOICE_ISSUER,
    issuedOn: invoice.issuedAt.slice(0, 10),
    dueOn: invoice.dueDate,
    salesOrderNumber: invoice.salesOrderNumber,
    creditedNumber,
    reason: invoice.reason,
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
  };
}
