export {
  DEFAULT_IDEMPOTENCY_EXCLUSIONS,
  isIdempotencyExcluded,
  DepotClient,
  type BodyOf,
  type DepotClientOptions,
  type QueryOf,
  type SessionTokens,
} from './depot-client';
export {
  DepotApiError,
  DepotError,
  DepotNetworkError,
  DepotTimeoutError,
  ErrorCode,
  parseRetryAfter,
  type DepotErrorCode,
  type ProblemDetails,
} from './errors';
export { Paginated, type Page } from './pagination';
export { DEFAULT_RETRY, type RetryOptions } from './retry';
export type {
  CallArgs,
  CallOptions,
  CallSettings,
  ItemOf,
  ListQuery,
  OperationData,
  OperationFn,
  OperationOptions,
} from './types';
export {
  verifyWebhook,
  WebhookVerificationError,
  type VerifyWebhookOptions,
  type WebhookEvent,
  type WebhookEventType,
  type WebhookHeaders,
  type WebhookVerificationFailure,
} from './webhooks';
