import { ErrorCode, type CompanyRequiredField } from '@depot/contracts';
import { AppError, NotFoundError } from '../../platform/http/app-error';

/** 409 with the fields still to fill in (`missing`), so a client can point the user at them. */
export class CompanySettingsIncompleteError extends AppError {
  constructor(missing: readonly CompanyRequiredField[]) {
    super(
      409,
      ErrorCode.CompanySettingsIncomplete,
      'Conflict',
      `Fill in the company settings before issuing invoices: missing ${missing.join(', ')}.`,
      undefined,
      { missing },
    );
  }
}

export class CompanyLogoNotFoundError extends NotFoundError {
  constructor() {
    super(ErrorCode.CompanyLogoNotFound, 'No company logo has been uploaded (or it has been replaced).');
  }
}
