import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { requestIdFor } from '../http/request-id';
import { traceLogFields } from '../observability/tracing-context';

/** Secrets never reach the logs, whatever gets logged. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.refreshToken',
  '*.accessToken',
  '*.token',
  '*.secret',
];

/** Structured JSON logs with pino (pretty when interactive), one line per request with its id. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.log.level,
          // `traceId` and `spanId` on every line written while a span is active (tracing on only).
          mixin: config.tracing.enabled ? traceLogFields : undefined,
          genReqId: (req: IncomingMessage) => requestIdFor(req),
          customAttributeKeys: { reqId: 'requestId' },
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/api/health') },
          quietReqLogger: true,
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              // Query strings may carry search terms or tokens; log the path only.
              url: req.url.split('?')[0],
            }),
            res: (res: ServerResponse & { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          transport: config.log.pretty
            ? {
                target: 'pino-pretty',
                options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
              }
            : undefined,
        },
      }),
    }),
  ],
})
export class LoggingModule {}
