import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiExtension, ApiHeader, ApiResponse } from '@nestjs/swagger';
import { EXTENSIONS } from '../../openapi/document/extensions';
import type { FastifyRequest } from 'fastify';
import { DepotRoute } from '../route-options';
import { ifMatchVersionOf } from './conditional-requests';

/** 201 answers carry `Location`: the path of the created record, filled from the response body. */
export function CreatedLocation(template: string): MethodDecorator {
  return DepotRoute({ location: template });
}

/** Reads of a single record: `ETag`, and 304 for a matching `If-None-Match`. */
export function ETagged(): MethodDecorator {
  return applyDecorators(
    DepotRoute({ etag: true }),
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'An ETag you hold: 304 Not Modified (no body) when the record is unchanged.',
      schema: { type: 'string' },
    }),
    ApiExtension(EXTENSIONS.etag, true),
    ApiResponse({ status: 304, description: 'Not modified since the ETag in If-None-Match.' }),
  );
}

/** Changes of a versioned record: `If-Match` (the ETag read) as the precondition; the answer's new `ETag`. */
export function IfMatch(options: { etag?: boolean } = { etag: true }): MethodDecorator {
  return applyDecorators(
    DepotRoute({ ifMatch: true, etag: options.etag }),
    ...(options.etag ? [ApiExtension(EXTENSIONS.etag, true)] : []),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'The ETag you read. The change applies only if the record is still at that version, else 412; ' +
        'it may replace `version` in the body.',
      schema: { type: 'string', example: '"v3.Jq5m0Zc1bW9rT2xL"' },
    }),
  );
}

/** The version `If-Match` asked for (undefined without the header or with `*`), for handlers that need it. */
export const IfMatchVersion = createParamDecorator((_data: unknown, context: ExecutionContext): number | undefined =>
  ifMatchVersionOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
