import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, PROBLEM_CONTENT_TYPE } from '@depot/contracts';
import { buildProblem } from './problem-details';
import { sendProblem } from './problem-details.filter';
import { SECURITY_HEADERS } from './security-headers';

const logger = new Logger('Errors');

/**
 * Fastify's `frameworkErrors`: the router's own refusals (bad percent-encoding, an over-long
 * path parameter) happen before any hook or Nest handler; answer them like every other error.
 */
export function onFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  sendProblem(error, request, reply, logger);
}

const CLIENT_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: ErrorCode.BadRequest, detail: 'The request took too long to arrive.' },
  HPE_HEADER_OVERFLOW: { status: 431, code: ErrorCode.BadRequest, detail: 'The request headers are too large.' },
  HPE_URI_TOO_LONG: { status: 414, code: ErrorCode.UriTooLong, detail: 'The URL is too long.' },
};

/**
 * Fastify's `clientErrorHandler`: requests Node's HTTP parser refuses (malformed request line
 * or headers) never become a request object; write a minimal problem+json and close.
 */
export function onClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = (error.code && CLIENT_ERRORS[error.code]) || {
    status: 400,
    code: ErrorCode.BadRequest,
    detail: 'The request is not valid HTTP.',
  };
  if (socket.writable) {
    const body = JSON.stringify(buildProblem(known));
    const headers = [
      `HTTP/1.1 ${known.status} ${STATUS_CODES[known.status]}`,
      `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      'Connection: close',
      ...SECURITY_HEADERS.map(([name, value]) => `${name}: ${value}`),
    ];
    socket.write(`${headers.join('\r\n')}\r\n\r\n${body}`);
  }
  socket.destroy(error);
}
