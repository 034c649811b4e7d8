/**
 * The few HTTP status codes the UI branches on. (Angular's `HttpStatusCode` enum would put every
 * status name into the initial bundle.)
 */
export const HttpStatus = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  TooManyRequests: 429,
} as const;

export function isClientError(status: number): boolean {
  return status >= 400 && status < 500;
}
