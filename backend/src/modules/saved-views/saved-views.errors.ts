import { ErrorCode, SAVED_VIEW_LIMITS } from '@depot/contracts';
import { AppError, ConflictError, NotFoundError } from '../../platform/http/app-error';

export class SavedViewNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(ErrorCode.SavedViewNotFound, `No saved view with id ${id}.`);
  }
}

export class SavedViewNotOwnerError extends AppError {
  constructor(name: string) {
    super(
      403,
      ErrorCode.SavedViewNotOwner,
      'Forbidden',
      `Only the owner of the view "${name}" or an administrator may change it.`,
    );
  }
}

export class SavedViewLimitReachedError extends ConflictError {
  constructor() {
    super(
      ErrorCode.SavedViewLimitReached,
      `You already have ${SAVED_VIEW_LIMITS.maxViewsPerList} views for this list; delete one first.`,
    );
  }
}
