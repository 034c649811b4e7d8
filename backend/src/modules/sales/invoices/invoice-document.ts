import {
  InvoiceKind,
  TAX_TREATMENT_NOTES,
  TaxTreatment,
  type InvoiceDto,
  type InvoiceLineDto,
  type TaxSummaryLine,
} from '@depot/contracts';
import type { Seller } from '../../settings/company-settings.service';
import {
  addressLines,
  bankLines,
  documentLogo,
  formatDate,
  formatMoney,
  formatPercent,
  sellerBlock,
  withRowClasses,
  type BusinessDocument,
  type DocumentColumn,
  type DocumentLogo,
} from '../../documents/business-document';

/** Invoice and credit note lines: what was sold, at what price, discount and tax. */
export const PRICED_LINE_COLUMNS: DocumentColumn[] = [
  { key: 'sku', title: 'SKU', width: 72, align: 'left' },
  { key: 'description', title: 'Description', width: 132, align: 'left' },
  { key: 'quantity', title: 'Qty', width: 32, align: 'right' },
  { key: 'unitPrice', title: 'Unit price', width: 64, align: 'right' },
  { key: 'discount', title: 'Disc.', width: 42, align: 'right' },
  { key: 'taxRate', title: 'Tax', width: 40, align: 'right' },
  { key: 'net', title: 'Net', width: 57, align: 'right' },
  { key: 'total', title: 'Total', width: 56, align: 'right' },
];

/** Net and tax per rate, highest rate first (a zero-rated invoice has one line at 0 %). */
export function taxSummary(lines: readonly InvoiceLineDto[]): TaxSummaryLine[] {
  const byRate = new Map<number, TaxSummaryLine>();
  for (const line of lines) {
    const group = byRate.get(line.taxRateBps) ?? { rateBps: line.taxRateBps, netMinor: 0, taxMinor: 0 };
    group.netMinor += line.netMinor;
    group.taxMinor += line.taxMinor;
    byRate.set(line.taxRateBps, group);
  }
  return [...byRate.values()].sort((a, b) => b.rateBps - a.rateBps);
}

/** An invoice or credit note as printed, with the seller it was issued by. */
export function invoiceDocument(
  invoice: InvoiceDto,
  creditedNumber: string | null,
  seller: Seller,
  logo: DocumentLogo | null = null,
): BusinessDocument {
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  const isInvoice = invoice.kind === InvoiceKind.Invoice;
  const totals: BusinessDocument['totals'] = [
    { label: 'Subtotal', value: money(invoice.grossMinor) },
    ...(invoice.discountMinor > 0 ? [{ label: 'Discount', value: money(-invoice.discountMinor) }] : []),
    { label: 'Net', value: money(invoice.netMinor) },
    // The tax summary: one line per rate, with the net amount it applies to (rounded per line, as charged).
    ...taxSummary(invoice.lines).map((group) => ({
      label: `VAT ${formatPercent(group.rateBps)} on ${money(group.netMinor)}`,
      value: money(group.taxMinor),
    })),
    { label: isInvoice ? 'Total' : 'Credited', value: money(invoice.totalMinor), strong: true },
  ];
  if (isInvoice) {
    if (invoice.creditedMinor > 0) totals.push({ label: 'Credited', value: money(-invoice.creditedMinor) });
    if (invoice.paidMinor > 0) totals.push({ label: 'Paid', value: money(-invoice.paidMinor) });
    totals.push({ label: 'Balance due', value: money(invoice.balanceMinor), strong: true });
  }
  const dueOn = formatDate(invoice.dueDate);
  const details = [
    { label: 'Issued', value: formatDate(invoice.issuedAt) },
    ...(isInvoice ? [{ label: 'Due', value: dueOn }] : []),
    { label: 'Order', value: invoice.salesOrderNumber },
    ...(creditedNumber ? [{ label: 'Corrects invoice', value: creditedNumber }] : []),
    ...(invoice.paymentStatus ? [{ label: 'Payment status', value: invoice.paymentStatus.replace('_', ' ') }] : []),
  ];
  return {
    title: isInvoice ? 'Invoice' : 'Credit note',
    number: invoice.number,
    details,
    seller: sellerBlock(seller),
    recipient: {
      heading: 'Bill to',
      name: `${invoice.customer.name} (${invoice.customer.code})`,
      lines: [
        ...addressLines(invoice.customer.billingAddress),
        ...(invoice.customer.taxId ? [`VAT id ${invoice.customer.taxId}`] : []),
      ],
    },
    secondary: null,
    columns: PRICED_LINE_COLUMNS,
    lines: invoice.lines.map((line) => ({
      sku: line.sku,
      description: line.description,
      quantity: String(line.quantity),
      unitPrice: money(line.unitPriceMinor),
      discount: line.discountBps > 0 ? formatPercent(line.discountBps) : '',
      taxRate: formatPercent(line.taxRateBps),
      net: money(line.netMinor),
      total: money(line.totalMinor),
    })),
    totals: withRowClasses(totals),
    notes: [
      ...(invoice.customer.taxTreatment !== TaxTreatment.Domestic
        ? [TAX_TREATMENT_NOTES[invoice.customer.taxTreatment]]
        : []),
      ...(invoice.reason ? [`Reason: ${invoice.reason}`] : []),
      ...(isInvoice ? [`Please pay ${money(invoice.totalMinor)} by ${dueOn}, quoting ${invoice.number}.`] : []),
    ],
    bankLines: isInvoice ? bankLines(seller) : [],
    footer: seller.invoiceFooter,
    logo: documentLogo(logo),
  };
}
