import { ErrorCode } from '@depot/contracts';
import { AppError, ConflictError, NotFoundError } from '../../platform/http/app-error';

/** 409: the action is not allowed in the order's current status. */
export class InvalidTransitionError extends ConflictError {
  constructor(kind: 'purchase order' | 'sales order', number: string, status: string, action: string) {
    super(ErrorCode.InvalidOrderTransition, `Cannot ${action} ${kind} ${number}: it is ${status.replace(/_/g, ' ')}.`);
  }
}

export class PurchaseOrderNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(ErrorCode.PurchaseOrderNotFound, `No purchase order with id ${id}.`);
  }
}

export class SalesOrderNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(ErrorCode.SalesOrderNotFound, `No sales order with id ${id}.`);
  }
}

/** 409: a receipt or shipment asks for more than the line has open, or names another order's line. */
export class LineQuantityExceededError extends ConflictError {
  constructor(detail: string) {
    super(ErrorCode.OrderLineQuantityExceeded, detail);
  }
}

/** 400: a line's product has no price/cost in the order's currency and none was given. */
export class CurrencyMismatchError extends AppError {
  constructor(sku: string, currency: string) {
    super(
      400,
      ErrorCode.CurrencyMismatch,
      'Bad Request',
      `Product ${sku} is not priced in ${currency}; give the line's amount explicitly.`,
    );
  }
}
