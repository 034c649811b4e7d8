import 'reflect-metadata';
import { runMigrations } from '../../platform/database/migrations-runner';
import { withDatabase } from './with-database';

/** `npm run db:migrate`: applies pending committed migrations (the job of a rolling deploy). */
void withDatabase(async (config) => {
  const applied = await runMigrations({ url: config.database.directUrl, ssl: config.database.ssl });
  process.stdout.write(applied.length > 0 ? `applied ${applied.join(', ')}\n` : 'database is up to date\n');
}).catch((error: unknown) => {
  process.stderr.write(`migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
