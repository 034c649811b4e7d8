import { z } from 'zod';
import { decodeEncryptionKey } from '../crypto/secret-box';

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

const KEY_FORMAT =
  'expected 32 random bytes as base64 (44 characters) or hex (64 characters); generate one with `openssl rand -base64 32`';

/** An AES-256 key: 32 bytes as base64 or hex. */
const encryptionKey = z.string().transform((value, ctx) => {
  const key = decodeEncryptionKey(value);
  if (!key) {
    ctx.addIssue({ code: 'custom', message: KEY_FORMAT });
    return z.NEVER;
  }
  return key;
});

/** Comma-separated keys, each 32 bytes as base64 or hex. */
const encryptionKeyList = commaList.transform((values, ctx) => {
  const keys = values.map(decodeEncryptionKey);
  const bad = keys.findIndex((key) => key === null);
  if (bad >= 0) {
    ctx.addIssue({ code: 'custom', message: `key ${bad + 1}: ${KEY_FORMAT}` });
    return z.NEVER;
  }
  return keys as Buffer[];
});

/**
 * The OpenTelemetry variables Depot itself reads (the SDK reads the other standard OTEL_* ones).
 * Separate so the tracing preload can check them before anything else is loaded.
 */
export const tracingSchema = z.object({
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL of an OTLP/HTTP collector' })
    .optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL of an OTLP/HTTP collector' })
    .optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: z.enum(['http/protobuf', 'http/json']).optional(),
  OTEL_SDK_DISABLED: booleanString.default(false),
  OTEL_SERVICE_NAME: z.string().min(1).max(100).default('depot'),
});

/** Every environment variable Depot reads, with its default. Documented in `.env.example`. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'expected a postgres:// or postgresql:// URL' })
      .optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(5),
    DATABASE_SSL: booleanString.default(false),
    DATABASE_DIRECT_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'expected a postgres:// or postgresql:// URL' })
      .optional(),
    DATABASE_READ_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'expected a postgres:// or postgresql:// URL' })
      .optional(),
    DATABASE_READ_POOL_MAX: z.coerce.number().int().min(1).max(200).optional(),
    DATABASE_READ_MAX_LAG_SECONDS: z.coerce.number().min(0.5).max(3600).default(5),
    DEPOT_DATA_DIR: z.string().min(1).optional(),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    DEMO_PASSWORD: z.string().min(12, 'expected at least 12 characters').default('depot-demo-password'),
    SEED_DEMO_DATA: booleanString.optional(),
    JWT_SECRET: z.string().min(32, 'expected at least 32 characters').optional(),
    DEPOT_ENCRYPTION_KEY: encryptionKey.optional(),
    DEPOT_PREVIOUS_ENCRYPTION_KEYS: encryptionKeyList.default([]),
    JWT_ISSUER: z.string().min(1).default('depot'),
    JWT_AUDIENCE: z.string().min(1).default('depot-api'),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
    REFRESH_TOKEN_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(300)
      .max(90 * 24 * 3600)
      .default(7 * 24 * 3600),
    SESSION_MAX_AGE_SECONDS: z.coerce
      .number()
      .int()
      .min(3600)
      .max(365 * 24 * 3600)
      .default(30 * 24 * 3600),
    COOKIE_SECURE: booleanString.default(true),
    CORS_ORIGINS: commaList.default([]),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_PRETTY: booleanString.optional(),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_048_576),
    SWAGGER_ENABLED: booleanString.optional(),
    SQL_STATEMENT_HEADER: booleanString.default(false),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    TRUST_PROXY: booleanString.default(false),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
    LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    AUTH_IP_MAX_REQUESTS: z.coerce.number().int().min(1).max(100_000).default(120),
    AUTH_IP_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    API_RATE_LIMIT_MAX_REQUESTS: z.coerce.number().int().min(1).max(1_000_000).default(1200),
    API_RATE_LIMIT_BULK_MAX_REQUESTS: z.coerce.number().int().min(1).max(1_000_000).default(30),
    API_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    RATE_LIMIT_KEY_PREFIX: z
      .string()
      .regex(/^[\w:.-]{1,64}$/, 'expected 1 to 64 letters, digits, "_", ":", "." or "-"')
      .default('depot:rl'),
    WEBHOOK_ALLOW_PRIVATE_TARGETS: booleanString.default(false),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    WEBHOOK_RETRY_SCHEDULE_SECONDS: z
      .string()
      .regex(/^\d+(,\d+){0,19}$/, 'expected comma-separated whole seconds, e.g. 10,60,300')
      .transform((value) => value.split(',').map(Number))
      .default([10, 60, 300, 1800, 7200, 21_600, 43_200, 86_400]),
    WEBHOOK_DISABLE_AFTER_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(30 * 86_400)
      .default(5 * 86_400),
    WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'expected a redis:// or rediss:// URL' }).optional(),
    OUTBOX_DISPATCH_ENABLED: booleanString.default(true),
    DEPOT_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
    MIGRATE_ON_START: booleanString.default(true),
    METRICS_ENABLED: booleanString.optional(),
    METRICS_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
    OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'expected an smtp:// or smtps:// URL' }).optional(),
    MAIL_FROM: z
      .string()
      .regex(/^[^\r\n]{3,254}$/, 'expected one line of 3 to 254 characters')
      .default('Depot <no-reply@depot.local>'),
    MAIL_RETRY_SCHEDULE_SECONDS: z
      .string()
      .regex(/^\d+(,\d+){0,19}$/, 'expected comma-separated whole seconds, e.g. 10,60,300')
      .transform((value) => value.split(',').map(Number))
      .default([10, 60, 300, 1800, 7200]),
    MAIL_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    MAIL_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).optional(),
    ...tracingSchema.shape,
    DEPOT_BUILD_COMMIT: z
      .string()
      .regex(/^[0-9a-f]{7,40}$/i, 'expected a git commit hash (7 to 40 hex digits)')
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'required in production (at least 32 random characters)',
      });
    }
    if (env.DEPOT_ROLE !== 'all' && !env.REDIS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DEPOT_ROLE'],
        message: 'web and worker roles need REDIS_URL (workers push realtime events to the web replicas through it)',
      });
    }
    if ((env.DATABASE_READ_URL || env.DATABASE_DIRECT_URL) && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: [env.DATABASE_READ_URL ? 'DATABASE_READ_URL' : 'DATABASE_DIRECT_URL'],
        message: 'needs DATABASE_URL (the embedded database has no replica and no pooler)',
      });
    }
    if (env.NODE_ENV === 'production' && !env.DEPOT_ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['DEPOT_ENCRYPTION_KEY'],
        message: `required in production: ${KEY_FORMAT}`,
      });
    }
  });

export type RawConfig = z.infer<typeof configSchema>;
