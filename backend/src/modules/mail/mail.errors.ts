import { ErrorCode } from '@depot/contracts';
import { ConflictError, NotFoundError } from '../../platform/http/app-error';

export class DevMailNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(ErrorCode.MailNotFound, `No message with id ${id} in the development mailbox.`);
  }
}

export class MailMessageNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(ErrorCode.MailNotFound, `No outgoing message with id ${id}.`);
  }
}

export class MailNotRetryableError extends ConflictError {
  constructor(status: string) {
    super(ErrorCode.MailNotRetryable, `Only a failed message can be sent again; this one is ${status}.`);
  }
}
