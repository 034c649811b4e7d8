import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, IMPORT_LIMITS } from '@depot/contracts';
import { AppError } from '../app-error';

/**
 * Up to this many bytes past a refused body are read and thrown away, so the client (which is
 * still sending) gets the 413 answer on a connection that stays open. Fastify's own body-limit
 * check closes the connection at once, and a client still writing its body then fails with
 * EPIPE instead of reading the answer. Beyond this size reading on is not worth it: the
 * connection is closed as before.
 */
export const DRAIN_REFUSED_BODY_BYTES = 16 * 1024 * 1024;

/** The body limit Fastify applies to this request (CSV imports have their own, larger one). */
function bodyLimitOf(request: FastifyRequest): number {
  const contentType = request.headers['content-type']?.toLowerCase() ?? '';
  return contentType.startsWith('text/csv') ? IMPORT_LIMITS.maxBytes : request.routeOptions.bodyLimit;
}

/**
 * A body whose declared Content-Length is over the limit is refused before anything reads it
 * (413 problem+json); Fastify's check while parsing stays as the backstop for chunked bodies.
 */
export function refuseDeclaredOversizeBody(request: FastifyRequest, reply: FastifyReply): AppError | undefined {
  const declared = Number(request.headers['content-length']);
  if (!Number.isFinite(declared) || declared <= bodyLimitOf(request)) return undefined;
  if (declared > DRAIN_REFUSED_BODY_BYTES) void reply.header('connection', 'close');
  return new AppError(
    413,
    ErrorCode.PayloadTooLarge,
    'Payload Too Large',
    `The request body is larger than the server accepts (${bodyLimitOf(request)} bytes).`,
  );
}
