import type {
  CurrencyCode,
  PurchaseOrderDto,
  PurchaseOrderLineDto,
  PurchaseOrderStatus,
  PurchaseOrderSummaryDto,
  StatusChangeDto,
} from '@depot/contracts';

/** A purchase order row with its supplier and warehouse names (list and detail). */
export interface PurchaseOrderRow {
  id: string;
  number: string;
  supplier_id: string;
  supplier_code: string;
  supplier_name: string;
  status: PurchaseOrderStatus;
  warehouse_id: string;
  warehouse_code: string;
  expected_date: string | null;
  currency: CurrencyCode;
  notes: string | null;
  total_minor: string;
  line_count: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const PURCHASE_ORDER_SELECT = `po.id, po.number, po.supplier_id, s.code AS supplier_code, s.name AS supplier_name,
  po.status, po.warehouse_id, w.code AS warehouse_code, to_char(po.expected_date, 'YYYY-MM-DD') AS expected_date,
  po.currency, po.notes, po.total_minor, po.version, po.created_at, po.updated_at,
  (SELECT count(*)::int FROM purchase_order_lines l WHERE l.purchase_order_id = po.id) AS line_count`;

export const PURCHASE_ORDER_FROM = `purchase_orders po
  JOIN partners s ON s.id = po.supplier_id
  JOIN warehouses w ON w.id = po.warehouse_id`;

export interface PurchaseOrderLineRow {
  id: string;
  line_no: number;
  product_id: string;
  sku: string;
  product_name: string;
  quantity: number;
  received_quantity: number;
  unit_cost_minor: string;
  line_total_minor: string;
}

export const PURCHASE_ORDER_LINE_SELECT = `l.id, l.line_no, l.product_id, p.sku, p.name AS product_name, l.quantity,
  l.received_quantity, l.unit_cost_minor, l.line_total_minor`;

export function purchaseOrderSummary(row: PurchaseOrderRow): PurchaseOrderSummaryDto {
  return {
    id: row.id,
    number: row.number,
    supplierId: row.supplier_id,
    supplierCode: row.supplier_code,
    supplierName: row.supplier_name,
    status: row.status,
    warehouseId: row.warehouse_id,
    warehouseCode: row.warehouse_code,
    expectedDate: row.expected_date,
    currency: row.currency,
    notes: row.notes,
    totalMinor: Number(row.total_minor),
    lineCount: row.line_count,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function purchaseOrderLine(row: PurchaseOrderLineRow, status: PurchaseOrderStatus): PurchaseOrderLineDto {
  return {
    id: row.id,
    lineNo: row.line_no,
    productId: row.product_id,
    sku: row.sku,
    productName: row.product_name,
    quantity: row.quantity,
    receivedQuantity: row.received_quantity,
    openQuantity: status === 'cancelled' ? 0 : row.quantity - row.received_quantity,
    unitCostMinor: Number(row.unit_cost_minor),
    lineTotalMinor: Number(row.line_total_minor),
  };
}

export function purchaseOrderDto(
  row: PurchaseOrderRow,
  lines: PurchaseOrderLineRow[],
  history: StatusChangeDto[],
): PurchaseOrderDto {
  const { lineCount: _lineCount, ...summary } = purchaseOrderSummary(row);
  return { ...summary, lines: lines.map((line) => purchaseOrderLine(line, row.status)), history };
}
