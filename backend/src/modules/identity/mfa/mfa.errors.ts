import { ErrorCode } from '@depot/contracts';
import { AppError, ConflictError } from '../../../platform/http/app-error';

/** Sign-in: the password was right, the account also needs its second factor. */
export class MfaRequiredError extends AppError {
  constructor() {
    super(401, ErrorCode.MfaRequired, 'Unauthorized', 'Enter the code from your authenticator app.');
  }
}

/** Sign-in: the second factor was wrong, already used or expired. */
export class InvalidMfaCodeError extends AppError {
  constructor() {
    super(
      401,
      ErrorCode.InvalidMfaCode,
      'Unauthorized',
      'The code is not valid. Enter the current code from your authenticator app, or an unused recovery code.',
    );
  }
}

/** Enrolment: the confirmation code does not match the new secret (400: the caller is signed in). */
export class InvalidEnrolmentCodeError extends AppError {
  constructor() {
    super(400, ErrorCode.InvalidMfaCode, 'Bad Request', 'The code does not match; check the time on your device.', [
      { field: 'code', message: 'code does not match the authenticator app', code: 'totp' },
    ]);
  }
}

export class MfaAlreadyEnabledError extends ConflictError {
  constructor() {
    super(ErrorCode.MfaAlreadyEnabled, 'Two-step verification is already on; turn it off first to set it up again.');
  }
}

export class MfaNotSetUpError extends ConflictError {
  constructor() {
    super(ErrorCode.MfaNotSetUp, 'Start the setup first: there is no authenticator secret to confirm.');
  }
}
