import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { MIGRATIONS } from './migrations';

export interface DatabaseConnectionSettings {
  url: string;
  poolMax: number;
  ssl: boolean;
  applicationName?: string;
}

/**
 * TypeORM options shared by the app, the CLI scripts and the tests. Never `synchronize`.
 * No entities: the app loads the ones its modules register (`autoLoadEntities`), CLI data
 * sources that need them add `cli/database/entities.ts`; migrations are plain SQL.
 */
export function dataSourceOptions(settings: DatabaseConnectionSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    ssl: settings.ssl ? { rejectUnauthorized: true } : false,
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: false,
    extra: {
      max: settings.poolMax,
      application_name: settings.applicationName ?? 'depot',
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      // Bound every statement so a stuck query cannot hold a request forever.
      statement_timeout: 30_000,
    },
  };
}
