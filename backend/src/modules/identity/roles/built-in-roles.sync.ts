import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BUILT_IN_ROLE_PERMISSIONS } from '@depot/contracts';
import type { DataSource } from 'typeorm';
import { newId } from '../../../platform/database/ids';

const DESCRIPTIONS: Record<string, string> = {
  admin: 'Full access, including users, roles and settings.',
  manager: 'Manages the catalog and reads users and the audit trail.',
  clerk: 'Day-to-day catalog work.',
  viewer: 'Read-only access.',
};

/** Keeps the built-in roles and their permissions in line with `@depot/contracts` on every start. */
@Injectable()
export class BuiltInRolesSync implements OnApplicationBootstrap {
  private readonly logger = new Logger(BuiltInRolesSync.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const [name, permissions] of Object.entries(BUILT_IN_ROLE_PERMISSIONS)) {
      await this.dataSource.query(
        `INSERT INTO roles (id, name, description, permissions, built_in, version)
         VALUES ($1, $2, $3, $4, true, 1)
         ON CONFLICT (name) DO UPDATE SET permissions = EXCLUDED.permissions, built_in = true
         WHERE roles.permissions IS DISTINCT FROM EXCLUDED.permissions`,
        [newId(), name, DESCRIPTIONS[name] ?? '', permissions],
      );
    }
    this.logger.debug('built-in roles in sync');
  }
}
