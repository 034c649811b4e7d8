import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorCode } from '@depot/contracts';
import { AppError } from '../app-error';
import { routeOptionsOf } from '../route-options';
import { entityTag, noneMatch, versionOfIfMatch } from './entity-tag';

const IF_MATCH_VERSION = Symbol('depot.ifMatchVersion');
type WithIfMatch = FastifyRequest & { [IF_MATCH_VERSION]?: number };

export class PreconditionFailedError extends AppError {
  constructor(detail = 'The record changed since the version in If-Match; read it again and reapply your change.') {
    super(412, ErrorCode.PreconditionFailed, 'Precondition Failed', detail);
  }
}

/** A delete under `If-Match`: refuse it (412) unless the record is still at the version read. */
export function assertExpectedVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && current !== expected) throw new PreconditionFailedError();
}

/** The version the request's `If-Match` asked for, when the route accepts one. */
export function ifMatchVersionOf(request: FastifyRequest): number | undefined {
  return (request as WithIfMatch)[IF_MATCH_VERSION];
}

function fill(template: string, body: unknown): string | undefined {
  let missing = false;
  const path = template.replace(/\{([\w.]+)\}/g, (_all, field: string) => {
    let value: unknown = body;
    for (const part of field.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
    if (typeof value !== 'string' && typeof value !== 'number') missing = true;
    return encodeURIComponent(String(value));
  });
  return missing ? undefined : path;
}

function parse(payload: unknown): unknown {
  if (typeof payload !== 'string') return undefined;
  try {
    return JSON.parse(payload);
  } catch {
    return undefined;
  }
}

/**
 * `Location` on 201, `ETag` with `If-None-Match` → 304 on reads, `If-Match` as the precondition of
 * changes (see DepotRouteOptions). If-Match carries the version the client read: a PATCH may leave
 * `version` out of its body and send If-Match instead; a stale one answers 412 (the filter turns
 * the service's version conflict into 412 when the precondition came from If-Match).
 */
export function registerConditionalRequests(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    const header = request.headers['if-match'];
    if (header === undefined || !routeOptionsOf(request.routeOptions.config).ifMatch) {
      done();
      return;
    }
    const version = versionOfIfMatch(header);
    if (version === null) {
      done(new PreconditionFailedError('If-Match names no version of this record; use the ETag you read.'));
      return;
    }
    if (version === '*') {
      done();
      return;
    }
    (request as WithIfMatch)[IF_MATCH_VERSION] = version;
    const body = request.body as Record<string, unknown> | undefined;
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      if (body.version === undefined) body.version = version;
      else if (body.version !== version) {
        done(new PreconditionFailedError('If-Match and the body name different versions.'));
        return;
      }
    }
    done();
  });

  fastify.addHook('onSend', (request, reply, payload, done) => {
    const options = routeOptionsOf(request.routeOptions.config);
    if (options.location && reply.statusCode === 201 && !reply.hasHeader('location')) {
      const location = fill(options.location, parse(payload));
      if (location) void reply.header('location', location);
    }
    if (options.etag && reply.statusCode === 200 && typeof payload === 'string') {
      const tag = entityTag(payload, (parse(payload) as { version?: unknown } | undefined)?.version);
      void reply.header('etag', tag);
      const ifNoneMatch = request.headers['if-none-match'];
      if ((request.method === 'GET' || request.method === 'HEAD') && ifNoneMatch && noneMatch(ifNoneMatch, tag)) {
        void reply.code(304).removeHeader('content-type').removeHeader('content-length');
        done(null, '');
        return;
      }
    }
    done(null, payload);
  });
}
