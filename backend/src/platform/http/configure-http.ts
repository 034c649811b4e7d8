import fastifyCookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { VersioningType, type INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IMPORT_LIMITS } from '@depot/contracts';
import type { AppConfig } from '../config/app-config';
import { buildOpenApiDocument, mountSwaggerUi } from '../openapi/openapi';
import { REQUEST_ID_HEADER } from './request-id';
import { ADMIN_UI_DIR, SpaFallback } from './spa-fallback';

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

/**
 * Everything HTTP around the Nest routes: `/api/v1` prefix, security headers, CORS, cookies,
 * request ids, problem+json for errors Fastify raises itself, Swagger UI and the admin UI.
 */
export async function configureHttp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();

  configureRouting(app);

  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
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

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  app.enableCors({
    origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false,
    credentials: true,
    exposedHeaders: [REQUEST_ID_HEADER],
  });

  if (config.http.swaggerEnabled) {
    mountSwaggerUi(app, buildOpenApiDocument(app));
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
