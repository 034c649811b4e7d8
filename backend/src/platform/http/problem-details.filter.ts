import { ArgumentsHost, Catch, ExceptionFilter, Logger, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '@depot/contracts';
import { TooManyRequestsError } from './app-error';
import { mapError } from './error-mapper';
import { SpaFallback } from './spa-fallback';

/**
 * The one place errors become responses: RFC 9457 problem+json for every failure.
 * Unexpected errors are logged with their stack and answered without internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly spa: SpaFallback) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (exception instanceof NotFoundException && this.spa.accepts(request)) {
      this.spa.serve(reply);
      return;
    }
    sendProblem(exception, request, reply, this.logger);
  }
}

export function sendProblem(
  exception: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Pick<Logger, 'error' | 'debug'>,
): void {
  const { problem, unexpected } = mapError(exception, { id: request.id, url: request.url, method: request.method });
  if (unexpected) {
    logger.error({ err: exception, requestId: request.id, status: problem.status }, 'request failed');
  } else {
    logger.debug({ requestId: request.id, status: problem.status, code: problem.code }, 'request rejected');
  }
  if (reply.sent) return;
  if (problem.status === 401) void reply.header('www-authenticate', 'Bearer');
  if (problem.status === 503) void reply.header('retry-after', '5');
  if (exception instanceof TooManyRequestsError) void reply.header('retry-after', String(exception.retryAfterSeconds));
  void reply.status(problem.status).header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`).send(problem);
}
