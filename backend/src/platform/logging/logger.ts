import pino, { type Logger } from 'pino';
import { ClsServiceManager } from 'nestjs-cls';
import type { AppConfig } from '../config/app-config';
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

/**
 * Fields every line written inside a request carries: its `requestId` (from the request's
 * context, set in request-context-hooks.ts) and, with tracing on, `traceId` and `spanId`.
 * One property read when no request is active.
 */
function contextFields(tracing: boolean): () => Record<string, unknown> {
  return () => {
    const cls = ClsServiceManager.getClsService();
    const requestId: unknown = cls.isActive() ? cls.get('requestId') : undefined;
    const fields: Record<string, unknown> = tracing ? traceLogFields() : {};
    if (requestId !== undefined) fields.requestId = requestId;
    return fields;
  };
}

/** Depot's one pino logger: structured JSON lines (pretty when interactive), secrets redacted. */
export function createLogger(config: Pick<AppConfig, 'log' | 'tracing'>): Logger {
  return pino({
    level: config.log.level,
    mixin: contextFields(config.tracing.enabled),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    transport: config.log.pretty
      ? {
          target: 'pino-pretty',
          options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
        }
      : undefined,
  });
}
