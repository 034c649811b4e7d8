import type { FastifyReply, FastifyRequest } from 'fastify';
import { REQUEST_ID_HEADER } from './request-id';
import { SECURITY_HEADERS } from './security-headers';

/**
 * Headers every Depot response carries: the request id, the security headers and, on API
 * answers, `Cache-Control: no-store` unless the route sets its own (responses carry data the
 * caller is authorised for; no shared or browser cache may keep them).
 */
export function applyStandardHeaders(request: FastifyRequest, reply: FastifyReply): void {
  void reply.header(REQUEST_ID_HEADER, request.id);
  for (const [name, value] of SECURITY_HEADERS) void reply.header(name, value);
  if (isApiPath(request.url) && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
}

/** API answers (not the admin UI's files nor Swagger UI's assets). */
function isApiPath(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/docs');
}
