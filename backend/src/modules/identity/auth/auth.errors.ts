import { ErrorCode } from '@depot/contracts';
import { AppError } from '../../../platform/http/app-error';

export class InvalidCredentialsError extends AppError {
  constructor() {
    super(401, ErrorCode.InvalidCredentials, 'Unauthorized', 'Invalid email or password.');
  }
}

export class InvalidRefreshTokenError extends AppError {
  constructor() {
    super(
      401,
      ErrorCode.InvalidRefreshToken,
      'Unauthorized',
      'The refresh token is missing, expired or revoked; sign in again.',
    );
  }
}
