import { ErrorCode } from '@depot/contracts';
import { ConflictError } from '../../platform/http/app-error';

/** 409: the record is not at a stage that has this document (e.g. a draft order's confirmation). */
export class DocumentNotAvailableError extends ConflictError {
  constructor(detail: string) {
    super(ErrorCode.DocumentNotAvailable, detail);
  }
}
