import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { DepotSocketIoAdapter } from './realtime/socket-io.adapter';
import type { AppConfig } from './config/app-config';
import { configureHttp } from './http/configure-http';
import { StatementCountInterceptor } from './database/statement-counter';
import { requestIdFor } from './http/request-id';

/** Creates the fully configured application (not yet listening). Used by main.ts and the tests. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    genReqId: requestIdFor,
    return503OnClosing: true,
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config), adapter, {
    bufferLogs: true,
    // Fastify's own JSON parser only: no urlencoded or text bodies reach the API.
    bodyParser: false,
  });
  app.useLogger(app.get(PinoNestLogger));
  app.flushLogs();
  app.useWebSocketAdapter(new DepotSocketIoAdapter(app, config.redisUrl));
  await configureHttp(app, config);
  if (config.database.statementHeader) app.useGlobalInterceptors(new StatementCountInterceptor());
  return app;
}
