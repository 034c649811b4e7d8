import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@depot/contracts';
import { AppError } from '../http/app-error';
import type { Metrics } from './metrics';

export const METRICS_PATH = '/api/metrics';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /api/metrics` (Prometheus text format) and the request histogram behind it. A plain
 * Fastify route, outside the versioned API and its document; with METRICS_TOKEN set the scraper
 * must send `Authorization: Bearer <token>` (required in production).
 */
export function registerMetrics(fastify: FastifyInstance, metrics: Metrics, token: string | undefined): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url;
    if (route !== METRICS_PATH) {
      metrics.httpRequests.observe(
        { method: request.method, route: route ?? 'unmatched', status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    }
    done();
  });
  fastify.get(METRICS_PATH, async (request, reply) => {
    if (token !== undefined) {
      const header = request.headers.authorization ?? '';
      if (!header.startsWith('Bearer ') || !sameToken(header.slice('Bearer '.length), token)) {
        throw new AppError(401, ErrorCode.Unauthenticated, 'Unauthorized', 'Send the metrics token as a bearer token.');
      }
    }
    const body = await metrics.registry.metrics();
    return reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store').send(body);
  });
}
