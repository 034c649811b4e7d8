import { Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { createLogger } from './logger';
import { PinoNestLogger } from './nest-logger';

/** The application's pino logger (logger.ts), for Fastify hooks and Nest's LoggerService. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/**
 * Structured JSON logs with pino: one line per request with its id (request-log.ts, a Fastify
 * hook), and every line written while a request is handled carries that id (logger.ts).
 */
@Global()
@Module({
  providers: [
    { provide: ROOT_LOGGER, inject: [APP_CONFIG], useFactory: (config: AppConfig): Logger => createLogger(config) },
    { provide: PinoNestLogger, inject: [ROOT_LOGGER], useFactory: (logger: Logger) => new PinoNestLogger(logger) },
  ],
  exports: [ROOT_LOGGER, PinoNestLogger],
})
export class LoggingModule {}
