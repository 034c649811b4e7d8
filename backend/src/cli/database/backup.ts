import 'reflect-metadata';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { backupDatabase } from '../../platform/database/backup/logical-backup';
import { recordBackupRun, type BackupRun } from '../../platform/database/backup/backup-runs';
import { withDatabase } from './with-database';

/**
 * `npm run db:backup [-- <file>]`: a consistent logical backup of DATABASE_URL (or the embedded
 * database) into a gzip'd file, default `depot-backup-<timestamp>.depot.gz`. Restore it with
 * `npm run db:restore -- <file>`. Each run, failed or not, is recorded in `backup_runs` for the
 * operations page.
 */
const file = resolve(process.argv[2] ?? `depot-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.depot.gz`);
void withDatabase(async (config) => {
  const settings = { url: config.database.directUrl, ssl: config.database.ssl };
  const startedAt = new Date();
  let run: BackupRun;
  let failure: Error | undefined;
  try {
    const counts = await backupDatabase(settings, file);
    const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
    process.stdout.write(
      `backed up ${rows} rows from ${Object.keys(counts).length} tables to ${file} in ${Date.now() - startedAt.getTime()} ms\n`,
    );
    run = { status: 'succeeded', startedAt, file, sizeBytes: statSync(file).size, rowCount: rows, error: null };
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    run = { status: 'failed', startedAt, file, sizeBytes: null, rowCount: null, error: failure.message };
  }
  await recordBackupRun(settings, run).catch((error: unknown) =>
    process.stderr.write(
      `the backup run was not recorded (operations page): ${error instanceof Error ? error.message : String(error)}\n`,
    ),
  );
  if (failure) throw failure;
}).catch((error: unknown) => {
  process.stderr.write(`backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
