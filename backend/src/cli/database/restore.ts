import 'reflect-metadata';
import { resolve } from 'node:path';
import { restoreDatabase } from '../../platform/database/backup/logical-backup';
import { withDatabase } from './with-database';

/**
 * `npm run db:restore -- <file> [--replace]`: restores a `db:backup` file into DATABASE_URL (or
 * the embedded database). The target must be empty; `--replace` wipes it first. Stop Depot first.
 */
const args = process.argv.slice(2);
const replace = args.includes('--replace');
const fileArg = args.find((arg) => !arg.startsWith('--'));
if (!fileArg) {
  process.stderr.write('usage: npm run db:restore -- <backup file> [--replace]\n');
  process.exit(64); // EX_USAGE
}
const file = resolve(fileArg);
void withDatabase(async (config) => {
  const started = Date.now();
  const counts = await restoreDatabase({ url: config.database.directUrl, ssl: config.database.ssl }, file, { replace });
  const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
  process.stdout.write(
    `restored ${rows} rows into ${Object.keys(counts).length} tables from ${file} in ${Date.now() - started} ms\n`,
  );
}).catch((error: unknown) => {
  process.stderr.write(`restore failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
