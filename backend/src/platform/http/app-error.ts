import { ErrorCode, type FieldError } from '@depot/contracts';

/**
 * A business or request error with a stable code. The global filter turns it into
 * problem+json with `status`, `title`, `detail` and `code`.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    /** Extra problem members (RFC 9457 extensions), e.g. an import's report. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail ?? title);
    this.name = 'AppError';
  }
}

export class NotFoundError extends AppError {
  constructor(code: string, detail: string) {
    super(404, code, 'Not Found', detail);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, detail: string) {
    super(409, code, 'Conflict', detail);
  }
}

export class VersionConflictError extends ConflictError {
  constructor(entity: string, expectedVersion: number) {
    super(
      ErrorCode.VersionConflict,
      `The ${entity} was changed by someone else (your version ${expectedVersion} is stale). Reload it and apply your change again.`,
    );
  }
}

/** 403: the caller may use the endpoint, but not in the way this request asks. */
export class ForbiddenError extends AppError {
  constructor(detail: string) {
    super(403, ErrorCode.Forbidden, 'Forbidden', detail);
  }
}

export class ValidationError extends AppError {
  constructor(errors: FieldError[], detail = 'The request has invalid fields.') {
    super(400, ErrorCode.ValidationFailed, 'Bad Request', detail, errors);
  }
}

/** 429 with the number of seconds to wait, sent as `Retry-After`. */
export class TooManyRequestsError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    detail = 'Too many attempts; wait before trying again.',
  ) {
    super(429, ErrorCode.TooManyRequests, 'Too Many Requests', detail);
  }
}
