import { Injectable } from '@nestjs/common';
import { Propagation, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  BULK_PROGRESS_EVENT,
  BulkRowStatus,
  type BulkProgressMessage,
  type BulkResult,
  type BulkRowResult,
} from '@depot/contracts';
import { ClsService } from 'nestjs-cls';
import type { RequestContext } from '../../context/request-context';
import { UserMessages } from '../../events/user-messages';
import { mapError } from '../error-mapper';

/** What one row's work answers: changed or already so, with the touched fields before and after. */
export interface BulkRowOutcome {
  status: typeof BulkRowStatus.Ok | typeof BulkRowStatus.Unchanged;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

export interface BulkRun {
  ids: readonly string[];
  operationId?: string;
  dryRun?: boolean;
  /** Display names of the ids that exist, loaded in one query. */
  labels?: ReadonlyMap<string, string>;
  /** The work for one id, calling the same service method as the single-record endpoint. */
  row: (id: string) => Promise<BulkRowOutcome>;
}

/** Progress is pushed at most this often (and always after the last row). */
const PROGRESS_INTERVAL_MS = 250;

/** Thrown to roll back a dry run's row after it has told what it would do. */
class DryRunRollback extends Error {
  constructor(readonly outcome: BulkRowOutcome) {
    super('dry run');
  }
}

/**
 * Runs a bulk request row by row, each row in its own transaction, so a failing row changes
 * nothing and leaves the others alone. When the request carries an Idempotency-Key the
 * interceptor already holds a transaction: rows become savepoints in it, and every row's effect
 * commits together with the stored answer (a replay can never find half a run).
 *
 * A dry run does each row for real and rolls it back, so the preview is exactly what a real run
 * would do (the same checks, the same rounding) and writes nothing: no rows, audit or events.
 *
 * A row's business error (any 4xx) becomes its `failed` result; anything else (the database gone)
 * aborts the request as usual.
 */
@Injectable()
export class BulkRunner {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService<RequestContext>,
    private readonly userMessages: UserMessages,
  ) {}

  async run(run: BulkRun): Promise<BulkResult> {
    const results: BulkRowResult[] = [];
    const summary = { ok: 0, failed: 0, unchanged: 0 };
    const userId = this.cls.isActive() ? this.cls.get('principal')?.userId : undefined;
    const total = run.ids.length;
    let lastProgress = 0;
    const progress = (done: number): void => {
      if (!run.operationId || !userId) return;
      const now = Date.now();
      if (done < total && now - lastProgress < PROGRESS_INTERVAL_MS) return;
      lastProgress = now;
      const message: BulkProgressMessage = { operationId: run.operationId, done, total };
      this.userMessages.send(userId, BULK_PROGRESS_EVENT, message);
    };
    progress(0);

    for (const id of run.ids) {
      const label = run.labels?.get(id);
      const base: BulkRowResult =
        label === undefined ? { id, status: BulkRowStatus.Ok } : { id, status: BulkRowStatus.Ok, label };
      try {
        const outcome = await this.attempt(id, run);
        results.push({ ...base, ...outcome });
        summary[outcome.status] += 1;
      } catch (error) {
        const { problem } = mapError(error, { id: '', url: '', method: 'POST' });
        if (problem.status >= 500) throw error;
        results.push({
          ...base,
          status: BulkRowStatus.Failed,
          error: { code: problem.code ?? 'REQUEST.FAILED', detail: problem.detail ?? problem.title },
        });
        summary.failed += 1;
      }
      progress(results.length);
    }
    return { dryRun: run.dryRun === true, results, summary };
  }

  private async attempt(id: string, run: BulkRun): Promise<BulkRowOutcome> {
    try {
      return await this.txHost.withTransaction(Propagation.Nested, async () => {
        const outcome = await run.row(id);
        if (run.dryRun) throw new DryRunRollback(outcome);
        return outcome;
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.outcome;
      throw error;
    }
  }
}
