import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { StatusChangeDto } from '@depot/contracts';
import { ClsService } from 'nestjs-cls';
import { actorOf, type RequestContext } from '../../platform/context/request-context';
import { newId } from '../../platform/database/ids';

interface StatusChangeRow {
  order_id: string;
  from_status: string | null;
  to_status: string;
  actor_type: string;
  actor_id: string | null;
  actor_label: string;
  note: string | null;
  occurred_at: Date;
}

/** The append-only status timeline of purchase and sales orders (who moved it, when, why). */
@Injectable()
export class OrderHistoryService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService<RequestContext>,
  ) {}

  async record(
    orderType: 'purchase_order' | 'sales_order',
    orderId: string,
    from: string | null,
    to: string,
    note?: string | null,
  ): Promise<void> {
    const actor = actorOf(this.cls.isActive() ? this.cls.get('principal') : undefined);
    await this.txHost.tx.query(
      `INSERT INTO order_status_changes (id, order_type, order_id, from_status, to_status, actor_type, actor_id, actor_label, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [newId(), orderType, orderId, from, to, actor.type, actor.id, actor.label ?? actor.type, note ?? null],
    );
  }

  async of(orderId: string): Promise<StatusChangeDto[]> {
    const rows = await this.txHost.tx.query<StatusChangeRow[]>(
      `SELECT order_id, from_status, to_status, actor_type, actor_id, actor_label, note, occurred_at
         FROM order_status_changes WHERE order_id = $1 ORDER BY occurred_at, id`,
      [orderId],
    );
    return rows.map((row) => ({
      from: row.from_status,
      to: row.to_status,
      at: row.occurred_at.toISOString(),
      actor: { type: row.actor_type, id: row.actor_id, label: row.actor_label },
      note: row.note,
    }));
  }
}

/** `PO-2026-000042` from a sequence value (numbers are unique, not gap-free: invoices are). */
export function orderNumber(prefix: string, sequence: number, at = new Date()): string {
  return `${prefix}-${at.getUTCFullYear()}-${String(sequence).padStart(6, '0')}`;
}
