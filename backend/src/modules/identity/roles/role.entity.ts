import { Column, Entity, VersionColumn } from 'typeorm';
import { TimestampedEntity } from '../../../platform/database/base-columns';

@Entity({ name: 'roles' })
export class RoleEntity extends TimestampedEntity {
  @Column({ type: 'varchar', length: 64, unique: true })
  name!: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  permissions!: string[];

  /** Members must use multi-factor authentication. */
  @Column({ type: 'boolean', default: false })
  requireMfa!: boolean;

  /** Built-in roles (admin, manager, clerk, viewer) cannot be deleted. */
  @Column({ type: 'boolean', default: false })
  builtIn!: boolean;

  @VersionColumn()
  version!: number;
}
