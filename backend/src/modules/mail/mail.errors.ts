import { ErrorCode } from '@depot/contracts';
import { AppError, NotFoundError } from '../../platform/http/app-error';

export class MailDeliveryError extends AppError {
  constructor() {
    super(503, ErrorCode.Unavailable, 'Service Unavailable', 'The e-mail could not be sent; try again in a moment.');
  }
}

export class DevMailNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(ErrorCode.MailNotFound, `No message with id ${id} in the development mailbox.`);
  }
}
