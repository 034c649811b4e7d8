import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A domain event written in the same transaction as the change it describes.
 * The dispatcher delivers rows in `position` order and stamps `dispatchedAt`.
 */
@Entity({ name: 'outbox_events' })
@Index('ix_outbox_events_pending', ['position'], { where: 'dispatched_at IS NULL' })
export class OutboxEventEntity {
  /** Stable event id, used by consumers for de-duplication. */
  @PrimaryColumn('uuid')
  id!: string;

  /** Commit-ordered sequence for in-order delivery. */
  @Column({
    type: 'bigint',
    generated: 'increment',
    transformer: { to: (v: unknown) => v, from: (v: string) => Number(v) },
  })
  position!: number;

  @Column({ type: 'varchar', length: 100 })
  type!: string;

  @Column({ type: 'varchar', length: 60 })
  aggregateType!: string;

  @Column('uuid')
  aggregateId!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'jsonb', nullable: true })
  actor!: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  requestId!: string | null;

  /** W3C trace context of the request that wrote the event (null when tracing is off). */
  @Column({ type: 'varchar', length: 55, nullable: true })
  traceparent!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;
}
