import { Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '../../../platform/database/base-columns';

/** A registered receiver of signed event deliveries. */
@Entity({ name: 'webhook_endpoints' })
export class WebhookEndpointEntity extends TimestampedEntity {
  @Index('IDX_webhook_endpoints_owner')
  @Column('uuid')
  ownerUserId!: string;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  description!: string;

  @Column({ type: 'text', array: true })
  eventTypes!: string[];

  /**
   * Standard Webhooks signing secret (`whsec_` + base64), encrypted at rest: `enc:v1:...` as
   * written by the SecretBox (context `webhook_endpoints.secret`); decrypted only to sign.
   */
  @Column({ type: 'varchar', length: 255, select: false })
  secret!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  disabledReason!: string | null;

  /** Start of the current run of failed deliveries; cleared by a success. */
  @Column({ type: 'timestamptz', nullable: true })
  failingSince!: Date | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;
}
