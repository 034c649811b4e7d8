import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';
// Accept a caller's id only if it cannot forge log lines or headers.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Keeps a well-formed incoming X-Request-Id, otherwise makes one (Fastify's `genReqId`, once per request). */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SAFE_REQUEST_ID.test(value) ? value : randomUUID();
}
