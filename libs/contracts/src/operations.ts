/** What a Depot process does (DEPOT_ROLE). */
export const INSTANCE_ROLES = ['all', 'web', 'worker'] as const;
export type InstanceRole = (typeof INSTANCE_ROLES)[number];

/** How often each process writes its heartbeat, and how recent one must be to count as running. */
export const HEARTBEAT_INTERVAL_SECONDS = 15;
export const INSTANCE_SEEN_WITHIN_SECONDS = 60;

/** One Depot process that wrote a heartbeat in the last minute. */
export interface OperationsInstanceDto {
  instanceId: string;
  role: InstanceRole;
  hostname: string;
  pid: number;
  version: string;
  startedAt: string;
  lastSeenAt: string;
  /** The process that answered this request. */
  current: boolean;
}

export type ComponentState = 'ok' | 'failing' | 'not_configured';

export interface OperationsDatabaseDto {
  status: Exclude<ComponentState, 'not_configured'>;
  /** Round trip of a trivial query, in milliseconds (null when it failed). */
  latencyMs: number | null;
  /** The server's version string, e.g. `PostgreSQL 18.1`. */
  version: string | null;
  pool: { max: number; total: number; idle: number; waiting: number };
}

export interface OperationsRedisDto {
  status: ComponentState;
  latencyMs: number | null;
}

export interface OperationsOutboxDto {
  /** Committed events not yet dispatched. */
  pending: number;
  /** Age of the oldest of them, in seconds (null when none is pending). */
  oldestAgeSeconds: number | null;
}

/** A webhook endpoint that was switched off, or whose deliveries failed in the last day. */
export interface OperationsFailingWebhookDto {
  endpointId: string;
  url: string;
  enabled: boolean;
  disabledReason: string | null;
  failingSince: string | null;
  /** Failed delivery attempts (rows whose last attempt failed) in the last 24 hours. */
  recentFailures: number;
}

export interface OperationsMailDto {
  /** Queued, sending or retrying. */
  pending: number;
  /** Every attempt failed; an administrator can send them again. */
  failed: number;
  /** Age of the oldest pending message, in seconds (null when none is pending). */
  oldestPendingAgeSeconds: number | null;
}

export interface OperationsBackupDto {
  status: 'succeeded' | 'failed';
  startedAt: string;
  finishedAt: string;
  /** The file written (as named by the host that ran the backup). */
  file: string;
  sizeBytes: number | null;
  rowCount: number | null;
  error: string | null;
  hostname: string;
}

/** `GET /operations/status`: the state of the deployment as one administrator page shows it. */
export interface OperationsStatusDto {
  checkedAt: string;
  build: {
    version: string;
    /** The git commit of the build, when known. */
    commit: string | null;
    nodeVersion: string;
    environment: 'development' | 'production' | 'test';
    /** Spans are exported over OTLP (OTEL_EXPORTER_OTLP_ENDPOINT). */
    tracing: boolean;
  };
  instances: OperationsInstanceDto[];
  database: OperationsDatabaseDto;
  redis: OperationsRedisDto;
  outbox: OperationsOutboxDto;
  failingWebhooks: OperationsFailingWebhookDto[];
  mail: OperationsMailDto;
  /** The most recent `npm run db:backup` run against this database; null when none was recorded. */
  lastBackup: OperationsBackupDto | null;
}
