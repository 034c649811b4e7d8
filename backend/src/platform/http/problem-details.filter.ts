import { ArgumentsHost, Catch, ExceptionFilter, Logger, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, PROBLEM_CONTENT_TYPE } from '@depot/contracts';
import { AppError, TooManyRequestsError, VersionConflictError } from './app-error';
import { ifMatchVersionOf, PreconditionFailedError } from './conditional/conditional-requests';
import { mapError } from './error-mapper';
import { RouteRegistry } from './route-registry';
import { applyStandardHeaders } from './standard-headers';
import { SpaFallback } from './spa-fallback';

/** Seconds a client should wait before retrying a 503 (outage, restart, shutdown). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** 405 for a known path asked with a method it does not answer; `Allow` lists the ones it does. */
export class MethodNotAllowedError extends AppError {
  constructor(
    method: string,
    readonly allow: string[],
  ) {
    super(
      405,
      ErrorCode.MethodNotAllowed,
      'Method Not Allowed',
      `${method} is not supported here; use ${allow.join(', ')}.`,
    );
  }
}

/**
 * The one place errors become responses: RFC 9457 problem+json for every failure.
 * Unexpected errors are logged with their stack and answered without internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    private readonly spa: SpaFallback,
    private readonly routes: RouteRegistry,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (isRouteMiss(exception)) {
      if (this.spa.accepts(request)) {
        this.spa.serve(reply);
        return;
      }
      const allow = this.routes.allowedMethods(request.url);
      if (allow.length > 0) exception = new MethodNotAllowedError(request.method, allow);
    }
    // A version conflict under an If-Match precondition is a failed precondition (412).
    if (exception instanceof VersionConflictError && ifMatchVersionOf(request) !== undefined) {
      exception = new PreconditionFailedError();
    }
    sendProblem(exception, request, reply, this.logger);
  }
}

/** Nest's answer when no route matched (as opposed to a handler's own 404). */
function isRouteMiss(exception: unknown): boolean {
  if (!(exception instanceof NotFoundException)) return false;
  const response = exception.getResponse();
  const message = typeof response === 'object' ? (response as { message?: unknown }).message : response;
  return typeof message === 'string' && message.startsWith('Cannot ');
}

export function sendProblem(
  exception: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Pick<Logger, 'error' | 'warn' | 'debug'>,
): void {
  const { problem, unexpected, logAs } = mapError(exception, {
    id: request.id,
    url: request.url,
    method: request.method,
  });
  if (unexpected) {
    logger.error({ err: exception, requestId: request.id, status: problem.status }, 'request failed');
  } else if (logAs === 'warn') {
    logger.warn(
      { requestId: request.id, status: problem.status, code: problem.code, reason: reasonOf(exception) },
      'request refused',
    );
  } else {
    logger.debug({ requestId: request.id, status: problem.status, code: problem.code }, 'request rejected');
  }
  if (reply.sent) return;
  // Errors raised before the request hooks ran (bad URL, body parsing) still get every header.
  applyStandardHeaders(request, reply);
  if (problem.status === 401) void reply.header('www-authenticate', 'Bearer');
  if (problem.status === 503) void reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  if (exception instanceof TooManyRequestsError) void reply.header('retry-after', String(exception.retryAfterSeconds));
  if (exception instanceof MethodNotAllowedError) void reply.header('allow', exception.allow.join(', '));
  void reply.status(problem.status).header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`).send(problem);
}

/** Why the database refused, without the message (which can quote the request's values). */
function reasonOf(exception: unknown): string | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { name, code, driverError } = exception as { name?: unknown; code?: unknown; driverError?: unknown };
  const driverCode = (driverError as { code?: unknown } | undefined)?.code;
  return [name, code, driverCode].filter((part) => typeof part === 'string').join(' ');
}
