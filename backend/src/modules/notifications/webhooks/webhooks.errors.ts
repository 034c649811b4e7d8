import { ErrorCode } from '@depot/contracts';
import { NotFoundError, ValidationError } from '../../../platform/http/app-error';

export class WebhookNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(ErrorCode.WebhookNotFound, `No webhook endpoint with id ${id}.`);
  }
}

export class WebhookDeliveryNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(ErrorCode.WebhookDeliveryNotFound, `No delivery with id ${id}.`);
  }
}

export class UnsafeWebhookUrlError extends ValidationError {
  constructor(message: string) {
    super([{ field: 'url', message, code: 'safeUrl' }], 'The webhook URL is not allowed.');
  }
}
