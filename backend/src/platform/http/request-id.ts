import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';
// Accept a caller's id only if it cannot forge log lines or headers.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
// Fastify and the HTTP logger both ask for the id of the same raw request: answer both alike.
const assigned = new WeakMap<IncomingMessage, string>();

/** Keeps a well-formed incoming X-Request-Id, otherwise makes one. Stable per request. */
export function requestIdFor(req: IncomingMessage): string {
  const known = assigned.get(req);
  if (known) return known;
  const incoming = req.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  const id = value && SAFE_REQUEST_ID.test(value) ? value : randomUUID();
  assigned.set(req, id);
  return id;
}
