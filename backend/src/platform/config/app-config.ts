import { mkdirSync, readFileSync, writeFileSync, existsSync, chmodSync, statSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve, isAbsolute } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { decodeEncryptionKey } from '../crypto/secret-box';
import { configSchema, tracingSchema, type RawConfig } from './config.schema';

/** The typed configuration object every part of Depot reads. No `process.env` elsewhere. */
export interface AppConfig {
  env: RawConfig['NODE_ENV'];
  isProduction: boolean;
  http: {
    host: string;
    port: number;
    bodyLimitBytes: number;
    corsOrigins: string[];
    trustProxy: boolean;
    shutdownGraceMs: number;
    swaggerEnabled: boolean;
  };
  database: {
    /** Set when an external database is used; unset means the embedded server. */
    url: string | undefined;
    poolMax: number;
    ssl: boolean;
    seedDemoData: boolean;
    /** Send `X-Sql-Statements` (statements run by the handler) on every API answer. */
    statementHeader: boolean;
    /** Apply pending migrations at start (under an advisory lock); off when a job runs them. */
    migrateOnStart: boolean;
    /**
     * A session (not transaction-pooled) connection to the primary, for what needs one: migrations
     * under their advisory lock, the LISTEN connection, backups. DATABASE_DIRECT_URL, else `url`.
     */
    directUrl: string | undefined;
    /** A streaming replica for reporting reads (read-replica.ts); unset: everything reads the primary. */
    read: {
      url: string | undefined;
      poolMax: number;
      /**
       * A replica further behind than this is not read from; a user who wrote within this long
       * reads from the primary (read-your-writes).
       */
      maxLagSeconds: number;
    };
  };
  embedded: {
    dataDir: string;
    port: number;
  };
  demoPassword: string;
  auth: {
    jwtSecret: string;
    issuer: string;
    audience: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    sessionMaxAgeSeconds: number;
    cookieSecure: boolean;
  };
  /** Encryption of secrets kept in the database (TOTP seeds, webhook signing secrets). */
  encryption: {
    /** AES-256 key new values are encrypted with (32 bytes). */
    key: Buffer;
    /** Older keys, only to decrypt values not yet re-encrypted (key rotation). */
    previousKeys: Buffer[];
    /** `environment`: DEPOT_ENCRYPTION_KEY; `data-dir`: generated for local use and kept in the data dir. */
    keySource: 'environment' | 'data-dir';
  };
  log: {
    level: RawConfig['LOG_LEVEL'];
    pretty: boolean;
  };
  rateLimits: {
    /** Failed sign-ins per account within the window before 429. */
    loginMaxFailures: number;
    loginFailureWindowSeconds: number;
    /** Requests per IP to the sign-in, refresh, reset and MFA endpoints within the window. */
    authIpMaxRequests: number;
    authIpWindowSeconds: number;
    /** Requests per user or API key to the authenticated API within the window (policy `default`). */
    apiMaxRequests: number;
    /** Requests per user or API key to CSV imports and exports within the window (policy `bulk`). */
    apiBulkMaxRequests: number;
    apiWindowSeconds: number;
    /** Prefix of the counters' Redis keys: deployments (or test servers) sharing a Redis keep apart. */
    keyPrefix: string;
  };
  webhooks: {
    /** Allow loopback and private-network targets (SSRF guard off): tests and closed networks only. */
    allowPrivateTargets: boolean;
    timeoutMs: number;
    /** Delay before each retry, in seconds; jittered by ±20 %. */
    retryScheduleSeconds: number[];
    /** An endpoint failing for this long is switched off and its owner told. */
    disableAfterSeconds: number;
    pollIntervalMs: number;
  };
  /** Set for scale-out: socket.io fan-out and shared rate-limit counters across instances. */
  redisUrl: string | undefined;
  /**
   * What this process does: `all` (default, `npm start`), `web` (HTTP and WebSocket only) or
   * `worker` (outbox dispatcher, webhook and mail deliveries; HTTP only for health and metrics).
   */
  role: 'all' | 'web' | 'worker';
  metrics: {
    /** Serve `GET /api/metrics` (Prometheus text). */
    enabled: boolean;
    /** Bearer token the scraper must send; required to serve metrics in production. */
    token: string | undefined;
  };
  outbox: {
    /** Run the background workers here: OUTBOX_DISPATCH_ENABLED and not a `web` replica. */
    dispatchEnabled: boolean;
    pollIntervalMs: number;
  };
  mail: {
    /** Set: mail goes out through this SMTP server. Unset: it is kept in the dev mailbox. */
    smtpUrl: string | undefined;
    from: string;
    /** Delay before each retry of a failed message, in seconds; jittered by ±20 %. */
    retryScheduleSeconds: number[];
    /** How often due messages are looked for when no notification woke the worker. */
    pollIntervalMs: number;
    /** Connection, greeting and socket timeout of one SMTP attempt. */
    sendTimeoutMs: number;
  };
  /** Where users reach the admin UI, without a trailing slash; links in e-mails start with it. */
  publicUrl: string;
  tracing: TracingConfig;
  /** Commit this build was made from, when known (DEPOT_BUILD_COMMIT, else the checkout's HEAD). */
  buildCommit: string | undefined;
}

/** OpenTelemetry tracing: on only when an OTLP endpoint is configured. */
export interface TracingConfig {
  /** OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT set and OTEL_SDK_DISABLED not true. */
  enabled: boolean;
  serviceName: string;
  /** Where spans go (the traces endpoint or the base endpoint), for display only: the SDK reads it itself. */
  endpoint: string | undefined;
}

export class ConfigError extends Error {}

/**
 * The commit of the checkout Depot runs from (`.git/HEAD`, following a worktree's `gitdir:` and
 * a ref to its file or packed-refs), read once at start; undefined outside a git checkout
 * (container images set DEPOT_BUILD_COMMIT instead).
 */
function checkoutCommit(root: string = process.cwd()): string | undefined {
  try {
    const dotGit = join(root, '.git');
    if (!existsSync(dotGit)) return undefined;
    const gitDir = statSync(dotGit).isDirectory()
      ? dotGit
      : resolve(
          root,
          readFileSync(dotGit, 'utf8')
            .replace(/^gitdir:\s*/, '')
            .trim(),
        );
    return headOf(gitDir);
  } catch {
    return undefined;
  }
}

function headOf(gitDir: string): string | undefined {
  const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
  if (/^[0-9a-f]{40}$/.test(head)) return head;
  const ref = /^ref:\s*(\S+)$/.exec(head)?.[1];
  if (!ref) return undefined;
  const common = existsSync(join(gitDir, 'commondir'))
    ? resolve(gitDir, readFileSync(join(gitDir, 'commondir'), 'utf8').trim())
    : gitDir;
  for (const dir of [gitDir, common]) {
    const file = join(dir, ref);
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  }
  const packed = join(common, 'packed-refs');
  if (!existsSync(packed)) return undefined;
  const line = readFileSync(packed, 'utf8')
    .split('\n')
    .find((entry) => entry.endsWith(` ${ref}`));
  return line?.slice(0, 40);
}

/** Turns validation issues into one line per variable: `PORT: expected a number, got "abc"`. */
function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[], env: NodeJS.ProcessEnv): string {
  return issues
    .map((issue) => {
      const name = String(issue.path[0] ?? 'config');
      const value = env[name];
      const shown =
        value === undefined
          ? 'unset'
          : name.includes('SECRET') || name.includes('PASSWORD') || name.includes('KEY') || name === 'SMTP_URL'
            ? '(hidden)'
            : JSON.stringify(value);
      return `${name}: ${issue.message} (got ${shown})`;
    })
    .join('; ');
}

/**
 * Default data dir: `.depot-data` in the project. As root, PostgreSQL runs as the `postgres`
 * user, which may not reach a root-owned checkout, so the data goes to a per-checkout folder
 * under /var/tmp (kept across reboots) instead.
 */
function defaultDataDir(): string {
  if (process.getuid?.() !== 0) return resolve(process.cwd(), '.depot-data');
  const checkout = createHash('sha256').update(process.cwd()).digest('hex').slice(0, 8);
  const base = existsSync('/var/tmp') ? '/var/tmp' : tmpdir();
  return join(base, `depot-${checkout}`);
}

/** Local-use JWT secret: generated once and kept in the data dir so tokens survive restarts. */
function persistedJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) {
    return readFileSync(file, 'utf8').trim();
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/**
 * Local-use encryption key, generated once into the data dir (mode 0600) so secrets stay
 * readable across restarts. Created exclusively: two processes starting at once agree on one key.
 */
function persistedEncryptionKey(dataDir: string): Buffer {
  const file = join(dataDir, 'encryption-key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = decodeEncryptionKey(readFileSync(file, 'utf8'));
  if (!key) throw new ConfigError(`Invalid configuration: ${file} does not hold a 32-byte base64 key`);
  return key;
}

function loadDotenvOnce(options: { dotenv?: boolean }): void {
  if (options.dotenv !== false) {
    // .env never overrides variables already set in the environment.
    loadDotenv({ path: resolve(process.cwd(), '.env'), quiet: true });
  }
}

function presentVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
}

function tracingConfigOf(raw: Pick<RawConfig, keyof typeof tracingSchema.shape>): TracingConfig {
  const endpoint = raw.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? raw.OTEL_EXPORTER_OTLP_ENDPOINT;
  return { enabled: endpoint !== undefined && !raw.OTEL_SDK_DISABLED, serviceName: raw.OTEL_SERVICE_NAME, endpoint };
}

/**
 * Just the tracing settings, for the tracing preload: it runs before the rest of Depot is loaded
 * (the SDK must patch http, fastify and pg before anyone requires them), so before loadConfig().
 * An invalid value here is reported by loadConfig() a moment later; tracing then stays off.
 */
export function loadTracingConfig(
  env: NodeJS.ProcessEnv = process.env,
  options: { dotenv?: boolean } = {},
): TracingConfig {
  loadDotenvOnce(options);
  const parsed = tracingSchema.safeParse(presentVariables(env));
  if (!parsed.success) return { enabled: false, serviceName: 'depot', endpoint: undefined };
  return tracingConfigOf(parsed.data);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { dotenv?: boolean } = {}): AppConfig {
  loadDotenvOnce(options);
  const parsed = configSchema.safeParse(presentVariables(env));
  if (!parsed.success) {
    throw new ConfigError(`Invalid configuration: ${describeIssues(parsed.error.issues, env)}`);
  }
  const raw = parsed.data;
  const dataDir = raw.DEPOT_DATA_DIR
    ? isAbsolute(raw.DEPOT_DATA_DIR)
      ? raw.DEPOT_DATA_DIR
      : resolve(process.cwd(), raw.DEPOT_DATA_DIR)
    : defaultDataDir();
  const isProduction = raw.NODE_ENV === 'production';
  return {
    env: raw.NODE_ENV,
    isProduction,
    http: {
      host: raw.HOST,
      port: raw.PORT,
      bodyLimitBytes: raw.BODY_LIMIT_BYTES,
      corsOrigins: raw.CORS_ORIGINS,
      trustProxy: raw.TRUST_PROXY,
      shutdownGraceMs: raw.SHUTDOWN_GRACE_MS,
      swaggerEnabled: raw.SWAGGER_ENABLED ?? !isProduction,
    },
    database: {
      url: raw.DATABASE_URL,
      poolMax: raw.DATABASE_POOL_MAX,
      ssl: raw.DATABASE_SSL,
      // Demo data goes only into the embedded database unless explicitly asked for.
      seedDemoData: raw.SEED_DEMO_DATA ?? raw.DATABASE_URL === undefined,
      // Diagnostics: answer how many SQL statements each request ran (never in production).
      statementHeader: raw.SQL_STATEMENT_HEADER && !isProduction,
      migrateOnStart: raw.MIGRATE_ON_START,
      directUrl: raw.DATABASE_DIRECT_URL ?? raw.DATABASE_URL,
      read: {
        url: raw.DATABASE_READ_URL,
        poolMax: raw.DATABASE_READ_POOL_MAX ?? raw.DATABASE_POOL_MAX,
        maxLagSeconds: raw.DATABASE_READ_MAX_LAG_SECONDS,
      },
    },
    embedded: { dataDir, port: raw.EMBEDDED_PG_PORT },
    demoPassword: raw.DEMO_PASSWORD,
    auth: {
      jwtSecret: raw.JWT_SECRET ?? persistedJwtSecret(dataDir),
      issuer: raw.JWT_ISSUER,
      audience: raw.JWT_AUDIENCE,
      accessTokenTtlSeconds: raw.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: raw.REFRESH_TOKEN_TTL_SECONDS,
      sessionMaxAgeSeconds: raw.SESSION_MAX_AGE_SECONDS,
      cookieSecure: raw.COOKIE_SECURE,
    },
    encryption: {
      key: raw.DEPOT_ENCRYPTION_KEY ?? persistedEncryptionKey(dataDir),
      previousKeys: raw.DEPOT_PREVIOUS_ENCRYPTION_KEYS,
      keySource: raw.DEPOT_ENCRYPTION_KEY ? 'environment' : 'data-dir',
    },
    log: {
      level: raw.LOG_LEVEL,
      pretty: raw.LOG_PRETTY ?? (Boolean(process.stdout.isTTY) && !isProduction),
    },
    rateLimits: {
      loginMaxFailures: raw.LOGIN_MAX_FAILURES,
      loginFailureWindowSeconds: raw.LOGIN_FAILURE_WINDOW_SECONDS,
      authIpMaxRequests: raw.AUTH_IP_MAX_REQUESTS,
      authIpWindowSeconds: raw.AUTH_IP_WINDOW_SECONDS,
      apiMaxRequests: raw.API_RATE_LIMIT_MAX_REQUESTS,
      apiBulkMaxRequests: raw.API_RATE_LIMIT_BULK_MAX_REQUESTS,
      apiWindowSeconds: raw.API_RATE_LIMIT_WINDOW_SECONDS,
      keyPrefix: raw.RATE_LIMIT_KEY_PREFIX,
    },
    webhooks: {
      allowPrivateTargets: raw.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      timeoutMs: raw.WEBHOOK_TIMEOUT_MS,
      retryScheduleSeconds: raw.WEBHOOK_RETRY_SCHEDULE_SECONDS,
      disableAfterSeconds: raw.WEBHOOK_DISABLE_AFTER_SECONDS,
      pollIntervalMs: raw.WEBHOOK_POLL_INTERVAL_MS,
    },
    redisUrl: raw.REDIS_URL,
    role: raw.DEPOT_ROLE,
    metrics: {
      // In production only with a token: metrics name routes, tenants' volumes and internals.
      enabled: (raw.METRICS_ENABLED ?? true) && (!isProduction || raw.METRICS_TOKEN !== undefined),
      token: raw.METRICS_TOKEN,
    },
    outbox: {
      dispatchEnabled: raw.OUTBOX_DISPATCH_ENABLED && raw.DEPOT_ROLE !== 'web',
      pollIntervalMs: raw.OUTBOX_POLL_INTERVAL_MS,
    },
    mail: {
      smtpUrl: raw.SMTP_URL,
      from: raw.MAIL_FROM,
      retryScheduleSeconds: raw.MAIL_RETRY_SCHEDULE_SECONDS,
      pollIntervalMs: raw.MAIL_POLL_INTERVAL_MS,
      sendTimeoutMs: raw.MAIL_SEND_TIMEOUT_MS,
    },
    publicUrl: (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, ''),
    tracing: tracingConfigOf(raw),
    buildCommit: raw.DEPOT_BUILD_COMMIT?.toLowerCase() ?? checkoutCommit(),
  };
}

/** Injection token for the AppConfig object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
