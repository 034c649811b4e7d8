import type { MailAttachmentDto } from '@depot/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A message kept instead of sent when no SMTP_URL is configured (development and tests). */
@Entity({ name: 'dev_mailbox' })
export class DevMailEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  to!: string;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'varchar', length: 60 })
  template!: string;

  @Column({ type: 'text' })
  html!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments!: MailAttachmentDto[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
