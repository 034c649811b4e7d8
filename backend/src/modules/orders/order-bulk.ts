import { ErrorCode } from '@depot/contracts';
import type { EntityManager } from 'typeorm';
import { ConflictError } from '../../platform/http/app-error';
import type { BulkRowOutcome } from '../../platform/http/bulk/bulk-runner';

interface CancellableOrder {
  number: string;
  status: string;
  version: number;
}

/** 409: bulk cancel only takes drafts (cancelling a confirmed order one by one asks for more thought). */
export class NotADraftError extends ConflictError {
  constructor(kind: string, number: string, status: string) {
    super(
      ErrorCode.InvalidOrderTransition,
      `Only drafts are cancelled in bulk; ${kind} ${number} is ${status.replace(/_/g, ' ')}.`,
    );
  }
}

/**
 * One row of a bulk cancel: an already cancelled order is `unchanged`, a draft is cancelled
 * through the single-order `cancel` (history, audit, events), anything else fails.
 */
export async function cancelDraftRow(
  kind: 'sales order' | 'purchase order',
  order: CancellableOrder,
  cancel: (version: number) => Promise<{ status: string }>,
): Promise<BulkRowOutcome> {
  if (order.status === 'cancelled') return { status: 'unchanged' };
  if (order.status !== 'draft') throw new NotADraftError(kind, order.number, order.status);
  const after = await cancel(order.version);
  return { status: 'ok', before: { status: order.status }, after: { status: after.status } };
}

/** Order numbers of the ids that exist, for the results. */
export async function orderLabels(
  db: EntityManager,
  table: 'sales_orders' | 'purchase_orders',
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; number: string }[]>(
    `SELECT id, number FROM ${table} WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row.number]));
}
