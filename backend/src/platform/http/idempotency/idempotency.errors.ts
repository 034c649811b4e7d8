import { ErrorCode } from '@depot/contracts';
import { AppError, ConflictError, ValidationError } from '../app-error';

export class IdempotencyKeyInProgressError extends ConflictError {
  constructor() {
    super(
      ErrorCode.IdempotencyKeyInProgress,
      'A request with this Idempotency-Key is still being processed; retry shortly to get its result.',
    );
  }
}

export class IdempotencyKeyReusedError extends AppError {
  constructor() {
    super(
      422,
      ErrorCode.IdempotencyKeyReused,
      'Unprocessable Content',
      'This Idempotency-Key was already used with a different request; use a new key for a new request.',
    );
  }
}

export class InvalidIdempotencyKeyError extends ValidationError {
  constructor() {
    super(
      [
        {
          field: 'Idempotency-Key',
          message: 'Idempotency-Key must be 1 to 255 visible ASCII characters',
          code: 'format',
        },
      ],
      'The Idempotency-Key header is malformed.',
    );
  }
}

export class IdempotencyNotSupportedError extends AppError {
  constructor() {
    super(
      400,
      ErrorCode.IdempotencyNotSupported,
      'Bad Request',
      'This operation cannot honour an Idempotency-Key (its answer carries a secret shown once, or a new session); send it without the header.',
    );
  }
}
