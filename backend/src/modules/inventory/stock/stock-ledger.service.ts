import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  DomainEventName,
  ProductStatus,
  type AdjustmentReason,
  type MovementType,
  type StockChangedPayload,
  type StockMovementDto,
} from '@depot/contracts';
import { ClsService } from 'nestjs-cls';
import { AuditService } from '../../audit/audit.service';
import { actorOf, type RequestContext } from '../../../platform/context/request-context';
import { newId } from '../../../platform/database/ids';
import { PgError, violatedConstraint } from '../../../platform/database/pg-errors';
import { OutboxService } from '../../../platform/events/outbox.service';
import { ProductNotFoundError } from '../../catalog/catalog.errors';
import {
  InsufficientStockError,
  ProductInactiveError,
  WarehouseInactiveError,
  WarehouseNotFoundError,
} from '../inventory.errors';
import { MOVEMENT_FROM, MOVEMENT_SELECT, movementDto, type MovementRow } from './stock-rows';

/** One line to write to the ledger. */
export interface MovementInput {
  type: MovementType;
  productId: string;
  warehouseId: string;
  onHandChange: number;
  reservedChange?: number;
  reasonCode?: AdjustmentReason | null;
  note?: string | null;
  transferId?: string | null;
  source?: { type: string; id: string } | null;
}

/** One movement the stock cannot cover (`index` into the inputs of `record`). */
export interface StockShortage {
  index: number;
  productId: string;
  warehouseId: string;
  sku: string;
  warehouseCode: string;
  requested: number;
  onHand: number;
  reserved: number;
  available: number;
}

function shortageMessage(shortages: StockShortage[]): string {
  return shortages
    .map(
      (shortage) =>
        `Not enough stock of ${shortage.sku} in ${shortage.warehouseCode}: ${shortage.onHand} on hand, ` +
        `${shortage.reserved} reserved, ${shortage.available} available.`,
    )
    .join(' ');
}

/** Balances of one stock level while the ledger is being written. */
interface Balance {
  onHand: number;
  reserved: number;
}

/** Human names used in messages and audit rows. */
interface Names {
  sku: string;
  warehouseCode: string;
}

/**
 * The only writer of the stock ledger, for every module (adjustments, transfers, receipts,
 * reservations, shipments, imports). In the caller's transaction it:
 * 1. checks products and warehouses exist and are active;
 * 2. locks the affected stock levels in a fixed order (no deadlocks between concurrent writers);
 * 3. checks the new balances and refuses with 409 what would go negative;
 * 4. inserts the movements; a database trigger applies them to `stock_levels` (whose CHECKs
 *    are the last line of defence) and stores the balances after each;
 * 5. writes an audit row per product and one `stock.changed` event per product.
 */
@Injectable()
export class StockLedgerService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService<RequestContext>,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Must run inside a transaction (the caller's @Transactional). */
  async record(inputs: MovementInput[], auditAction: string): Promise<StockMovementDto[]> {
    const db = this.txHost.tx;
    const names = await this.checkParticipants(inputs);

    // Lock every affected level, in key order, before reading its balance.
    const keys = [...new Set(inputs.map((input) => `${input.productId}:${input.warehouseId}`))].sort();
    const balances = new Map<string, Balance>();
    for (const key of keys) {
      const [productId, warehouseId] = key.split(':');
      const [row] = await db.query<{ on_hand: string; reserved: string }[]>(
        'SELECT on_hand, reserved FROM stock_levels WHERE product_id = $1 AND warehouse_id = $2 FOR UPDATE',
        [productId, warehouseId],
      );
      balances.set(key, { onHand: Number(row?.on_hand ?? 0), reserved: Number(row?.reserved ?? 0) });
    }
    const before = new Map([...balances].map(([key, balance]) => [key, { ...balance }]));

    // Check every movement (cumulatively) and report all shortages at once, not just the first.
    const shortages: StockShortage[] = [];
    for (const [index, input] of inputs.entries()) {
      const key = `${input.productId}:${input.warehouseId}`;
      const balance = balances.get(key)!;
      const onHand = balance.onHand + input.onHandChange;
      const reserved = balance.reserved + (input.reservedChange ?? 0);
      if (onHand < 0 || reserved < 0 || reserved > onHand) {
        const { sku, warehouseCode } = names.get(key)!;
        shortages.push({
          index,
          productId: input.productId,
          warehouseId: input.warehouseId,
          sku,
          warehouseCode,
          requested: Math.max(-input.onHandChange, input.reservedChange ?? 0),
          onHand: balance.onHand,
          reserved: balance.reserved,
          available: balance.onHand - balance.reserved,
        });
        continue;
      }
      balances.set(key, { onHand, reserved });
    }
    if (shortages.length > 0) throw new InsufficientStockError(shortageMessage(shortages), shortages);

    const context = this.cls.isActive() ? this.cls.get() : undefined;
    const actor = actorOf(context?.principal);
    const ids: string[] = [];
    for (const input of inputs) {
      const id = newId();
      ids.push(id);
      try {
        await db.query(
          `INSERT INTO stock_movements (id, type, product_id, warehouse_id, on_hand_change, reserved_change, reason_code,
             note, transfer_id, source_type, source_id, actor_type, actor_id, actor_name, request_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
          [
            id,
            input.type,
            input.productId,
            input.warehouseId,
            input.onHandChange,
            input.reservedChange ?? 0,
            input.reasonCode ?? null,
            input.note ?? null,
            input.transferId ?? null,
            input.source?.type ?? null,
            input.source?.id ?? null,
            actor.type === 'anonymous' ? 'system' : actor.type,
            actor.id,
            actor.label,
            context?.requestId ?? null,
          ],
        );
      } catch (error) {
        // The database's own guard (CHECK on stock_levels): should the code above ever miss a case.
        if (violatedConstraint(error, PgError.CheckViolation) !== undefined) {
          throw new InsufficientStockError('The movement would take stock below zero.');
        }
        throw error;
      }
    }

    const movements = (
      await db.query<MovementRow[]>(`SELECT ${MOVEMENT_SELECT} FROM ${MOVEMENT_FROM} WHERE m.id = ANY($1::uuid[])`, [
        ids,
      ])
    ).map(movementDto);
    movements.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));

    for (const productId of new Set(inputs.map((input) => input.productId))) {
      const productKeys = keys.filter((key) => key.startsWith(`${productId}:`));
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      for (const key of productKeys) {
        const code = names.get(key)!.warehouseCode;
        changes[`onHand.${code}`] = { before: before.get(key)!.onHand, after: balances.get(key)!.onHand };
        if (before.get(key)!.reserved !== balances.get(key)!.reserved) {
          changes[`reserved.${code}`] = { before: before.get(key)!.reserved, after: balances.get(key)!.reserved };
        }
      }
      await this.audit.record({ action: auditAction, entityType: 'product', entityId: productId, changes });
      const payload: StockChangedPayload = {
        productId,
        movementIds: movements.filter((movement) => movement.productId === productId).map((movement) => movement.id),
        levels: productKeys.map((key) => {
          const balance = balances.get(key)!;
          return {
            warehouseId: key.split(':')[1],
            onHand: balance.onHand,
            reserved: balance.reserved,
            available: balance.onHand - balance.reserved,
          };
        }),
      };
      await this.outbox.record({
        type: DomainEventName.StockChanged,
        aggregateType: 'stock',
        aggregateId: productId,
        payload,
      });
    }
    return movements;
  }

  /** Products and warehouses must exist and be active; returns their names per level key. */
  private async checkParticipants(inputs: MovementInput[]): Promise<Map<string, Names>> {
    const db = this.txHost.tx;
    const productIds = [...new Set(inputs.map((input) => input.productId))];
    const warehouseIds = [...new Set(inputs.map((input) => input.warehouseId))];
    const products = await db.query<{ id: string; sku: string; status: string }[]>(
      'SELECT id, sku, status FROM products WHERE id = ANY($1::uuid[])',
      [productIds],
    );
    const warehouses = await db.query<{ id: string; code: string; active: boolean }[]>(
      'SELECT id, code, active FROM warehouses WHERE id = ANY($1::uuid[])',
      [warehouseIds],
    );
    for (const id of productIds) {
      const product = products.find((row) => row.id === id);
      if (!product) throw new ProductNotFoundError(id);
      if (product.status !== ProductStatus.Active) throw new ProductInactiveError(product.sku);
    }
    for (const id of warehouseIds) {
      const warehouse = warehouses.find((row) => row.id === id);
      if (!warehouse) throw new WarehouseNotFoundError(id);
      if (!warehouse.active) throw new WarehouseInactiveError(warehouse.code);
    }
    const names = new Map<string, Names>();
    for (const input of inputs) {
      names.set(`${input.productId}:${input.warehouseId}`, {
        sku: products.find((row) => row.id === input.productId)!.sku,
        warehouseCode: warehouses.find((row) => row.id === input.warehouseId)!.code,
      });
    }
    return names;
  }
}
