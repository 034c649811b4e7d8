import { ErrorCode } from '@depot/contracts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../platform/http/app-error';

export class WarehouseNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(ErrorCode.WarehouseNotFound, `No warehouse with id ${id}.`);
  }
}

export class MovementNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(ErrorCode.MovementNotFound, `No stock movement with id ${id}.`);
  }
}

export class WarehouseCodeTakenError extends ConflictError {
  constructor(code: string) {
    super(ErrorCode.WarehouseCodeTaken, `A warehouse with code "${code}" already exists.`);
  }
}

export class WarehouseInactiveError extends ConflictError {
  constructor(code: string) {
    super(ErrorCode.WarehouseInactive, `Warehouse ${code} is inactive and accepts no stock movements.`);
  }
}

export class ProductInactiveError extends ConflictError {
  constructor(sku: string) {
    super(ErrorCode.ProductInactive, `Product ${sku} is archived; its stock cannot be moved.`);
  }
}

/** 409: the movement would take on-hand or available stock below zero. */
export class InsufficientStockError extends AppError {
  constructor(
    detail: string,
    /** What could not be covered, for callers that name their own lines (sales orders). */
    readonly shortages: readonly {
      index: number;
      productId: string;
      sku: string;
      requested: number;
      available: number;
    }[] = [],
  ) {
    super(409, ErrorCode.InsufficientStock, 'Conflict', detail);
  }
}

export class SameWarehouseError extends ValidationError {
  constructor() {
    super(
      [{ field: 'toWarehouseId', message: 'toWarehouseId must differ from fromWarehouseId', code: 'different' }],
      'A transfer needs two different warehouses.',
    );
  }
}
