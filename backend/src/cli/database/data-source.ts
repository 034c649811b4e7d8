import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../platform/config/app-config';
import { dataSourceOptions } from '../../platform/database/data-source-options';
import { ENTITIES } from './entities';

/** Data source for the TypeORM CLI (`npm run db:migration:generate`); needs DATABASE_URL (or DATABASE_DIRECT_URL). */
const config = loadConfig();
if (!config.database.directUrl) {
  throw new Error('DATABASE_URL is required for the TypeORM CLI');
}

export default new DataSource({
  ...dataSourceOptions({
    url: config.database.directUrl,
    poolMax: 2,
    ssl: config.database.ssl,
    applicationName: 'depot-cli',
  }),
  entities: ENTITIES,
});
