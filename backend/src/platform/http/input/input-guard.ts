import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@depot/contracts';
import { AppError, ValidationError } from '../app-error';
import { inspectParameters } from './inspect-input';
import { refuseDeclaredOversizeBody } from './declared-body-size';

/**
 * Request-level input rules that hold for every route, checked before authentication and
 * validation: no compressed or otherwise encoded bodies (Depot does not decode them, so the
 * bytes would be misread), and no control characters in query parameters or path segments.
 * JSON bodies are checked by the JSON parser itself; a body declared larger than the limit is
 * refused before it is read (declared-body-size.ts).
 */
export function registerInputGuard(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      done(
        new AppError(
          415,
          ErrorCode.UnsupportedMediaType,
          'Unsupported Media Type',
          'Content-Encoding is not supported; send the body uncompressed.',
        ),
      );
      return;
    }
    done(refuseDeclaredOversizeBody(request, reply));
  });
  fastify.addHook('preValidation', (request, _reply, done) => {
    const errors = [
      ...inspectParameters(request.params as Record<string, unknown>),
      ...inspectParameters(request.query as Record<string, unknown>),
    ];
    done(errors.length > 0 ? new ValidationError(errors) : undefined);
  });
}
