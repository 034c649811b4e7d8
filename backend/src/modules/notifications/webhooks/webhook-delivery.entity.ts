import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One message to one endpoint, with its attempts. Replays are new rows with the same message id. */
@Entity({ name: 'webhook_deliveries' })
@Index('IDX_webhook_deliveries_due', ['status', 'nextAttemptAt'])
@Index('ix_webhook_deliveries_endpoint_created_id', ['endpointId', 'createdAt', 'id'])
export class WebhookDeliveryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  endpointId!: string;

  /** The `webhook-id`: the outbox event id, stable across retries and replays. */
  @Column('uuid')
  messageId!: string;

  @Column({ type: 'varchar', length: 100 })
  eventType!: string;

  /** Exactly the bytes that are signed and sent. */
  @Column({ type: 'text' })
  requestBody!: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: 'pending' | 'in_flight' | 'succeeded' | 'failed';

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'integer', nullable: true })
  responseTimeMs!: number | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  responseBody!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
