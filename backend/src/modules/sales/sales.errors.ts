import { ErrorCode, type ShortLineDto } from '@depot/contracts';
import { AppError, ConflictError, NotFoundError } from '../../platform/http/app-error';

/** 409 on confirm: the lines that cannot be reserved, each with what is available. */
export class OrderLinesShortError extends AppError {
  constructor(number: string, shortLines: ShortLineDto[]) {
    super(
      409,
      ErrorCode.OrderLinesShort,
      'Conflict',
      `Sales order ${number} cannot be confirmed; not enough stock for ` +
        shortLines.map((line) => `${line.sku} (requested ${line.requested}, available ${line.available})`).join(', ') +
        '.',
      undefined,
      { shortLines },
    );
  }
}

export class InvoiceNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(ErrorCode.InvoiceNotFound, `No invoice with id ${id}.`);
  }
}

/** 409: a payment or credit note beyond what the invoice still owes. */
export class InvoiceOverpaidError extends ConflictError {
  constructor(detail: string) {
    super(ErrorCode.InvoiceOverpaid, detail);
  }
}

/** 409: payments and credit notes apply to invoices, not to credit notes. */
export class InvoiceNotPayableError extends ConflictError {
  constructor(number: string) {
    super(ErrorCode.InvoiceNotPayable, `${number} is a credit note; payments and credits apply to invoices.`);
  }
}
