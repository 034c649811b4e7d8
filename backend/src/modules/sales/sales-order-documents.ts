import { SalesOrderStatus, type PartnerDto, type SalesOrderDto, type WarehouseDto } from '@depot/contracts';
import type { Seller } from '../settings/company-settings.service';
import {
  addressLines,
  documentLogo,
  formatDate,
  formatMoney,
  formatPercent,
  sellerBlock,
  withRowClasses,
  type BusinessDocument,
  type DocumentLogo,
} from '../documents/business-document';
import { DocumentNotAvailableError } from '../documents/documents.errors';
import { PRICED_LINE_COLUMNS } from './invoices/invoice-document';

/** Statuses in which an order has been confirmed to the customer. */
const CONFIRMED: readonly SalesOrderStatus[] = [
  SalesOrderStatus.Confirmed,
  SalesOrderStatus.PartiallyFulfilled,
  SalesOrderStatus.Fulfilled,
  SalesOrderStatus.Invoiced,
];

function customerLines(customer: PartnerDto): string[] {
  return [...addressLines(customer.billingAddress), ...(customer.taxId ? [`VAT id ${customer.taxId}`] : [])];
}

/** The customer's confirmation of a confirmed order: lines, prices, totals, where it ships to. */
export function orderConfirmationDocument(
  order: SalesOrderDto,
  customer: PartnerDto,
  seller: Seller,
  logo: DocumentLogo | null,
): BusinessDocument {
  if (!CONFIRMED.includes(order.status)) {
    throw new DocumentNotAvailableError(
      `${order.number} is ${order.status}: only a confirmed order has a confirmation.`,
    );
  }
  const money = (minor: number) => formatMoney(minor, order.currency);
  const confirmedAt = order.history.find((change) => change.to === SalesOrderStatus.Confirmed)?.at;
  return {
    title: 'Order confirmation',
    number: order.number,
    details: [
      { label: 'Ordered', value: formatDate(order.createdAt) },
      ...(confirmedAt ? [{ label: 'Confirmed', value: formatDate(confirmedAt) }] : []),
      { label: 'Customer', value: customer.code },
    ],
    seller: sellerBlock(seller),
    recipient: { heading: 'Customer', name: customer.name, lines: customerLines(customer) },
    secondary: {
      heading: 'Ship to',
      lines: addressLines(order.shippingAddress ?? customer.shippingAddress ?? customer.billingAddress),
    },
    columns: PRICED_LINE_COLUMNS,
    lines: order.lines.map((line) => ({
      sku: line.sku,
      description: line.productName,
      quantity: String(line.quantity),
      unitPrice: money(line.unitPriceMinor),
      discount: line.discountBps > 0 ? formatPercent(line.discountBps) : '',
      taxRate: formatPercent(line.taxRateBps),
      net: money(line.netMinor),
      total: money(line.totalMinor),
    })),
    totals: withRowClasses([
      { label: 'Subtotal', value: money(order.grossMinor) },
      ...(order.discountMinor > 0 ? [{ label: 'Discount', value: money(-order.discountMinor) }] : []),
      { label: 'Net', value: money(order.netMinor) },
      { label: 'Tax', value: money(order.taxMinor) },
      { label: 'Total', value: money(order.totalMinor), strong: true },
    ]),
    notes: [
      'Thank you for your order. We confirm it as listed above.',
      ...(order.notes ? [order.notes] : []),
      ...(customer.paymentTermsDays > 0
        ? [`Payment terms: ${customer.paymentTermsDays} days from the invoice date.`]
        : []),
    ],
    bankLines: [],
    footer: seller.invoiceFooter,
    logo: documentLogo(logo),
  };
}

/** The packing slip that goes with a shipment: what was shipped and what is still to come, no prices. */
export function deliveryNoteDocument(
  order: SalesOrderDto,
  customer: PartnerDto,
  warehouse: WarehouseDto,
  seller: Seller,
  logo: DocumentLogo | null,
): BusinessDocument {
  if (!order.lines.some((line) => line.fulfilledQuantity > 0)) {
    throw new DocumentNotAvailableError(`${order.number} has shipped nothing yet, so it has no delivery note.`);
  }
  const shippedAt = [...order.history]
    .reverse()
    .find(
      (change) => change.to === SalesOrderStatus.Fulfilled || change.to === SalesOrderStatus.PartiallyFulfilled,
    )?.at;
  return {
    title: 'Delivery note',
    number: order.number,
    details: [
      ...(shippedAt ? [{ label: 'Shipped', value: formatDate(shippedAt) }] : []),
      { label: 'Order', value: order.number },
      { label: 'Customer', value: customer.code },
      { label: 'From warehouse', value: warehouse.code },
    ],
    seller: sellerBlock(seller),
    recipient: {
      heading: 'Ship to',
      name: customer.name,
      lines: addressLines(order.shippingAddress ?? customer.shippingAddress ?? customer.billingAddress),
    },
    secondary: { heading: 'Shipped from', lines: [warehouse.name, ...addressLines(warehouse.address)] },
    columns: [
      { key: 'line', title: '#', width: 25, align: 'left' },
      { key: 'sku', title: 'SKU', width: 100, align: 'left' },
      { key: 'description', title: 'Description', width: 190, align: 'left' },
      { key: 'ordered', title: 'Ordered', width: 60, align: 'right' },
      { key: 'shipped', title: 'Shipped', width: 60, align: 'right' },
      { key: 'open', title: 'To follow', width: 60, align: 'right' },
    ],
    lines: order.lines.map((line) => ({
      line: String(line.lineNo),
      sku: line.sku,
      description: line.productName,
      ordered: String(line.quantity),
      shipped: String(line.fulfilledQuantity),
      open: String(Math.max(line.quantity - line.fulfilledQuantity, 0)),
    })),
    totals: [],
    notes: [
      `${order.lines.reduce((sum, line) => sum + line.fulfilledQuantity, 0)} items shipped.`,
      'Please check the goods on arrival and report any damage or shortfall within 7 days.',
    ],
    bankLines: [],
    footer: seller.invoiceFooter,
    logo: documentLogo(logo),
  };
}
