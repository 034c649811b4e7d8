import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../platform/database/data-source-options';
import { seedLargeData } from '../../seed/large-data';
import { ENTITIES } from './entities';
import { withDatabase } from './with-database';

/**
 * `npm run db:seed:large`: migrates, then adds a large data set for benchmarks (default 100k
 * products, 1M stock movements; LARGE_PRODUCTS / LARGE_MOVEMENTS to change). Idempotent.
 */
void withDatabase(async (config) => {
  const options = dataSourceOptions({
    url: config.database.directUrl,
    poolMax: 2,
    ssl: config.database.ssl,
    applicationName: 'depot-seed',
  });
  // Bulk statements may run longer than the app's 30 s statement bound.
  const dataSource = new DataSource({
    ...options,
    entities: ENTITIES,
    extra: { ...(options.extra as object), statement_timeout: 0 },
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    await seedLargeData(dataSource, {
      products: Number(process.env.LARGE_PRODUCTS ?? 100_000),
      movements: Number(process.env.LARGE_MOVEMENTS ?? 1_000_000),
      warehouses: 5,
      log: (line) => process.stdout.write(`[seed:large] ${line}\n`),
    });
  } finally {
    await dataSource.destroy();
  }
}).catch((error: unknown) => {
  process.stderr.write(`large seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
