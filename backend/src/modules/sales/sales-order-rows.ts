import type {
  CurrencyCode,
  SalesOrderDto,
  SalesOrderLineDto,
  SalesOrderStatus,
  SalesOrderSummaryDto,
  StatusChangeDto,
} from '@depot/contracts';

export interface SalesOrderRow {
  id: string;
  number: string;
  customer_id: string;
  customer_code: string;
  customer_name: string;
  status: SalesOrderStatus;
  warehouse_id: string;
  warehouse_code: string;
  currency: CurrencyCode;
  shipping_address: string | null;
  notes: string | null;
  gross_minor: string;
  discount_minor: string;
  net_minor: string;
  tax_minor: string;
  total_minor: string;
  invoice_id: string | null;
  line_count: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const SALES_ORDER_SELECT = `so.id, so.number, so.customer_id, c.code AS customer_code, c.name AS customer_name,
  so.status, so.warehouse_id, w.code AS warehouse_code, so.currency, so.shipping_address, so.notes,
  so.gross_minor, so.discount_minor, so.net_minor, so.tax_minor, so.total_minor, so.invoice_id, so.version,
  so.created_at, so.updated_at,
  (SELECT count(*)::int FROM sales_order_lines l WHERE l.sales_order_id = so.id) AS line_count`;

export const SALES_ORDER_FROM = `sales_orders so
  JOIN partners c ON c.id = so.customer_id
  JOIN warehouses w ON w.id = so.warehouse_id`;

export interface SalesOrderLineRow {
  id: string;
  line_no: number;
  product_id: string;
  sku: string;
  product_name: string;
  quantity: number;
  unit_price_minor: string;
  discount_bps: number;
  tax_rate_bps: number;
  gross_minor: string;
  discount_minor: string;
  net_minor: string;
  tax_minor: string;
  total_minor: string;
  reserved_quantity: number;
  fulfilled_quantity: number;
}

export const SALES_ORDER_LINE_SELECT = `l.id, l.line_no, l.product_id, p.sku, p.name AS product_name, l.quantity,
  l.unit_price_minor, l.discount_bps, l.tax_rate_bps, l.gross_minor, l.discount_minor, l.net_minor, l.tax_minor,
  l.total_minor, l.reserved_quantity, l.fulfilled_quantity`;

export function salesOrderSummary(row: SalesOrderRow): SalesOrderSummaryDto {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    customerCode: row.customer_code,
    customerName: row.customer_name,
    status: row.status,
    warehouseId: row.warehouse_id,
    warehouseCode: row.warehouse_code,
    currency: row.currency,
    shippingAddress: row.shipping_address,
    notes: row.notes,
    grossMinor: Number(row.gross_minor),
    discountMinor: Number(row.discount_minor),
    netMinor: Number(row.net_minor),
    taxMinor: Number(row.tax_minor),
    totalMinor: Number(row.total_minor),
    invoiceId: row.invoice_id,
    lineCount: row.line_count,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function salesOrderLine(row: SalesOrderLineRow): SalesOrderLineDto {
  return {
    id: row.id,
    lineNo: row.line_no,
    productId: row.product_id,
    sku: row.sku,
    productName: row.product_name,
    quantity: row.quantity,
    unitPriceMinor: Number(row.unit_price_minor),
    discountBps: row.discount_bps,
    taxRateBps: row.tax_rate_bps,
    reservedQuantity: row.reserved_quantity,
    fulfilledQuantity: row.fulfilled_quantity,
    grossMinor: Number(row.gross_minor),
    discountMinor: Number(row.discount_minor),
    netMinor: Number(row.net_minor),
    taxMinor: Number(row.tax_minor),
    totalMinor: Number(row.total_minor),
  };
}

export function salesOrderDto(
  row: SalesOrderRow,
  lines: SalesOrderLineRow[],
  history: StatusChangeDto[],
): SalesOrderDto {
  const { lineCount: _lineCount, ...summary } = salesOrderSummary(row);
  return { ...summary, lines: lines.map(salesOrderLine), history };
}
