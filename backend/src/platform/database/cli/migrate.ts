import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';
import { withDatabase } from './with-database';

/** `npm run db:migrate`: applies pending committed migrations. */
void withDatabase(async (config) => {
  const dataSource = new DataSource(
    dataSourceOptions({
      url: config.database.url,
      poolMax: 2,
      ssl: config.database.ssl,
      applicationName: 'depot-migrate',
    }),
  );
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(
      applied.length > 0 ? `applied ${applied.map((m) => m.name).join(', ')}\n` : 'database is up to date\n',
    );
  } finally {
    await dataSource.destroy();
  }
}).catch((error: unknown) => {
  process.stderr.write(`migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
