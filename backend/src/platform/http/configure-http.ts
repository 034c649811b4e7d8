import type { FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { VersioningType, type INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { COMPANY_LIMITS, COMPANY_LOGO_PATH, IMPORT_LIMITS } from '@depot/contracts';
import type { AppConfig } from '../config/app-config';
import { buildAsyncApiDocument, mountAsyncApi } from '../asyncapi/asyncapi';
import { buildOpenApiDocument, mountSwaggerUi } from '../openapi/openapi';
import { registerConditionalRequests } from './conditional/conditional-requests';
import { registerIdempotencyRefusal } from './idempotency/idempotency-refusal';
import { registerInputGuard } from './input/input-guard';
import { Metrics } from '../observability/metrics';
import { registerMetrics } from '../observability/metrics-route';
import { registerJsonBodyParser } from './input/json-body-parser';
import { RouteRegistry } from './route-registry';
import { ADMIN_UI_DIR, SpaFallback } from './spa-fallback';
import { applyStandardHeaders } from './standard-headers';
import { ErrorCode } from '@depot/contracts';
import { ServerState } from '../lifecycle/server-state';
import { AppError } from './app-error';
import { ClsService } from 'nestjs-cls';
import type { Logger } from 'pino';
import { registerRequestContext } from '../context/request-context-hooks';
import { registerReadYourWrites } from '../database/read-your-writes.hook';
import { RecentWriters } from '../database/recent-writers';
import { ROOT_LOGGER } from '../logging/logging.module';
import { registerRequestLog } from '../logging/request-log';

/** `/api` prefix and URI versioning: controllers declare `version: '1'` and answer under `/api/v1`. */
export function configureRouting(app: INestApplication): void {
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
}

function cacheControlFor(file: string): string {
  // A precompressed copy (`main-X.js.br`) is cached like the file it stands for.
  const path = file.replace(/\.(br|gz)$/, '');
  if (path.endsWith('.html')) return 'no-cache';
  return /-[A-Z0-9]{8,}\.(js|css|woff2?)$/i.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
}

/** Response headers a cross-origin client may read (beyond the CORS-safelisted ones). */
export const CORS_EXPOSED_HEADERS = [
  'Location',
  'ETag',
  'Retry-After',
  'Idempotent-Replayed',
  'Content-Disposition',
  'RateLimit',
  'RateLimit-Policy',
  'X-Request-Id',
];

/** Request headers a cross-origin client may send (the preflight refuses others). */
export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'If-Match',
  'If-None-Match',
  'X-Request-Id',
  'X-API-Key',
];

/** How long a browser may reuse a preflight answer (Chromium caps it at 2 hours). */
export const CORS_MAX_AGE_SECONDS = 3600;

/** A worker replica answers only its probes and metrics; the API lives on the web replicas. */
function registerWorkerOnlyRoutes(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const open = request.url.startsWith('/api/health') || request.url.startsWith('/api/metrics');
    done(
      open
        ? undefined
        : new AppError(
            404,
            ErrorCode.NotFound,
            'Not Found',
            'This instance is a worker (DEPOT_ROLE=worker): the API is served by the web replicas.',
          ),
    );
  });
}

function shuttingDown(): AppError {
  return new AppError(503, ErrorCode.Unavailable, 'Service Unavailable', 'The server is shutting down; retry.');
}

/**
 * Everything HTTP around the Nest routes: `/api/v1` prefix, security headers, CORS, cookies,
 * request ids, input limits, problem+json for errors Fastify raises itself, Swagger UI and the
 * admin UI.
 */
export async function configureHttp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();

  configureRouting(app);

  // Known paths, so a wrong method gets 405 + Allow instead of 404 (routes are added at init).
  const routes = app.get(RouteRegistry);
  fastify.addHook('onRoute', (route) => routes.add(route.method, route.url));

  // First: everything after it (hooks, guards, handlers, logs) runs in the request's context.
  registerRequestContext(fastify, app.get(ClsService));
  registerRequestLog(fastify, app.get<Logger>(ROOT_LOGGER));

  const state = app.get(ServerState);
  fastify.addHook('onRequest', (request, reply, done) => {
    applyStandardHeaders(request, reply);
    // Arrived after SIGTERM on a kept-alive connection: answer 503 and close the connection.
    done(state.closing ? shuttingDown() : undefined);
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    // Requests accepted before SIGTERM finish normally, then their connection closes.
    if (state.closing) void reply.header('connection', 'close');
    done(null, payload);
  });
  if (config.role === 'worker') registerWorkerOnlyRoutes(fastify);
  registerInputGuard(fastify);
  if (config.metrics.enabled) registerMetrics(fastify, app.get(Metrics), config.metrics.token);
  registerIdempotencyRefusal(fastify);
  registerConditionalRequests(fastify);
  registerJsonBodyParser(fastify);
  if (config.database.read.url !== undefined) registerReadYourWrites(fastify, app.get(RecentWriters));
  // The API speaks JSON only: anything else is refused with 415 before it reaches a handler.
  fastify.removeContentTypeParser(['text/plain']);
  // ...except CSV files sent to the import endpoints (with their own, larger size limit).
  fastify.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: IMPORT_LIMITS.maxBytes },
    (request, body, done) => {
      if (!request.url.startsWith('/api/v1/imports/')) {
        done(
          Object.assign(new Error('Unsupported Media Type'), {
            statusCode: 415,
            code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
          }),
        );
        return;
      }
      done(null, body);
    },
  );

  // ...and the company logo, as the image file itself (checked and size-limited by the handler).
  fastify.addContentTypeParser(
    COMPANY_LIMITS.logoTypes as unknown as string[],
    { parseAs: 'buffer' },
    (request, body, done) => {
      if (request.url.split('?')[0] !== COMPANY_LOGO_PATH) {
        done(
          Object.assign(new Error('Unsupported Media Type'), {
            statusCode: 415,
            code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
          }),
        );
        return;
      }
      done(null, body);
    },
  );

  // Cookies matter to the auth endpoints only, which parse the header themselves
  // (refresh-cookie.ts): no parsing hook on every request.
  await app.register(fastifyCookie, { hook: false });
  // CORS only when a browser origin is allowed to call: without CORS_ORIGINS the admin UI is
  // same-origin and no preflight may succeed, so no per-request CORS hook is needed at all.
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.http.corsOrigins,
      credentials: true,
      allowedHeaders: CORS_ALLOWED_HEADERS,
      exposedHeaders: CORS_EXPOSED_HEADERS,
      maxAge: CORS_MAX_AGE_SECONDS,
    });
  }

  if (config.http.swaggerEnabled) {
    mountSwaggerUi(app, buildOpenApiDocument(app));
    mountAsyncApi(app, buildAsyncApiDocument());
  }

  if (app.get(SpaFallback).available) {
    await app.register(fastifyStatic, {
      root: ADMIN_UI_DIR,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // `.br`/`.gz` siblings written at build time (backend/tools/precompress.mjs): no per-request work.
      preCompressed: true,
      // Hashed bundles never change; index.html must always be revalidated.
      setHeaders: (reply, path) => {
        void reply.header('cache-control', cacheControlFor(path));
      },
    });
  }
}
