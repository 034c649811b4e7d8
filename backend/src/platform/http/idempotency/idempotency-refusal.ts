import type { FastifyInstance } from 'fastify';
import { routeOptionsOf } from '../route-options';
import { IdempotencyNotSupportedError } from './idempotency.errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * An `Idempotency-Key` is never silently ignored: a state-changing request that carries one to an
 * operation without `@Idempotent()` (sign-in, refresh, password and MFA changes, operations whose
 * answer shows a secret once) gets 400 `REQUEST.IDEMPOTENCY_NOT_SUPPORTED` before it acts, so the
 * client does not believe a retry is safe when it is not.
 */
export function registerIdempotencyRefusal(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (
      request.headers['idempotency-key'] !== undefined &&
      !SAFE_METHODS.has(request.method) &&
      request.routeOptions.url !== undefined &&
      routeOptionsOf(request.routeOptions.config).idempotent !== true
    ) {
      done(new IdempotencyNotSupportedError());
      return;
    }
    done();
  });
}
