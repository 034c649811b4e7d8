import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { DepotSocketIoAdapter } from './platform/realtime/socket-io.adapter';
import type { AppConfig } from './platform/config/app-config';
import { configureHttp } from './platform/http/configure-http';
import { StatementCountInterceptor } from './platform/database/statement-counter';
import { onClientError, onFrameworkError } from './platform/http/framework-errors';
import { requestIdFor } from './platform/http/request-id';
import { PinoNestLogger } from './platform/logging/nest-logger';

export interface DepotApp {
  app: NestFastifyApplication;
  /** socket.io, for the shutdown sequence to end its connections before HTTP drains. */
  realtime: DepotSocketIoAdapter;
}

/** Creates the fully configured application (not yet listening). Used by main.ts. */
export async function createApp(config: AppConfig): Promise<DepotApp> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    genReqId: requestIdFor,
    // Depot answers requests arriving during shutdown itself, as problem+json (configure-http.ts).
    return503OnClosing: false,
    logger: false,
    frameworkErrors: onFrameworkError,
    clientErrorHandler: onClientError,
    // No Express-style middleware anywhere: request context and logging are Fastify hooks, so
    // @fastify/middie (a per-request walk over an empty middleware list) is not registered.
    skipMiddie: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config), adapter, {
    bufferLogs: true,
    // Fastify's own JSON parser only: no urlencoded or text bodies reach the API.
    bodyParser: false,
  });
  app.useLogger(app.get(PinoNestLogger));
  app.flushLogs();
  const realtime = new DepotSocketIoAdapter(app, config.redisUrl);
  app.useWebSocketAdapter(realtime);
  await configureHttp(app, config);
  if (config.database.statementHeader) app.useGlobalInterceptors(new StatementCountInterceptor());
  return { app, realtime };
}
