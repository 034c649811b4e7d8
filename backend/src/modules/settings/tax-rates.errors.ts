import { ErrorCode } from '@depot/contracts';
import { ConflictError, NotFoundError } from '../../platform/http/app-error';

export class TaxRateNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(ErrorCode.TaxRateNotFound, `No tax rate with id ${id}.`);
  }
}

/** Two rates of one class would apply on the same day: which one would a sales line get? */
export class TaxRateOverlapError extends ConflictError {
  constructor(taxClass: string, other: { name: string; validFrom: string; validTo: string | null }) {
    super(
      ErrorCode.TaxRateOverlap,
      `The ${taxClass} class already has "${other.name}" from ${other.validFrom}` +
        `${other.validTo ? ` until ${other.validTo}` : ''}; rates of one class may not apply on the same day.`,
    );
  }
}
