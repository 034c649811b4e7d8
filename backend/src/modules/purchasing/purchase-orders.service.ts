import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  DomainEventName,
  MovementType,
  PAGINATION,
  PartnerKind,
  PURCHASE_ORDER_ACTIONS,
  PURCHASE_ORDER_SORT_FIELDS,
  PurchaseOrderStatus,
  type IncomingStockDto,
  type BulkResult,
  type Page,
  type PurchaseOrderDto,
  type PurchaseOrderSummaryDto,
  DocumentType,
} from '@depot/contracts';
import { AuditService } from '../audit/audit.service';
import { CompanySettingsService } from '../settings/company-settings.service';
import { BulkRunner } from '../../platform/http/bulk/bulk-runner';
import type { OrderBulkDto } from '../orders/dto/order-bulk.dto';
import { cancelDraftRow, orderLabels } from '../orders/order-bulk';
import { newId } from '../../platform/database/ids';
import { OutboxService } from '../../platform/events/outbox.service';
import { VersionConflictError } from '../../platform/http/app-error';
import { cursorValue, escapeLike, keysetPage, SqlParams } from '../../platform/http/pagination/keyset-page';
import { parseSort } from '../../platform/http/pagination/sort';
import { WarehouseInactiveError } from '../inventory/inventory.errors';
import { StockLedgerService } from '../inventory/stock/stock-ledger.service';
import { WarehousesService } from '../inventory/warehouses/warehouses.service';
import type { OrderTransitionDto } from '../orders/dto/status-change.dto';
import { OrderHistoryService, orderNumber } from '../orders/order-history.service';
import { defaultAmount, loadOrderProducts } from '../orders/order-products';
import { InvalidTransitionError, LineQuantityExceededError, PurchaseOrderNotFoundError } from '../orders/orders.errors';
import { PartnersService } from '../partners/partners.service';
import type {
  CreatePurchaseOrderDto,
  PurchaseOrderLineInputDto,
  PurchaseOrderListQueryDto,
  ReceivePurchaseOrderDto,
  UpdatePurchaseOrderDto,
} from './dto/purchase-order.dto';
import {
  PURCHASE_ORDER_FROM,
  PURCHASE_ORDER_LINE_SELECT,
  PURCHASE_ORDER_SELECT,
  purchaseOrderDto,
  purchaseOrderSummary,
  type PurchaseOrderLineRow,
  type PurchaseOrderRow,
} from './purchase-order-rows';

const SORT_COLUMNS = {
  number: 'po.number',
  createdAt: 'po.created_at',
  // Orders without a date sort last ascending (first descending), and the keyset compares no NULL.
  expectedDate: `coalesce(po.expected_date, 'infinity'::date)`,
  totalMinor: 'po.total_minor',
} as const satisfies Record<(typeof PURCHASE_ORDER_SORT_FIELDS)[number], string>;
const SORT_KEYS: Record<string, keyof PurchaseOrderRow> = {
  number: 'number',
  createdAt: 'created_at',
  expectedDate: 'expected_date',
  totalMinor: 'total_minor',
};
const OPEN_STATUSES = [PurchaseOrderStatus.Submitted, PurchaseOrderStatus.PartiallyReceived];
type Action = (typeof PURCHASE_ORDER_ACTIONS)[PurchaseOrderStatus][number];

/**
 * Purchase orders: draft -> submitted -> partially received -> received, or cancelled.
 * Receipts go through the stock ledger; every change is audited, timed and emitted as an event.
 */
@Injectable()
export class PurchaseOrdersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly partners: PartnersService,
    private readonly warehouses: WarehousesService,
    private readonly ledger: StockLedgerService,
    private readonly history: OrderHistoryService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly bulkRunner: BulkRunner,
    private readonly settings: CompanySettingsService,
  ) {}

  private get db() {
    return this.txHost.tx;
  }

  list(query: PurchaseOrderListQueryDto): Promise<Page<PurchaseOrderSummaryDto>> {
    const sort = parseSort(query.sort, SORT_COLUMNS, '-createdAt');
    const params = new SqlParams();
    const where: string[] = [];
    if (query.status) where.push(`po.status = ${params.add(query.status)}`);
    if (query.supplierId) where.push(`po.supplier_id = ${params.add(query.supplierId)}`);
    if (query.productId) {
      where.push(
        `EXISTS (SELECT 1 FROM purchase_order_lines pl WHERE pl.purchase_order_id = po.id AND pl.product_id = ${params.add(query.productId)})`,
      );
    }
    if (query.q?.trim()) {
      const pattern = params.add(`%${escapeLike(query.q.trim())}%`);
      where.push(`(po.number ILIKE ${pattern} OR s.name ILIKE ${pattern} OR s.code ILIKE ${pattern})`);
    }
    return keysetPage<PurchaseOrderRow, PurchaseOrderSummaryDto>(this.db, {
      select: PURCHASE_ORDER_SELECT,
      from: PURCHASE_ORDER_FROM,
      where,
      params,
      sort,
      idColumn: 'po.id',
      limit: query.limit ?? PAGINATION.defaultLimit,
      cursor: query.cursor,
      includeTotal: query.includeTotal,
      sortValueOf: (row) => cursorValue(row[SORT_KEYS[sort.field]] ?? 'infinity'),
      map: purchaseOrderSummary,
    });
  }

  async get(id: string): Promise<PurchaseOrderDto> {
    return this.withLines(await this.row(id));
  }

  /** The order's DTO from its (already read) row: lines and history added. */
  private async withLines(row: PurchaseOrderRow): Promise<PurchaseOrderDto> {
    const id = row.id;
    const lines = await this.db.query<PurchaseOrderLineRow[]>(
      `SELECT ${PURCHASE_ORDER_LINE_SELECT} FROM purchase_order_lines l JOIN products p ON p.id = l.product_id
        WHERE l.purchase_order_id = $1 ORDER BY l.line_no`,
      [id],
    );
    return purchaseOrderDto(row, lines, await this.history.of(id));
  }

  /** Open quantities of a product per warehouse: what is on its way. */
  async incoming(productId: string): Promise<IncomingStockDto[]> {
    const rows = await this.db.query<
      { warehouse_id: string; warehouse_code: string; quantity: string; next_expected_date: string | null }[]
    >(
      `SELECT po.warehouse_id, w.code AS warehouse_code, sum(l.quantity - l.received_quantity) AS quantity,
              to_char(min(po.expected_date), 'YYYY-MM-DD') AS next_expected_date
         FROM purchase_order_lines l
         JOIN purchase_orders po ON po.id = l.purchase_order_id
         JOIN warehouses w ON w.id = po.warehouse_id
        WHERE l.product_id = $1 AND po.status = ANY($2) AND l.quantity > l.received_quantity
        GROUP BY po.warehouse_id, w.code ORDER BY w.code`,
      [productId, OPEN_STATUSES],
    );
    return rows.map((row) => ({
      productId,
      warehouseId: row.warehouse_id,
      warehouseCode: row.warehouse_code,
      quantity: Number(row.quantity),
      nextExpectedDate: row.next_expected_date,
    }));
  }

  @Transactional()
  async create(input: CreatePurchaseOrderDto): Promise<PurchaseOrderDto> {
    await this.partners.getActive(PartnerKind.Supplier, input.supplierId);
    await this.activeWarehouse(input.warehouseId);
    const currency = input.currency ?? 'EUR';
    const id = newId();
    const [{ sequence }] = await this.db.query<[{ sequence: string }]>(
      `SELECT nextval('purchase_order_number_seq') AS sequence`,
    );
    await this.db.query(
      `INSERT INTO purchase_orders (id, number, supplier_id, warehouse_id, expected_date, currency, notes)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        orderNumber(await this.settings.numberPrefix(DocumentType.PurchaseOrder), Number(sequence)),
        input.supplierId,
        input.warehouseId,
        input.expectedDate ?? null,
        currency,
        input.notes ?? null,
      ],
    );
    await this.writeLines(id, currency, input.lines);
    await this.history.record('purchase_order', id, null, PurchaseOrderStatus.Draft);
    const created = await this.get(id);
    await this.audit.record({
      action: 'create',
      entityType: 'purchase_order',
      entityId: id,
      changes: {
        number: { before: null, after: created.number },
        supplierId: { before: null, after: created.supplierId },
        warehouseId: { before: null, after: created.warehouseId },
        totalMinor: { before: null, after: created.totalMinor },
        lines: { before: null, after: lineSummary(created) },
      },
    });
    await this.emit(DomainEventName.PurchaseOrderCreated, created);
    return created;
  }

  @Transactional()
  async update(id: string, input: UpdatePurchaseOrderDto): Promise<PurchaseOrderDto> {
    const before = await this.lockForAction(id, input.version, 'edit');
    if (input.supplierId && input.supplierId !== before.supplierId) {
      await this.partners.getActive(PartnerKind.Supplier, input.supplierId);
    }
    if (input.warehouseId && input.warehouseId !== before.warehouseId) await this.activeWarehouse(input.warehouseId);
    if (input.lines) {
      await this.db.query('DELETE FROM purchase_order_lines WHERE purchase_order_id = $1', [id]);
      await this.writeLines(id, before.currency, input.lines);
    }
    await this.bumpVersion(id, input.version, {
      supplier_id: input.supplierId,
      warehouse_id: input.warehouseId,
      expected_date: input.expectedDate,
      notes: input.notes,
    });
    const after = await this.get(id);
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const field of ['supplierId', 'warehouseId', 'expectedDate', 'notes', 'totalMinor'] as const) {
      if (before[field] !== after[field]) changes[field] = { before: before[field], after: after[field] };
    }
    if (input.lines && lineSummary(before) !== lineSummary(after)) {
      changes['lines'] = { before: lineSummary(before), after: lineSummary(after) };
    }
    // Saving without changing anything leaves no audit row and sends no event.
    if (Object.keys(changes).length === 0) return after;
    await this.audit.record({ action: 'update', entityType: 'purchase_order', entityId: id, changes });
    await this.emit(DomainEventName.PurchaseOrderUpdated, after);
    return after;
  }

  @Transactional()
  async submit(id: string, input: OrderTransitionDto): Promise<PurchaseOrderDto> {
    await this.lockForAction(id, input.version, 'submit');
    return this.moveTo(id, input.version, PurchaseOrderStatus.Submitted, input.note);
  }

  /** Bulk cancel of drafts: each row in its own transaction through `cancel` (see BulkRunner). */
  async bulk(input: OrderBulkDto): Promise<BulkResult> {
    return this.bulkRunner.run({
      ids: input.ids,
      operationId: input.operationId,
      dryRun: input.dryRun,
      labels: await orderLabels(this.db, 'purchase_orders', input.ids),
      row: async (id) =>
        cancelDraftRow('purchase order', await this.get(id), (version) =>
          this.cancel(id, { version, note: input.note }),
        ),
    });
  }

  @Transactional()
  async cancel(id: string, input: OrderTransitionDto): Promise<PurchaseOrderDto> {
    await this.lockForAction(id, input.version, 'cancel');
    return this.moveTo(id, input.version, PurchaseOrderStatus.Cancelled, input.note);
  }

  /** Books received goods into a warehouse: receipt movements, received quantities, new status. */
  @Transactional()
  async receive(id: string, input: ReceivePurchaseOrderDto): Promise<PurchaseOrderDto> {
    const order = await this.lockForAction(id, undefined, 'receive');
    const warehouseId = input.warehouseId ?? order.warehouseId;
    const requested = new Map<string, number>();
    for (const line of input.lines) requested.set(line.lineId, (requested.get(line.lineId) ?? 0) + line.quantity);
    for (const [lineId, quantity] of requested) {
      const line = order.lines.find((candidate) => candidate.id === lineId);
      if (!line) throw new LineQuantityExceededError(`Line ${lineId} is not on purchase order ${order.number}.`);
      if (quantity > line.openQuantity) {
        throw new LineQuantityExceededError(
          `Line ${line.lineNo} (${line.sku}) has ${line.openQuantity} open; cannot receive ${quantity}.`,
        );
      }
    }
    await this.ledger.record(
      [...requested].map(([lineId, quantity]) => ({
        type: MovementType.Receipt,
        productId: order.lines.find((line) => line.id === lineId)!.productId,
        warehouseId,
        onHandChange: quantity,
        note: input.note ?? `Receipt for ${order.number}`,
        source: { type: 'purchase_order', id },
      })),
      'receive',
    );
    for (const [lineId, quantity] of requested) {
      await this.db.query('UPDATE purchase_order_lines SET received_quantity = received_quantity + $2 WHERE id = $1', [
        lineId,
        quantity,
      ]);
    }
    const complete = order.lines.every((line) => line.openQuantity === (requested.get(line.id) ?? 0));
    const to = complete ? PurchaseOrderStatus.Received : PurchaseOrderStatus.PartiallyReceived;
    if (to === order.status) {
      await this.bumpVersion(id, order.version, {});
      const after = await this.get(id);
      await this.audit.record({
        action: 'receive',
        entityType: 'purchase_order',
        entityId: id,
        changes: { lines: { before: lineSummary(order), after: lineSummary(after) } },
      });
      await this.emit(DomainEventName.PurchaseOrderUpdated, after);
      return after;
    }
    return this.moveTo(id, order.version, to, input.note);
  }

  // ------------------------------------------------------------------ helpers

  private async row(id: string, lock = false): Promise<PurchaseOrderRow> {
    const [row] = await this.db.query<PurchaseOrderRow[]>(
      `SELECT ${PURCHASE_ORDER_SELECT} FROM ${PURCHASE_ORDER_FROM} WHERE po.id = $1 ${lock ? 'FOR UPDATE OF po' : ''}`,
      [id],
    );
    if (!row) throw new PurchaseOrderNotFoundError(id);
    return row;
  }

  /** Locks the order, checks the version (when given) and that the status allows the action. */
  private async lockForAction(id: string, version: number | undefined, action: Action): Promise<PurchaseOrderDto> {
    // The locking read is the order's read: one statement fewer on every transition.
    const order = await this.withLines(await this.row(id, true));
    if (version !== undefined && order.version !== version) {
      throw new VersionConflictError('purchase order', version);
    }
    if (!PURCHASE_ORDER_ACTIONS[order.status].includes(action)) {
      throw new InvalidTransitionError('purchase order', order.number, order.status, action);
    }
    return order;
  }

  private async activeWarehouse(id: string): Promise<void> {
    const warehouse = await this.warehouses.get(id);
    if (!warehouse.active) throw new WarehouseInactiveError(warehouse.code);
  }

  private async writeLines(orderId: string, currency: string, lines: PurchaseOrderLineInputDto[]): Promise<void> {
    const products = await loadOrderProducts(
      this.db,
      lines.map((line) => line.productId),
    );
    let total = 0;
    for (const [index, line] of lines.entries()) {
      const product = products.get(line.productId)!;
      const unitCost = defaultAmount(product, line.unitCostMinor, product.costMinor, currency as never);
      const lineTotal = unitCost * line.quantity;
      total += lineTotal;
      await this.db.query(
        `INSERT INTO purchase_order_lines (id, purchase_order_id, line_no, product_id, quantity, unit_cost_minor, line_total_minor)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [newId(), orderId, index + 1, line.productId, line.quantity, unitCost, lineTotal],
      );
    }
    await this.db.query('UPDATE purchase_orders SET total_minor = $2 WHERE id = $1', [orderId, total]);
  }

  /** Optimistic write: bumps the version only if nobody else did (QUALITY R4). */
  private async bumpVersion(id: string, version: number, fields: Record<string, unknown>): Promise<void> {
    const set = Object.entries(fields).filter(([, value]) => value !== undefined);
    const [, count] = await this.db.query<[unknown[], number]>(
      `UPDATE purchase_orders SET ${set.map(([column], index) => `${column} = $${index + 3}, `).join('')}
         version = version + 1, updated_at = now() WHERE id = $1 AND version = $2`,
      [id, version, ...set.map(([, value]) => value)],
    );
    if (count !== 1) throw new VersionConflictError('purchase order', version);
  }

  private async moveTo(
    id: string,
    version: number,
    to: PurchaseOrderStatus,
    note?: string | null,
  ): Promise<PurchaseOrderDto> {
    const before = await this.get(id);
    await this.bumpVersion(id, version, { status: to });
    await this.history.record('purchase_order', id, before.status, to, note);
    const after = await this.get(id);
    const changes: Record<string, { before: unknown; after: unknown }> = {
      status: { before: before.status, after: to },
    };
    if (lineSummary(before) !== lineSummary(after)) {
      changes['lines'] = { before: lineSummary(before), after: lineSummary(after) };
    }
    await this.audit.record({ action: to, entityType: 'purchase_order', entityId: id, changes });
    await this.outbox.record({
      type: DomainEventName.PurchaseOrderStatusChanged,
      aggregateType: 'purchase_order',
      aggregateId: id,
      payload: { orderId: id, number: after.number, from: before.status, to },
    });
    return after;
  }

  private async emit(
    type: (typeof DomainEventName)['PurchaseOrderCreated' | 'PurchaseOrderUpdated'],
    order: PurchaseOrderDto,
  ): Promise<void> {
    await this.outbox.record({
      type,
      aggregateType: 'purchase_order',
      aggregateId: order.id,
      payload: { purchaseOrder: order },
    });
  }
}

/** Lines in one audit-friendly string: `WID-001 x100 @850 (received 40)`. */
function lineSummary(order: PurchaseOrderDto): string {
  return order.lines
    .map((line) => `${line.sku} x${line.quantity} @${line.unitCostMinor} (received ${line.receivedQuantity})`)
    .join('; ');
}
