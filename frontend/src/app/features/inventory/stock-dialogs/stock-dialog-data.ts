import { ErrorCode, type ProblemDetails, type StockLevelDto, type WarehouseDto } from '@depot/contracts';
import { type Observable, catchError, forkJoin, map, of } from 'rxjs';

import { problemMessage } from '../../../shared/http/problem-details';
import { type StockService } from '../data-access/stock.service';
import { type WarehousesService } from '../data-access/warehouses.service';
import { outcomeUnknown } from '../../../shared/http/idempotent-submission';

/** The product a stock dialog works on, and what to preselect. */
export interface StockDialogData {
  productId: string;
  sku: string;
  productName: string;
  /** Preselected warehouse (adjust) or source warehouse (transfer). */
  warehouseId?: string;
  /** Preselected quantity (adjust: signed). */
  quantity?: number;
}

export interface StockDialogContext {
  warehouses: WarehouseDto[];
  levels: StockLevelDto[];
}

/** Active warehouses and the product's current levels, for the selects and the "available" hints. */
export function loadStockDialogContext(
  warehouses: WarehousesService,
  stock: StockService,
  productId: string,
): Observable<StockDialogContext> {
  return forkJoin({
    warehouses: warehouses.all({ activeOnly: true }),
    levels: stock.levels({ productId, limit: 100 }).pipe(
      map((page) => page.items),
      catchError(() => of<StockLevelDto[]>([])),
    ),
  });
}

export const UNKNOWN_OUTCOME_MESSAGE =
  'Could not confirm the change with the server. Submit again: the same change is never applied twice.';
export const KEY_REUSED_MESSAGE =
  'An earlier attempt with other values may already have been recorded. Check the movements before you submit again.';

/** The form-level message for a problem that no field shows. */
export function submissionMessage(problem: ProblemDetails): string {
  if (outcomeUnknown(problem)) {
    return UNKNOWN_OUTCOME_MESSAGE;
  }
  if (problem.code === ErrorCode.IdempotencyKeyReused) {
    return KEY_REUSED_MESSAGE;
  }
  if (problem.code === ErrorCode.IdempotencyKeyInProgress) {
    return 'The server is still working on this change. Wait a moment, then submit again.';
  }
  return problemMessage(problem);
}

export function isProblem(value: unknown): value is ProblemDetails {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}
