import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, type DatabaseConnectionSettings } from './data-source-options';

/** Advisory lock key replicas take before migrating ("DEPOTMIG"). */
const MIGRATION_LOCK_KEY = 0x44_45_50_4f_4d_49_47n;

/**
 * Applies pending committed migrations, one process at a time: replicas that start together (a
 * rolling deploy, a scale-up) wait on a session-level advisory lock on a dedicated connection,
 * and whoever comes second finds nothing left to do. Give it a direct connection, not one
 * through a transaction-mode pooler (a session lock would not survive there). Answers the names
 * of the migrations this call applied.
 */
export async function runMigrations(settings: Omit<DatabaseConnectionSettings, 'poolMax'>): Promise<string[]> {
  const lock = new Client({
    connectionString: settings.url,
    ssl: settings.ssl ? { rejectUnauthorized: true } : undefined,
    application_name: 'depot-migrate-lock',
  });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    const dataSource = new DataSource(
      dataSourceOptions({ ...settings, poolMax: 1, applicationName: settings.applicationName ?? 'depot-migrate' }),
    );
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    // Ending the session releases the lock even if the unlock itself fails.
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]).catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}
