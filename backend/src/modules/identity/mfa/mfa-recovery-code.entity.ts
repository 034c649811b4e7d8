import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A single-use MFA recovery code; only its SHA-256 is stored. */
@Entity({ name: 'mfa_recovery_codes' })
export class MfaRecoveryCodeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('IDX_mfa_recovery_codes_user_id')
  @Column('uuid')
  userId!: string;

  @Column({ type: 'char', length: 64 })
  codeHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
