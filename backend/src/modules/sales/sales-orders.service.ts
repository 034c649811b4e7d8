import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  SALES_ORDER_SORT_FIELDS,
  computeLineTotals,
  DomainEventName,
  MovementType,
  PAGINATION,
  PartnerKind,
  SALES_ORDER_ACTIONS,
  SalesOrderStatus,
  sumTotals,
  type AvailabilityDto,
  type CurrencyCode,
  type InvoiceDto,
  type BulkResult,
  type Page,
  type SalesOrderDto,
  type SalesOrderSummaryDto,
  DocumentType,
  Permission,
  type TaxTreatment,
} from '@depot/contracts';
import { AuditService } from '../audit/audit.service';
import { CompanySettingsService } from '../settings/company-settings.service';
import { TaxRatesService } from '../settings/tax-rates.service';
import { ClsService } from 'nestjs-cls';
import type { RequestContext } from '../../platform/context/request-context';
import { BulkRunner } from '../../platform/http/bulk/bulk-runner';
import type { OrderBulkDto } from '../orders/dto/order-bulk.dto';
import { cancelDraftRow, orderLabels } from '../orders/order-bulk';
import { newId } from '../../platform/database/ids';
import { OutboxService } from '../../platform/events/outbox.service';
import { VersionConflictError, ForbiddenError } from '../../platform/http/app-error';
import { cursorValue, escapeLike, keysetPage, SqlParams } from '../../platform/http/pagination/keyset-page';
import { parseSort } from '../../platform/http/pagination/sort';
import { InsufficientStockError, WarehouseInactiveError } from '../inventory/inventory.errors';
import { StockLedgerService, type MovementInput } from '../inventory/stock/stock-ledger.service';
import { WarehousesService } from '../inventory/warehouses/warehouses.service';
import type { OrderTransitionDto } from '../orders/dto/status-change.dto';
import { OrderHistoryService, orderNumber } from '../orders/order-history.service';
import { defaultAmount, loadOrderProducts } from '../orders/order-products';
import { InvalidTransitionError, LineQuantityExceededError, SalesOrderNotFoundError } from '../orders/orders.errors';
import { PartnersService } from '../partners/partners.service';
import type {
  AvailabilityQueryDto,
  CreateSalesOrderDto,
  FulfilSalesOrderDto,
  SalesOrderLineInputDto,
  SalesOrderListQueryDto,
  UpdateSalesOrderDto,
} from './dto/sales-order.dto';
import { InvoicesService } from './invoices/invoices.service';
import { OrderLinesShortError } from './sales.errors';
import {
  SALES_ORDER_FROM,
  SALES_ORDER_LINE_SELECT,
  SALES_ORDER_SELECT,
  salesOrderDto,
  salesOrderSummary,
  type SalesOrderLineRow,
  type SalesOrderRow,
} from './sales-order-rows';

const SORT_COLUMNS = {
  number: 'so.number',
  createdAt: 'so.created_at',
  totalMinor: 'so.total_minor',
} as const satisfies Record<(typeof SALES_ORDER_SORT_FIELDS)[number], string>;
const SORT_KEYS: Record<string, keyof SalesOrderRow> = {
  number: 'number',
  createdAt: 'created_at',
  totalMinor: 'total_minor',
};
type Action = (typeof SALES_ORDER_ACTIONS)[SalesOrderStatus][number];

/**
 * Sales orders: draft -> confirmed -> partially fulfilled -> fulfilled -> invoiced, or cancelled.
 * Confirming reserves every line in one ledger write (all or nothing), fulfilling ships from the
 * reservation, cancelling releases what is still reserved. Totals are computed here, never taken
 * from the client.
 */
@Injectable()
export class SalesOrdersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly partners: PartnersService,
    private readonly warehouses: WarehousesService,
    private readonly ledger: StockLedgerService,
    private readonly history: OrderHistoryService,
    private readonly invoices: InvoicesService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly bulkRunner: BulkRunner,
    private readonly settings: CompanySettingsService,
    private readonly taxRates: TaxRatesService,
    private readonly cls: ClsService<RequestContext>,
  ) {}

  private get db() {
    return this.txHost.tx;
  }

  list(query: SalesOrderListQueryDto): Promise<Page<SalesOrderSummaryDto>> {
    const sort = parseSort(query.sort, SORT_COLUMNS, '-createdAt');
    const params = new SqlParams();
    const where: string[] = [];
    if (query.status) where.push(`so.status = ${params.add(query.status)}`);
    if (query.customerId) where.push(`so.customer_id = ${params.add(query.customerId)}`);
    if (query.productId) {
      where.push(
        `EXISTS (SELECT 1 FROM sales_order_lines sl WHERE sl.sales_order_id = so.id AND sl.product_id = ${params.add(query.productId)})`,
      );
    }
    if (query.q?.trim()) {
      const pattern = params.add(`%${escapeLike(query.q.trim())}%`);
      where.push(`(so.number ILIKE ${pattern} OR c.name ILIKE ${pattern} OR c.code ILIKE ${pattern})`);
    }
    return keysetPage<SalesOrderRow, SalesOrderSummaryDto>(this.db, {
      select: SALES_ORDER_SELECT,
      from: SALES_ORDER_FROM,
      where,
      params,
      sort,
      idColumn: 'so.id',
      limit: query.limit ?? PAGINATION.defaultLimit,
      cursor: query.cursor,
      includeTotal: query.includeTotal,
      sortValueOf: (row) => cursorValue(row[SORT_KEYS[sort.field]]),
      map: salesOrderSummary,
    });
  }

  async get(id: string): Promise<SalesOrderDto> {
    return this.withLines(await this.row(id));
  }

  /** The order's DTO from its (already read) row: lines and history added. */
  private async withLines(row: SalesOrderRow): Promise<SalesOrderDto> {
    const id = row.id;
    const lines = await this.db.query<SalesOrderLineRow[]>(
      `SELECT ${SALES_ORDER_LINE_SELECT} FROM sales_order_lines l JOIN products p ON p.id = l.product_id
        WHERE l.sales_order_id = $1 ORDER BY l.line_no`,
      [id],
    );
    return salesOrderDto(row, lines, await this.history.of(id));
  }

  /** Live availability for the order form (products without a level show zeros). */
  async availability(query: AvailabilityQueryDto): Promise<AvailabilityDto[]> {
    const rows = await this.db.query<{ product_id: string; on_hand: string; reserved: string }[]>(
      `SELECT product_id, on_hand, reserved FROM stock_levels WHERE warehouse_id = $1 AND product_id = ANY($2::uuid[])`,
      [query.warehouseId, query.productIds],
    );
    return [...new Set(query.productIds)].map((productId) => {
      const row = rows.find((candidate) => candidate.product_id === productId);
      const onHand = Number(row?.on_hand ?? 0);
      const reserved = Number(row?.reserved ?? 0);
      return { productId, warehouseId: query.warehouseId, onHand, reserved, available: onHand - reserved };
    });
  }

  @Transactional()
  async create(input: CreateSalesOrderDto): Promise<SalesOrderDto> {
    const customer = await this.partners.getActive(PartnerKind.Customer, input.customerId);
    await this.activeWarehouse(input.warehouseId);
    const currency = input.currency ?? 'EUR';
    const id = newId();
    const [{ sequence }] = await this.db.query<[{ sequence: string }]>(
      `SELECT nextval('sales_order_number_seq') AS sequence`,
    );
    await this.db.query(
      `INSERT INTO sales_orders (id, number, customer_id, warehouse_id, currency, shipping_address, notes)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        orderNumber(await this.settings.numberPrefix(DocumentType.SalesOrder), Number(sequence)),
        input.customerId,
        input.warehouseId,
        currency,
        input.shippingAddress === undefined ? customer.shippingAddress : input.shippingAddress,
        input.notes ?? null,
      ],
    );
    await this.writeLines(id, currency, input.lines, customer.taxTreatment);
    await this.history.record('sales_order', id, null, SalesOrderStatus.Draft);
    const created = await this.get(id);
    await this.audit.record({
      action: 'create',
      entityType: 'sales_order',
      entityId: id,
      changes: {
        number: { before: null, after: created.number },
        customerId: { before: null, after: created.customerId },
        warehouseId: { before: null, after: created.warehouseId },
        totalMinor: { before: null, after: created.totalMinor },
        lines: { before: null, after: lineSummary(created) },
      },
    });
    await this.emit(DomainEventName.SalesOrderCreated, created);
    return created;
  }

  @Transactional()
  async update(id: string, input: UpdateSalesOrderDto): Promise<SalesOrderDto> {
    const before = await this.lockForAction(id, input.version, 'edit');
    const customer =
      input.customerId && input.customerId !== before.customerId
        ? await this.partners.getActive(PartnerKind.Customer, input.customerId)
        : await this.partners.get(PartnerKind.Customer, before.customerId);
    if (input.warehouseId && input.warehouseId !== before.warehouseId) await this.activeWarehouse(input.warehouseId);
    if (input.lines) {
      await this.db.query('DELETE FROM sales_order_lines WHERE sales_order_id = $1', [id]);
      await this.writeLines(id, before.currency, input.lines, customer.taxTreatment);
    }
    await this.bumpVersion(id, input.version, {
      customer_id: input.customerId,
      warehouse_id: input.warehouseId,
      shipping_address: input.shippingAddress,
      notes: input.notes,
    });
    const after = await this.get(id);
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const field of ['customerId', 'warehouseId', 'shippingAddress', 'notes', 'totalMinor'] as const) {
      if (before[field] !== after[field]) changes[field] = { before: before[field], after: after[field] };
    }
    if (input.lines && lineSummary(before) !== lineSummary(after)) {
      changes['lines'] = { before: lineSummary(before), after: lineSummary(after) };
    }
    // Saving without changing anything leaves no audit row and sends no event.
    if (Object.keys(changes).length === 0) return after;
    await this.audit.record({ action: 'update', entityType: 'sales_order', entityId: id, changes });
    await this.emit(DomainEventName.SalesOrderUpdated, after);
    return after;
  }

  /**
   * Reserves every line from the order's warehouse in one ledger write: all lines or none.
   * The order's own rows are written first, so the stock-level locks the ledger takes are held
   * only for the short rest of the transaction (what limits throughput on popular products).
   */
  @Transactional()
  async confirm(id: string, input: OrderTransitionDto): Promise<SalesOrderDto> {
    const order = await this.lockForAction(id, input.version, 'confirm');
    await this.db.query('UPDATE sales_order_lines SET reserved_quantity = quantity WHERE sales_order_id = $1', [id]);
    await this.applyStatus(order, SalesOrderStatus.Confirmed, input.note, { confirmed_at: new Date() });
    const movements: MovementInput[] = order.lines.map((line) => ({
      type: MovementType.Reservation,
      productId: line.productId,
      warehouseId: order.warehouseId,
      onHandChange: 0,
      reservedChange: line.quantity,
      note: `Reserved for ${order.number}`,
      source: { type: 'sales_order', id },
    }));
    try {
      await this.ledger.record(movements, 'reserve');
    } catch (error) {
      if (error instanceof InsufficientStockError && error.shortages.length > 0) {
        throw new OrderLinesShortError(
          order.number,
          error.shortages.map((shortage) => ({
            lineId: order.lines[shortage.index].id,
            productId: shortage.productId,
            sku: shortage.sku,
            requested: shortage.requested,
            available: shortage.available,
          })),
        );
      }
      throw error;
    }
    return this.announce(order, SalesOrderStatus.Confirmed);
  }

  /** Ships reserved quantities: reservation released and on hand reduced in one movement per line. */
  @Transactional()
  async fulfil(id: string, input: FulfilSalesOrderDto): Promise<SalesOrderDto> {
    const order = await this.lockForAction(id, input.version, 'fulfil');
    const requested = new Map<string, number>();
    if (input.lines) {
      for (const line of input.lines) requested.set(line.lineId, (requested.get(line.lineId) ?? 0) + line.quantity);
    } else {
      for (const line of order.lines) if (line.reservedQuantity > 0) requested.set(line.id, line.reservedQuantity);
    }
    for (const [lineId, quantity] of requested) {
      const line = order.lines.find((candidate) => candidate.id === lineId);
      if (!line) throw new LineQuantityExceededError(`Line ${lineId} is not on sales order ${order.number}.`);
      if (quantity > line.reservedQuantity) {
        throw new LineQuantityExceededError(
          `Line ${line.lineNo} (${line.sku}) has ${line.reservedQuantity} reserved; cannot ship ${quantity}.`,
        );
      }
    }
    if (requested.size === 0) throw new LineQuantityExceededError(`Sales order ${order.number} has nothing to ship.`);
    await this.ledger.record(
      [...requested].map(([lineId, quantity]) => ({
        type: MovementType.Shipment,
        productId: order.lines.find((line) => line.id === lineId)!.productId,
        warehouseId: order.warehouseId,
        onHandChange: -quantity,
        reservedChange: -quantity,
        note: input.note ?? `Shipped for ${order.number}`,
        source: { type: 'sales_order', id },
      })),
      'ship',
    );
    for (const [lineId, quantity] of requested) {
      await this.db.query(
        `UPDATE sales_order_lines SET reserved_quantity = reserved_quantity - $2,
            fulfilled_quantity = fulfilled_quantity + $2 WHERE id = $1`,
        [lineId, quantity],
      );
    }
    const complete = order.lines.every(
      (line) => line.fulfilledQuantity + (requested.get(line.id) ?? 0) === line.quantity,
    );
    const to = complete ? SalesOrderStatus.Fulfilled : SalesOrderStatus.PartiallyFulfilled;
    return this.moveTo(id, order, to, input.note);
  }

  /** Cancels; whatever is still reserved goes back to available stock. */
  /** Bulk cancel of drafts: each row in its own transaction through `cancel` (see BulkRunner). */
  async bulk(input: OrderBulkDto): Promise<BulkResult> {
    return this.bulkRunner.run({
      ids: input.ids,
      operationId: input.operationId,
      dryRun: input.dryRun,
      labels: await orderLabels(this.db, 'sales_orders', input.ids),
      row: async (id) =>
        cancelDraftRow('sales order', await this.get(id), (version) => this.cancel(id, { version, note: input.note })),
    });
  }

  @Transactional()
  async cancel(id: string, input: OrderTransitionDto): Promise<SalesOrderDto> {
    const order = await this.lockForAction(id, input.version, 'cancel');
    const reserved = order.lines.filter((line) => line.reservedQuantity > 0);
    if (reserved.length > 0) {
      await this.ledger.record(
        reserved.map((line) => ({
          type: MovementType.Release,
          productId: line.productId,
          warehouseId: order.warehouseId,
          onHandChange: 0,
          reservedChange: -line.reservedQuantity,
          note: `Released: ${order.number} cancelled`,
          source: { type: 'sales_order', id },
        })),
        'release',
      );
      await this.db.query('UPDATE sales_order_lines SET reserved_quantity = 0 WHERE sales_order_id = $1', [id]);
    }
    return this.moveTo(id, order, SalesOrderStatus.Cancelled, input.note);
  }

  /** Issues the invoice of a fulfilled order (numbered in this transaction) and marks it invoiced. */
  @Transactional()
  async invoice(id: string, input: OrderTransitionDto): Promise<InvoiceDto> {
    const order = await this.lockForAction(id, input.version, 'invoice');
    const invoice = await this.invoices.issueFor(order);
    await this.db.query('UPDATE sales_orders SET invoice_id = $2 WHERE id = $1', [id, invoice.id]);
    await this.moveTo(id, order, SalesOrderStatus.Invoiced, input.note ?? `Invoice ${invoice.number}`);
    return invoice;
  }

  // ------------------------------------------------------------------ helpers

  private async row(id: string, lock = false): Promise<SalesOrderRow> {
    const [row] = await this.db.query<SalesOrderRow[]>(
      `SELECT ${SALES_ORDER_SELECT} FROM ${SALES_ORDER_FROM} WHERE so.id = $1 ${lock ? 'FOR UPDATE OF so' : ''}`,
      [id],
    );
    if (!row) throw new SalesOrderNotFoundError(id);
    return row;
  }

  /** Locks the order, checks the version and that its status allows the action. */
  private async lockForAction(id: string, version: number, action: Action): Promise<SalesOrderDto> {
    // The locking read is the order's read: one statement fewer on every transition.
    const order = await this.withLines(await this.row(id, true));
    if (order.version !== version) throw new VersionConflictError('sales order', version);
    if (!SALES_ORDER_ACTIONS[order.status].includes(action)) {
      throw new InvalidTransitionError('sales order', order.number, order.status, action);
    }
    return order;
  }

  /** A rate other than the default needs `sales.tax.override` (requests without a caller are the system's). */
  private assertTaxOverride(index: number, sku: string, defaultRate: number): void {
    const principal = this.cls.isActive() ? this.cls.get('principal') : undefined;
    if (!principal || principal.permissions.has(Permission.SalesTaxOverride)) return;
    throw new ForbiddenError(
      `Line ${index + 1} (${sku}): the tax rate for this product and customer is ${defaultRate / 100} %; ` +
        `another rate needs the permission ${Permission.SalesTaxOverride}.`,
    );
  }

  private async activeWarehouse(id: string): Promise<void> {
    const warehouse = await this.warehouses.get(id);
    if (!warehouse.active) throw new WarehouseInactiveError(warehouse.code);
  }

  /**
   * Writes an order's lines. A line's tax rate defaults from its product's tax class and the
   * customer's tax treatment; another rate needs the tax-override permission.
   */
  private async writeLines(
    orderId: string,
    currency: CurrencyCode,
    lines: SalesOrderLineInputDto[],
    treatment: TaxTreatment,
  ): Promise<void> {
    const products = await loadOrderProducts(
      this.db,
      lines.map((line) => line.productId),
    );
    const totals = [];
    for (const [index, line] of lines.entries()) {
      const product = products.get(line.productId)!;
      const unitPrice = defaultAmount(product, line.unitPriceMinor, product.priceMinor, currency);
      const defaultRate = await this.taxRates.defaultRateBps(product.taxClass, treatment);
      const taxRateBps = line.taxRateBps ?? defaultRate;
      if (taxRateBps !== defaultRate) this.assertTaxOverride(index, product.sku, defaultRate);
      const lineTotals = computeLineTotals({
        quantity: line.quantity,
        unitPriceMinor: unitPrice,
        discountBps: line.discountBps ?? 0,
        taxRateBps,
      });
      totals.push(lineTotals);
      await this.db.query(
        `INSERT INTO sales_order_lines (id, sales_order_id, line_no, product_id, quantity, unit_price_minor,
           discount_bps, tax_rate_bps, gross_minor, discount_minor, net_minor, tax_minor, total_minor)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          newId(),
          orderId,
          index + 1,
          line.productId,
          line.quantity,
          unitPrice,
          line.discountBps ?? 0,
          taxRateBps,
          lineTotals.grossMinor,
          lineTotals.discountMinor,
          lineTotals.netMinor,
          lineTotals.taxMinor,
          lineTotals.totalMinor,
        ],
      );
    }
    const sum = sumTotals(totals);
    await this.db.query(
      `UPDATE sales_orders SET gross_minor = $2, discount_minor = $3, net_minor = $4, tax_minor = $5, total_minor = $6
        WHERE id = $1`,
      [orderId, sum.grossMinor, sum.discountMinor, sum.netMinor, sum.taxMinor, sum.totalMinor],
    );
  }

  /** Optimistic write: bumps the version only if nobody else did (QUALITY R4). */
  private async bumpVersion(id: string, version: number, fields: Record<string, unknown>): Promise<void> {
    const set = Object.entries(fields).filter(([, value]) => value !== undefined);
    const [, count] = await this.db.query<[unknown[], number]>(
      `UPDATE sales_orders SET ${set.map(([column], index) => `${column} = $${index + 3}, `).join('')}
         version = version + 1, updated_at = now() WHERE id = $1 AND version = $2`,
      [id, version, ...set.map(([, value]) => value)],
    );
    if (count !== 1) throw new VersionConflictError('sales order', version);
  }

  private async moveTo(
    id: string,
    before: SalesOrderDto,
    to: SalesOrderStatus,
    note?: string | null,
  ): Promise<SalesOrderDto> {
    await this.applyStatus(before, to, note);
    return this.announce(before, to);
  }

  /** The new status (optimistically, QUALITY R4) and its line on the timeline. */
  private async applyStatus(
    before: SalesOrderDto,
    to: SalesOrderStatus,
    note?: string | null,
    fields: Record<string, unknown> = {},
  ): Promise<void> {
    await this.bumpVersion(before.id, before.version, { ...fields, status: to });
    await this.history.record('sales_order', before.id, before.status, to, note);
  }

  /** Audit row and `sales_order.status_changed` event for a status change; returns the order after it. */
  private async announce(before: SalesOrderDto, to: SalesOrderStatus): Promise<SalesOrderDto> {
    const after = await this.get(before.id);
    const changes: Record<string, { before: unknown; after: unknown }> = {
      status: { before: before.status, after: to },
    };
    if (lineSummary(before) !== lineSummary(after)) {
      changes['lines'] = { before: lineSummary(before), after: lineSummary(after) };
    }
    await this.audit.record({ action: to, entityType: 'sales_order', entityId: before.id, changes });
    await this.outbox.record({
      type: DomainEventName.SalesOrderStatusChanged,
      aggregateType: 'sales_order',
      aggregateId: before.id,
      payload: { orderId: before.id, number: after.number, from: before.status, to },
    });
    return after;
  }

  private async emit(
    type: (typeof DomainEventName)['SalesOrderCreated' | 'SalesOrderUpdated'],
    order: SalesOrderDto,
  ): Promise<void> {
    await this.outbox.record({
      type,
      aggregateType: 'sales_order',
      aggregateId: order.id,
      payload: { salesOrder: order },
    });
  }
}

/** Lines in one audit-friendly string: `WID-001 x3 @1999 -5% +19% (reserved 3, shipped 0)`. */
function lineSummary(order: SalesOrderDto): string {
  return order.lines
    .map(
      (line) =>
        `${line.sku} x${line.quantity} @${line.unitPriceMinor} -${line.discountBps / 100}% +${line.taxRateBps / 100}% ` +
        `(reserved ${line.reservedQuantity}, shipped ${line.fulfilledQuantity})`,
    )
    .join('; ');
}
