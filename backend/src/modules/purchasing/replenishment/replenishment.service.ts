import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  PurchaseOrderStatus,
  REPLENISHMENT_LIMITS,
  type CurrencyCode,
  type PurchaseOrderDto,
  type ReplenishmentGroupDto,
  type ReplenishmentItemDto,
} from '@depot/contracts';
import { ValidationError } from '../../../platform/http/app-error';
import { ProductNotFoundError } from '../../catalog/catalog.errors';
import { PurchaseOrdersService } from '../purchase-orders.service';
import type { CreateReplenishmentOrdersDto, ReplenishmentQueryDto } from './replenishment.dto';

/** Statuses whose open quantities count as on their way (a fresh draft too: no double ordering). */
const INCOMING_STATUSES = [
  PurchaseOrderStatus.Draft,
  PurchaseOrderStatus.Submitted,
  PurchaseOrderStatus.PartiallyReceived,
];

interface SuggestionRow {
  product_id: string;
  sku: string;
  product_name: string;
  currency: CurrencyCode;
  reorder_point: number;
  reorder_quantity: number;
  supplier_sku: string | null;
  purchase_price_minor: string | null;
  supplier_id: string | null;
  supplier_code: string | null;
  supplier_name: string | null;
  warehouse_id: string;
  warehouse_code: string;
  available: string;
  incoming: string;
}

/** `reorderQuantity` if set, else up to the reorder point; minus what is on its way; never below 0. */
export function suggestedQuantity(item: {
  available: number;
  reorderPoint: number;
  reorderQuantity: number;
  incoming: number;
}): number {
  const wanted = item.reorderQuantity > 0 ? item.reorderQuantity : item.reorderPoint - item.available;
  return Math.max(0, wanted - item.incoming);
}

interface PlannedLine {
  productId: string;
  supplierId: string;
  warehouseId: string;
  currency: CurrencyCode;
  quantity: number;
  unitCostMinor: number | undefined;
}

/**
 * Turns shortfalls into purchase orders: what is below its reorder point per warehouse (as the
 * low-stock list), the suggested quantity, grouped by preferred supplier; and the drafts for them.
 */
@Injectable()
export class ReplenishmentService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly purchaseOrders: PurchaseOrdersService,
  ) {}

  private get db() {
    return this.txHost.tx;
  }

  /** Groups by supplier name (no supplier last), items by SKU then warehouse; at most `maxRows` items. */
  async suggestions(query: ReplenishmentQueryDto): Promise<ReplenishmentGroupDto[]> {
    const items = await this.rows(query.warehouseId);
    const groups: ReplenishmentGroupDto[] = [];
    for (const row of items) {
      const supplier =
        row.supplier_id === null ? null : { id: row.supplier_id, code: row.supplier_code!, name: row.supplier_name! };
      let group = groups.at(-1);
      if (!group || (group.supplier?.id ?? null) !== row.supplier_id) {
        group = { supplier, items: [] };
        groups.push(group);
      }
      group.items.push(toItem(row));
    }
    return groups;
  }

  /**
   * One draft purchase order per supplier (and receiving warehouse and currency, when the lines
   * differ), all in one transaction, through the same `create` as `POST /purchase-orders`: line
   * prices are the products' purchase prices (else their cost).
   */
  @Transactional()
  async createPurchaseOrders(input: CreateReplenishmentOrdersDto): Promise<PurchaseOrderDto[]> {
    const lines = input.lines ? await this.plannedFromInput(input) : await this.plannedFromSuggestions(input);
    if (lines.length === 0) {
      throw new ValidationError(
        [{ field: 'lines', message: 'nothing to order', code: 'required' }],
        'Nothing to order: no suggestion with a preferred supplier and a quantity above 0.',
      );
    }
    const groups = new Map<string, PlannedLine[]>();
    for (const line of lines) {
      const key = `${line.supplierId}\n${line.warehouseId}\n${line.currency}`;
      groups.set(key, [...(groups.get(key) ?? []), line]);
    }
    const created: PurchaseOrderDto[] = [];
    for (const group of groups.values()) {
      const [first] = group;
      created.push(
        await this.purchaseOrders.create({
          supplierId: first.supplierId,
          warehouseId: first.warehouseId,
          currency: first.currency,
          notes: 'Created from reorder suggestions.',
          lines: group.map((line) => ({
            productId: line.productId,
            quantity: line.quantity,
            ...(line.unitCostMinor === undefined ? {} : { unitCostMinor: line.unitCostMinor }),
          })),
        }),
      );
    }
    return created;
  }

  private async plannedFromSuggestions(input: CreateReplenishmentOrdersDto): Promise<PlannedLine[]> {
    const rows = await this.rows(input.warehouseId);
    return rows
      .map((row) => ({ row, item: toItem(row) }))
      .filter(({ row, item }) => row.supplier_id !== null && item.suggestedQuantity > 0)
      .map(({ row, item }) => ({
        productId: item.productId,
        supplierId: row.supplier_id!,
        warehouseId: item.warehouseId,
        currency: item.currency,
        quantity: item.suggestedQuantity,
        unitCostMinor: item.purchasePriceMinor ?? undefined,
      }));
  }

  private async plannedFromInput(input: CreateReplenishmentOrdersDto): Promise<PlannedLine[]> {
    const lines = input.lines ?? [];
    const products = await this.db.query<
      {
        id: string;
        currency: CurrencyCode;
        preferred_supplier_id: string | null;
        price: string | null;
      }[]
    >(
      `SELECT id, currency, preferred_supplier_id, coalesce(purchase_price_minor, cost_minor) AS price
         FROM products WHERE id = ANY($1::uuid[])`,
      [lines.map((line) => line.productId)],
    );
    const byId = new Map(products.map((product) => [product.id, product]));
    const merged = new Map<string, PlannedLine>();
    for (const [index, line] of lines.entries()) {
      const product = byId.get(line.productId.toLowerCase());
      if (!product) throw new ProductNotFoundError(line.productId);
      if (!product.preferred_supplier_id) {
        throw new ValidationError(
          [{ field: `lines[${index}].productId`, message: 'the product has no preferred supplier', code: 'supplier' }],
          'A line names a product without a preferred supplier; set one on the product first.',
        );
      }
      const warehouseId = (line.warehouseId ?? input.warehouseId)?.toLowerCase();
      if (!warehouseId) {
        throw new ValidationError([
          {
            field: `lines[${index}].warehouseId`,
            message: 'give the line or the request a warehouseId',
            code: 'required',
          },
        ]);
      }
      const key = `${product.id}\n${warehouseId}`;
      const known = merged.get(key);
      if (known) known.quantity += line.quantity;
      else {
        merged.set(key, {
          productId: product.id,
          supplierId: product.preferred_supplier_id,
          warehouseId,
          currency: product.currency,
          quantity: line.quantity,
          unitCostMinor: product.price === null ? undefined : Number(product.price),
        });
      }
    }
    return [...merged.values()];
  }

  private rows(warehouseId: string | undefined): Promise<SuggestionRow[]> {
    const params: unknown[] = [INCOMING_STATUSES, REPLENISHMENT_LIMITS.maxRows];
    let warehouseFilter = '';
    if (warehouseId) {
      params.push(warehouseId);
      warehouseFilter = 'AND l.warehouse_id = $3';
    }
    return this.db.query<SuggestionRow[]>(
      `WITH incoming AS (
         SELECT pl.product_id, po.warehouse_id, sum(pl.quantity - pl.received_quantity) AS quantity
           FROM purchase_order_lines pl
           JOIN purchase_orders po ON po.id = pl.purchase_order_id
          WHERE po.status = ANY($1) AND pl.quantity > pl.received_quantity
          GROUP BY pl.product_id, po.warehouse_id)
       SELECT p.id AS product_id, p.sku, p.name AS product_name, p.currency, p.reorder_point, p.reorder_quantity,
              p.supplier_sku, coalesce(p.purchase_price_minor, p.cost_minor) AS purchase_price_minor,
              s.id AS supplier_id, s.code AS supplier_code, s.name AS supplier_name,
              l.warehouse_id, w.code AS warehouse_code, l.available, coalesce(i.quantity, 0) AS incoming
         FROM stock_levels l
         JOIN products p ON p.id = l.product_id
         JOIN warehouses w ON w.id = l.warehouse_id
         LEFT JOIN partners s ON s.id = p.preferred_supplier_id
         LEFT JOIN incoming i ON i.product_id = l.product_id AND i.warehouse_id = l.warehouse_id
        WHERE l.available < p.reorder_point AND p.status = 'active' AND w.active ${warehouseFilter}
        ORDER BY s.name NULLS LAST, s.id, p.sku, w.code
        LIMIT $2`,
      params,
    );
  }
}

function toItem(row: SuggestionRow): ReplenishmentItemDto {
  const base = {
    available: Number(row.available),
    reorderPoint: row.reorder_point,
    reorderQuantity: row.reorder_quantity,
    incoming: Number(row.incoming),
  };
  return {
    productId: row.product_id,
    sku: row.sku,
    productName: row.product_name,
    warehouseId: row.warehouse_id,
    warehouseCode: row.warehouse_code,
    ...base,
    suggestedQuantity: suggestedQuantity(base),
    supplierSku: row.supplier_sku,
    purchasePriceMinor: row.purchase_price_minor === null ? null : Number(row.purchase_price_minor),
    currency: row.currency,
  };
}
