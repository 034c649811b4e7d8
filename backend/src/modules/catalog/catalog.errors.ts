import { ErrorCode } from '@depot/contracts';
import { ConflictError, NotFoundError } from '../../platform/http/app-error';

export class ProductNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(ErrorCode.ProductNotFound, `No product with id ${id}.`);
  }
}

export class SkuTakenError extends ConflictError {
  constructor(sku: string) {
    super(ErrorCode.SkuTaken, `A product with SKU "${sku}" already exists (SKUs are compared case-insensitively).`);
  }
}
