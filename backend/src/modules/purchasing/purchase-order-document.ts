import { PurchaseOrderStatus, type PartnerDto, type PurchaseOrderDto, type WarehouseDto } from '@depot/contracts';
import type { Seller } from '../settings/company-settings.service';
import {
  addressLines,
  documentLogo,
  formatDate,
  formatMoney,
  sellerBlock,
  withRowClasses,
  type BusinessDocument,
  type DocumentLogo,
} from '../documents/business-document';
import { DocumentNotAvailableError } from '../documents/documents.errors';

/** The order as sent to the supplier: what to deliver, where, by when, at what cost. */
export function purchaseOrderDocument(
  order: PurchaseOrderDto,
  supplier: PartnerDto,
  warehouse: WarehouseDto,
  seller: Seller,
  logo: DocumentLogo | null,
): BusinessDocument {
  if (order.status === PurchaseOrderStatus.Draft || order.status === PurchaseOrderStatus.Cancelled) {
    throw new DocumentNotAvailableError(
      `${order.number} is ${order.status}: a purchase order is printed once it has been submitted.`,
    );
  }
  const money = (minor: number) => formatMoney(minor, order.currency);
  const submittedAt = order.history.find((change) => change.to === PurchaseOrderStatus.Submitted)?.at;
  return {
    title: 'Purchase order',
    number: order.number,
    details: [
      { label: 'Ordered', value: formatDate(submittedAt ?? order.createdAt) },
      ...(order.expectedDate ? [{ label: 'Deliver by', value: formatDate(order.expectedDate) }] : []),
      { label: 'Supplier', value: supplier.code },
    ],
    seller: sellerBlock(seller),
    recipient: {
      heading: 'Supplier',
      name: supplier.name,
      lines: [
        ...(supplier.contactName ? [`Attn. ${supplier.contactName}`] : []),
        ...addressLines(supplier.billingAddress),
        ...(supplier.taxId ? [`VAT id ${supplier.taxId}`] : []),
      ],
    },
    secondary: {
      heading: 'Deliver to',
      lines: [seller.legalName ?? '', warehouse.name, ...addressLines(warehouse.address)],
    },
    columns: [
      { key: 'line', title: '#', width: 25, align: 'left' },
      { key: 'sku', title: 'SKU', width: 100, align: 'left' },
      { key: 'description', title: 'Description', width: 185, align: 'left' },
      { key: 'quantity', title: 'Qty', width: 45, align: 'right' },
      { key: 'unitCost', title: 'Unit cost', width: 70, align: 'right' },
      { key: 'total', title: 'Total', width: 70, align: 'right' },
    ],
    lines: order.lines.map((line) => ({
      line: String(line.lineNo),
      sku: line.sku,
      description: line.productName,
      quantity: String(line.quantity),
      unitCost: money(line.unitCostMinor),
      total: money(line.lineTotalMinor),
    })),
    totals: withRowClasses([{ label: 'Order total', value: money(order.totalMinor), strong: true }]),
    notes: [
      `Please quote ${order.number} on your delivery note and invoice.`,
      ...(order.notes ? [order.notes] : []),
      ...(supplier.paymentTermsDays > 0
        ? [`Payment terms: ${supplier.paymentTermsDays} days from the invoice date.`]
        : []),
    ],
    bankLines: [],
    footer: seller.invoiceFooter,
    logo: documentLogo(logo),
  };
}
