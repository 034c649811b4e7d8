import { Check, Column, Entity, Index, JoinTable, ManyToMany, VersionColumn } from 'typeorm';
import { TimestampedEntity } from '../../../platform/database/base-columns';
import { RoleEntity } from '../roles/role.entity';

export const UserStatus = { Active: 'active', Disabled: 'disabled' } as const;
export type UserStatus = (typeof UserStatus)[keyof typeof UserStatus];

@Entity({ name: 'users' })
@Check('ck_users_status', `"status" IN ('active', 'disabled')`)
@Index('ux_users_email_lower', { synchronize: false })
export class UserEntity extends TimestampedEntity {
  /** Stored as entered; uniqueness is on lower(email). */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 120 })
  displayName!: string;

  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16, default: UserStatus.Active })
  status!: UserStatus;

  /** Set by an admin-chosen initial password: the user must pick their own at next sign-in. */
  @Column({ type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  passwordChangedAt!: Date | null;

  /**
   * Base32 TOTP secret, encrypted at rest (`enc:v1:...`, SecretBox context `users.mfa_secret`);
   * set during enrolment, active once `mfaEnabledAt` is set.
   */
  @Column({ type: 'varchar', length: 255, nullable: true, select: false })
  mfaSecret!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  mfaEnabledAt!: Date | null;

  /** Time step of the last TOTP code accepted at sign-in; codes of that step or earlier are refused (replay). */
  @Column({ type: 'integer', nullable: true, select: false })
  mfaLastStep!: number | null;

  @VersionColumn()
  version!: number;

  @ManyToMany(() => RoleEntity)
  @JoinTable({ name: 'user_roles', joinColumn: { name: 'user_id' }, inverseJoinColumn: { name: 'role_id' } })
  roles!: RoleEntity[];
}
