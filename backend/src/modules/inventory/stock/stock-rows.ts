import type { MovementType, StockLevelDto, StockMovementDto } from '@depot/contracts';

/** Row shapes of the stock queries and their mapping to the API's DTOs. */

export const LEVEL_SELECT = `
  l.product_id::text || ':' || l.warehouse_id::text AS id,
  l.product_id, p.sku, p.name AS product_name, l.warehouse_id, w.code AS warehouse_code, w.name AS warehouse_name,
  l.on_hand, l.reserved, l.available, p.reorder_point, p.reorder_quantity, l.updated_at`;
export const LEVEL_FROM =
  'stock_levels l JOIN products p ON p.id = l.product_id JOIN warehouses w ON w.id = l.warehouse_id';

export interface LevelRow {
  id: string;
  product_id: string;
  sku: string;
  product_name: string;
  warehouse_id: string;
  warehouse_code: string;
  warehouse_name: string;
  on_hand: string;
  reserved: string;
  available: string;
  reorder_point: number;
  reorder_quantity: number;
  updated_at: Date;
}

export function levelDto(row: LevelRow): StockLevelDto {
  return {
    productId: row.product_id,
    sku: row.sku,
    productName: row.product_name,
    warehouseId: row.warehouse_id,
    warehouseCode: row.warehouse_code,
    warehouseName: row.warehouse_name,
    onHand: Number(row.on_hand),
    reserved: Number(row.reserved),
    available: Number(row.available),
    reorderPoint: row.reorder_point,
    reorderQuantity: row.reorder_quantity,
    updatedAt: row.updated_at.toISOString(),
  };
}

export const MOVEMENT_SELECT = `
  m.id, m.type, m.product_id, p.sku, p.name AS product_name, m.warehouse_id, w.code AS warehouse_code,
  m.on_hand_change, m.reserved_change, m.on_hand_after, m.reserved_after, m.reason_code, m.note, m.transfer_id,
  m.source_type, m.source_id, m.actor_type, m.actor_id, m.actor_name, m.request_id, m.occurred_at`;
export const MOVEMENT_FROM =
  'stock_movements m JOIN products p ON p.id = m.product_id JOIN warehouses w ON w.id = m.warehouse_id';

export interface MovementRow {
  id: string;
  type: MovementType;
  product_id: string;
  sku: string;
  product_name: string;
  warehouse_id: string;
  warehouse_code: string;
  on_hand_change: string;
  reserved_change: string;
  on_hand_after: string;
  reserved_after: string;
  reason_code: StockMovementDto['reasonCode'];
  note: string | null;
  transfer_id: string | null;
  source_type: string | null;
  source_id: string | null;
  actor_type: StockMovementDto['actorType'];
  actor_id: string | null;
  actor_name: string | null;
  request_id: string | null;
  occurred_at: Date;
}

export function movementDto(row: MovementRow): StockMovementDto {
  return {
    id: row.id,
    type: row.type,
    productId: row.product_id,
    sku: row.sku,
    productName: row.product_name,
    warehouseId: row.warehouse_id,
    warehouseCode: row.warehouse_code,
    onHandChange: Number(row.on_hand_change),
    reservedChange: Number(row.reserved_change),
    onHandAfter: Number(row.on_hand_after),
    reservedAfter: Number(row.reserved_after),
    reasonCode: row.reason_code,
    note: row.note,
    transferId: row.transfer_id,
    sourceType: row.source_type,
    sourceId: row.source_id,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorName: row.actor_name,
    requestId: row.request_id,
    occurredAt: row.occurred_at.toISOString(),
  };
}
