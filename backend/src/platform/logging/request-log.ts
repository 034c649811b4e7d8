import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/** Probes are polled every few seconds by orchestrators: logging them would drown the rest. */
const isProbe = (url: string): boolean => url.startsWith('/api/health');

/**
 * One line per request, written when the response has been sent, from Fastify's own
 * `onResponse` hook (no per-request child logger, no middleware): id, method, path (query strings
 * may carry search terms or tokens), status and duration. 5xx answers are logged as errors.
 */
export function registerRequestLog(fastify: FastifyInstance, root: Logger): void {
  if (!root.isLevelEnabled('info')) return;
  // Every field of these lines is chosen here (no header, body or query string), so the
  // redaction pass the application's lines go through (half the cost of a line) is skipped.
  const logger = root.child({}, { redact: { paths: [] } });
  fastify.addHook('onResponse', (request, reply, done) => {
    const url = request.url;
    if (!isProbe(url)) {
      const status = reply.statusCode;
      const query = url.indexOf('?');
      logger[status >= 500 ? 'error' : 'info'](
        {
          requestId: request.id,
          req: { method: request.method, url: query === -1 ? url : url.slice(0, query) },
          res: { statusCode: status },
          responseTime: Math.round(reply.elapsedTime * 10) / 10,
        },
        status >= 500 ? 'request errored' : 'request completed',
      );
    }
    done();
  });
}
