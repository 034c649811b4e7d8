import 'reflect-metadata';
import { resolve } from 'node:path';
import { backupDatabase } from '../backup/logical-backup';
import { withDatabase } from './with-database';

/**
 * `npm run db:backup [-- <file>]`: a consistent logical backup of DATABASE_URL (or the embedded
 * database) into a gzip'd file, default `depot-backup-<timestamp>.depot.gz`. Restore it with
 * `npm run db:restore -- <file>`.
 */
const file = resolve(process.argv[2] ?? `depot-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.depot.gz`);
void withDatabase(async (config) => {
  const started = Date.now();
  const counts = await backupDatabase({ url: config.database.directUrl, ssl: config.database.ssl }, file);
  const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
  process.stdout.write(
    `backed up ${rows} rows from ${Object.keys(counts).length} tables to ${file} in ${Date.now() - started} ms\n`,
  );
}).catch((error: unknown) => {
  process.stderr.write(`backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
