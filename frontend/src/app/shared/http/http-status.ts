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
  BadGateway: 502,
  ServiceUnavailable: 503,
  GatewayTimeout: 504,
} as const;

/**
 * Whether a status says "Depot is not there right now" rather than anything about the request:
 * no answer at all (status 0: network failure, server restarting), a proxy that found no server
 * (502, 504), or the server itself unable to serve (503, e.g. its database is unreachable).
 */
export function isOutageStatus(status: number): boolean {
  return (
    status === 0 ||
    status === HttpStatus.BadGateway ||
    status === HttpStatus.ServiceUnavailable ||
    status === HttpStatus.GatewayTimeout
  );
}
