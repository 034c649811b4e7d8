import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Client } from 'pg';

export interface BackupRun {
  status: 'succeeded' | 'failed';
  startedAt: Date;
  file: string;
  sizeBytes: number | null;
  rowCount: number | null;
  error: string | null;
}

/**
 * Records a `npm run db:backup` run in the database it backed up (`backup_runs`), for the
 * operations page's "last backup". Written after the backup's snapshot, so the file never holds
 * its own record. A failure to record is reported, never fatal to the backup itself.
 */
export async function recordBackupRun(settings: { url: string; ssl: boolean }, run: BackupRun): Promise<void> {
  const db = new Client({
    connectionString: settings.url,
    ssl: settings.ssl ? { rejectUnauthorized: true } : undefined,
    application_name: 'depot-backup',
  });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO backup_runs (id, status, started_at, finished_at, file, size_bytes, row_count, error, hostname)
       VALUES ($1, $2, $3, now(), $4, $5, $6, $7, $8)`,
      [
        randomUUID(),
        run.status,
        run.startedAt,
        run.file.slice(0, 1000),
        run.sizeBytes,
        run.rowCount,
        run.error?.slice(0, 500) ?? null,
        hostname().slice(0, 255),
      ],
    );
  } finally {
    await db.end().catch(() => undefined);
  }
}
