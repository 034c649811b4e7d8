import { ApiProperty } from '@nestjs/swagger';
import {
  INSTANCE_ROLES,
  type ComponentState,
  type InstanceRole,
  type OperationsBackupDto,
  type OperationsDatabaseDto,
  type OperationsFailingWebhookDto,
  type OperationsInstanceDto,
  type OperationsMailDto,
  type OperationsOutboxDto,
  type OperationsRedisDto,
  type OperationsStatusDto,
} from '@depot/contracts';

export class OperationsBuildDto {
  /** Depot's version. @example 0.1.0 */
  version!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The git commit of the build (DEPOT_BUILD_COMMIT, else the checkout), when known.',
    example: 'fef5b5b483b3e7d93cc46d716ceeed6ccd97ea72',
  })
  commit!: string | null;
  /** Node.js version of the process that answered. @example 20.20.2 */
  nodeVersion!: string;
  @ApiProperty({ enum: ['development', 'production', 'test'], example: 'production' })
  environment!: 'development' | 'production' | 'test';
  /** Whether spans are exported over OTLP (OTEL_EXPORTER_OTLP_ENDPOINT). @example false */
  tracing!: boolean;
}

export class OperationsInstanceResponseDto implements OperationsInstanceDto {
  /** New at every start of a process. @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  instanceId!: string;
  @ApiProperty({
    enum: INSTANCE_ROLES,
    example: 'web',
    description: '`all`: HTTP and background work; `web`: HTTP and WebSocket; `worker`: outbox, webhooks, mail.',
  })
  role!: InstanceRole;
  /** @example depot-web-7c9f8d-x2k4q */
  hostname!: string;
  /** @example 1 */
  pid!: number;
  /** @example 0.1.0 */
  version!: string;
  /** @example 2026-12-03T09:00:00.000Z */
  startedAt!: string;
  /** @example 2026-12-03T10:15:30.000Z */
  lastSeenAt!: string;
  /** Whether this is the process that answered the request. @example true */
  current!: boolean;
}

export class OperationsPoolDto {
  /** DATABASE_POOL_MAX of the answering process. @example 5 */
  max!: number;
  /** @example 3 */
  total!: number;
  /** @example 2 */
  idle!: number;
  /** Requests waiting for a connection. @example 0 */
  waiting!: number;
}

export class OperationsDatabaseResponseDto implements OperationsDatabaseDto {
  @ApiProperty({ enum: ['ok', 'failing'], example: 'ok' })
  status!: 'ok' | 'failing';
  @ApiProperty({
    type: Number,
    format: 'double',
    nullable: true,
    description: 'Round trip of a query, in ms.',
    example: 1.2,
  })
  latencyMs!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'PostgreSQL 18.1' })
  version!: string | null;
  pool!: OperationsPoolDto;
}

export class OperationsRedisResponseDto implements OperationsRedisDto {
  @ApiProperty({
    enum: ['ok', 'failing', 'not_configured'],
    example: 'not_configured',
    description: '`not_configured`: no REDIS_URL (a single instance needs none).',
  })
  status!: ComponentState;
  @ApiProperty({
    type: Number,
    format: 'double',
    nullable: true,
    description: 'Round trip of `PING`, in ms.',
    example: null,
  })
  latencyMs!: number | null;
}

export class OperationsOutboxResponseDto implements OperationsOutboxDto {
  /** Committed events not yet dispatched. @example 0 */
  pending!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Age of the oldest pending event, in s.', example: null })
  oldestAgeSeconds!: number | null;
}

export class OperationsFailingWebhookResponseDto implements OperationsFailingWebhookDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  endpointId!: string;
  /** @example https://erp.example.com/hooks/depot */
  url!: string;
  /** @example false */
  enabled!: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'failing for more than 432000 s' })
  disabledReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-11-28T10:15:30.000Z' })
  failingSince!: string | null;
  /** Deliveries whose last attempt in the last 24 hours failed. @example 12 */
  recentFailures!: number;
}

export class OperationsMailResponseDto implements OperationsMailDto {
  /** Queued, sending or retrying. @example 1 */
  pending!: number;
  /** @example 0 */
  failed!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Age of the oldest pending message, in s.', example: 4 })
  oldestPendingAgeSeconds!: number | null;
}

export class OperationsBackupResponseDto implements OperationsBackupDto {
  @ApiProperty({ enum: ['succeeded', 'failed'], example: 'succeeded' })
  status!: 'succeeded' | 'failed';
  /** @example 2026-12-03T02:00:00.000Z */
  startedAt!: string;
  /** @example 2026-12-03T02:00:41.000Z */
  finishedAt!: string;
  /** @example /var/backups/depot/depot-backup-2026-12-03T02-00-00-000Z.depot.gz */
  file!: string;
  @ApiProperty({ type: Number, nullable: true, example: 18234567 })
  sizeBytes!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 412345 })
  rowCount!: number | null;
  @ApiProperty({ type: String, nullable: true, example: null })
  error!: string | null;
  /** Host that ran the backup. @example backup-job-28713-abcde */
  hostname!: string;
}

export class OperationsStatusResponseDto implements OperationsStatusDto {
  /** When this status was put together. @example 2026-12-03T10:15:31.000Z */
  checkedAt!: string;
  build!: OperationsBuildDto;
  /** Processes that wrote a heartbeat in the last minute, oldest first. */
  @ApiProperty({ type: [OperationsInstanceResponseDto] })
  instances!: OperationsInstanceResponseDto[];
  database!: OperationsDatabaseResponseDto;
  redis!: OperationsRedisResponseDto;
  outbox!: OperationsOutboxResponseDto;
  /** Endpoints switched off, or with failed deliveries in the last 24 hours (at most 20). */
  @ApiProperty({ type: [OperationsFailingWebhookResponseDto] })
  failingWebhooks!: OperationsFailingWebhookResponseDto[];
  mail!: OperationsMailResponseDto;
  @ApiProperty({
    type: OperationsBackupResponseDto,
    nullable: true,
    description: 'The most recent `npm run db:backup` against this database; null when none was recorded.',
  })
  lastBackup!: OperationsBackupResponseDto | null;
}
