import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type PasswordTokenPurpose = 'reset' | 'invite';

/** A single-use, expiring link token to set a password (reset or invitation). Hash only. */
@Entity({ name: 'password_tokens' })
export class PasswordTokenEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('IDX_password_tokens_user_id')
  @Column('uuid')
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  purpose!: PasswordTokenPurpose;

  @Index('UQ_password_tokens_token_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
