import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

/** One recorded change. Rows are append-only: a database trigger refuses UPDATE and DELETE. */
@Entity({ name: 'audit_events' })
@Index('IDX_audit_events_entity', ['entityType', 'entityId', 'occurredAt'])
@Index('ix_audit_events_occurred_at_id', ['occurredAt', 'id'])
export class AuditEventEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  actorType!: 'user' | 'api_key' | 'system' | 'anonymous';

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  actorLabel!: string | null;

  /** e.g. `create`, `update`, `archive`, `login.succeeded`. */
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 60 })
  entityType!: string;

  @Column({ type: 'uuid', nullable: true })
  entityId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  changes!: AuditChanges | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  requestId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;
}
