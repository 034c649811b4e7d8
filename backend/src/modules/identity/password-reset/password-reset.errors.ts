import { ErrorCode } from '@depot/contracts';
import { AppError } from '../../../platform/http/app-error';

/** One answer for unknown, used and expired links, so a token's history is not revealed. */
export class InvalidPasswordTokenError extends AppError {
  constructor() {
    super(
      400,
      ErrorCode.InvalidPasswordToken,
      'Bad Request',
      'This link is invalid, already used or expired. Ask for a new one.',
    );
  }
}
