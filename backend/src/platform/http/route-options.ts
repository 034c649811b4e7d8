import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';

/**
 * Per-route HTTP behaviour that Depot's Fastify hooks read from `request.routeOptions.config`
 * (cheaper than a Nest interceptor per request, and it also applies to answers an interceptor
 * never sees, such as idempotent replays).
 */
export interface DepotRouteOptions {
  /** Honours `Idempotency-Key` (see `@Idempotent()`); others refuse the header. */
  idempotent?: boolean;
  /** `Location` of a 201: a path with `{field.path}` placeholders filled from the response body. */
  location?: string;
  /** Send a strong `ETag` on 200 answers and answer `If-None-Match` with 304. */
  etag?: boolean;
  /** Accept `If-Match` (the ETag's version) as the precondition of this change: 412 when stale. */
  ifMatch?: boolean;
}

/** Merges options into the route's Fastify config (several decorators may each add some). */
export function DepotRoute(options: DepotRouteOptions): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const existing =
      (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as DepotRouteOptions | undefined) ?? {};
    Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...existing, ...options }, handler);
    return descriptor;
  };
}

export function routeOptionsOf(config: unknown): DepotRouteOptions {
  return config ?? {};
}
