import { AsyncResource } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ClsService } from 'nestjs-cls';
import type { RequestContext } from './request-context';

const SCOPE = Symbol('depot.requestScope');
type ScopedRequest = FastifyRequest & { [SCOPE]?: AsyncResource };

/**
 * Opens the request's context (nestjs-cls, i.e. AsyncLocalStorage) in Fastify's own `onRequest`
 * hook instead of an Express-style middleware run through @fastify/middie. Fastify parses the
 * body from the socket's events, outside that context, so the context is entered again before
 * validation (the pattern of @fastify/request-context): guards, handlers, transactions and audit
 * rows all see the same store. Set here once: the request id; the client IP (which may mean
 * walking X-Forwarded-For) and user agent are read only when asked for (audit rows).
 */
export function registerRequestContext(fastify: FastifyInstance, cls: ClsService<RequestContext>): void {
  fastify.addHook('onRequest', (request: ScopedRequest, _reply, done) => {
    const store: RequestContext = {
      requestId: request.id,
      get ip() {
        return request.ip;
      },
      get userAgent() {
        return request.headers['user-agent']?.slice(0, 300);
      },
    };
    cls.runWith(store, () => {
      const scope = new AsyncResource('depot.request');
      request[SCOPE] = scope;
      scope.runInAsyncScope(done);
    });
  });
  fastify.addHook('preValidation', (request: ScopedRequest, _reply, done) => {
    const scope = request[SCOPE];
    if (scope) scope.runInAsyncScope(done);
    else done();
  });
}
