import { ErrorCode } from '@depot/contracts';
import type { ProblemDetailsDto } from '../generated/types.gen';

/**
 * Every error code the API documents, by name (`ErrorCode.SkuTaken === 'CATALOG.SKU_TAKEN'`).
 * Bundled from @depot/contracts when the package is built: the package has no dependency on it.
 */
export { ErrorCode };

/**
 * A code this SDK version knows (`ErrorCode`, with completion), or one a newer server added since
 * (still a plain string, so a `switch` over the known ones keeps compiling).
 */
export type DepotErrorCode = ErrorCode | (string & NonNullable<unknown>);

/** The RFC 9457 body of every Depot error response, with `code` typed. */
export type ProblemDetails = Omit<ProblemDetailsDto, 'code'> & { code?: DepotErrorCode };

/** Base class of every error this SDK throws on purpose. */
export class DepotError extends Error {
  override name = 'DepotError';
}

/** The server answered with an error status; `problem` is its RFC 9457 body. */
export class DepotApiError extends DepotError {
  override name = 'DepotApiError';
  /** HTTP status, e.g. 409. */
  readonly status: number;
  /** Stable machine-readable code such as `CATALOG.SKU_TAKEN`; absent only when the body was not problem+json. */
  readonly code: DepotErrorCode | undefined;
  /** The request id (problem `requestId`, else the `X-Request-Id` header): quote it to the operator. */
  readonly requestId: string | undefined;
  /** The problem body; synthesised (`type: "about:blank"`) when a proxy answered with something else. */
  readonly problem: ProblemDetails;
  /** Seconds to wait before trying again, from `Retry-After`, when the server sent one. */
  readonly retryAfter: number | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(init: {
    status: number;
    problem: ProblemDetails;
    requestId?: string;
    retryAfter?: number;
    method?: string;
    url?: string;
  }) {
    const { status, problem } = init;
    super(`${status}${problem.code ? ` ${problem.code}` : ''}: ${problem.detail ?? problem.title}`);
    this.status = status;
    this.problem = problem;
    this.code = problem.code;
    this.requestId = problem.requestId ?? init.requestId;
    this.retryAfter = init.retryAfter;
    this.method = init.method;
    this.url = init.url;
  }

  /** Builds the error from a response and its already-read body (parsed JSON or text). */
  static fromResponse(response: Response, body: unknown, method?: string, now = Date.now()): DepotApiError {
    return new DepotApiError({
      status: response.status,
      problem: isProblem(body)
        ? body
        : {
            type: 'about:blank',
            title: response.statusText || `HTTP ${response.status}`,
            status: response.status,
            ...(typeof body === 'string' && body.length > 0 ? { detail: body.slice(0, 500) } : {}),
          },
      requestId: response.headers.get('x-request-id') ?? undefined,
      retryAfter: parseRetryAfter(response.headers.get('retry-after'), now),
      method,
      url: response.url || undefined,
    });
  }
}

/** The request never got an answer: connection refused or reset, DNS failure, or a timeout. */
export class DepotNetworkError extends DepotError {
  override name = 'DepotNetworkError';
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(message: string, options: { cause?: unknown; method?: string; url?: string } = {}) {
    super(message, { cause: options.cause });
    this.method = options.method;
    this.url = options.url;
  }
}

/** No answer within the per-request timeout (`timeoutMs`, default 30 s). */
export class DepotTimeoutError extends DepotNetworkError {
  override name = 'DepotTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`No answer within ${timeoutMs} ms`);
  }
}

function isProblem(body: unknown): body is ProblemDetails {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return typeof candidate['status'] === 'number' && typeof candidate['title'] === 'string';
}

/**
 * `Retry-After` as seconds: either delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
