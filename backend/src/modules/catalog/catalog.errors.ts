import { ErrorCode } from '@depot/contracts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/http/app-error';

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

export class BarcodeTakenError extends ConflictError {
  constructor(barcode: string) {
    super(ErrorCode.BarcodeTaken, `Another product already has barcode ${barcode}.`);
  }
}

/** A product refers to a category that does not exist. */
export class UnknownCategoryError extends ValidationError {
  constructor() {
    super(
      [{ field: 'categoryId', message: 'no category with this id', code: 'exists' }],
      'The category does not exist.',
    );
  }
}

/** A product names a preferred supplier that does not exist or is not a supplier. */
export class UnknownSupplierError extends ValidationError {
  constructor() {
    super(
      [{ field: 'preferredSupplierId', message: 'no supplier with this id', code: 'exists' }],
      'The preferred supplier does not exist.',
    );
  }
}

export class CategoryNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(ErrorCode.CategoryNotFound, `No category with id ${id}.`);
  }
}

export class CategoryCycleError extends ConflictError {
  constructor() {
    super(ErrorCode.CategoryCycle, 'A category cannot be moved into itself or one of its descendants.');
  }
}

export class CategoryTooDeepError extends ConflictError {
  constructor(maxDepth: number) {
    super(ErrorCode.CategoryTooDeep, `Categories may be nested at most ${maxDepth} levels deep.`);
  }
}

export class CategoryNotEmptyError extends ConflictError {
  constructor(children: number, products: number) {
    super(
      ErrorCode.CategoryNotEmpty,
      `The category still holds ${children} categor${children === 1 ? 'y' : 'ies'} and ${products} product${products === 1 ? '' : 's'}; move or delete them first.`,
    );
  }
}

export class CategoryNameTakenError extends ConflictError {
  constructor(name: string) {
    super(ErrorCode.CategoryNameTaken, `A category named "${name}" already exists at this level.`);
  }
}
