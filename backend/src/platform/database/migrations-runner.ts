import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, type DatabaseConnectionSettings } from './data-source-options';

/** Advisory lock key replicas take before migrating ("DEPOTMIG"). */
const MIGRATION_LOCK_KEY = 0x44_45_50_4f_4d_49_47n;

/**
 * Applies pending committed migrations, one process at a time: replicas that start together (a
 * rolling deploy, a scale-up) wait on an advisory lock, and whoever comes second finds nothing
 * left to do. The lock is transaction-scoped, held by a transaction left open on a dedicated
 * connection while the migrations run on others: it is released by COMMIT, by ROLLBACK or when
 * the connection dies, and it behaves the same on a direct connection and through a
 * transaction-mode pooler (which keeps a server connection pinned to an open transaction, where
 * a session lock could stay behind on a pooled connection). Give it DATABASE_DIRECT_URL anyway:
 * migrations hold connections for a while and may do what poolers forbid. Answers the names of
 * the migrations this call applied.
 */
export async function runMigrations(settings: Omit<DatabaseConnectionSettings, 'poolMax'>): Promise<string[]> {
  const lock = new Client({
    connectionString: settings.url,
    ssl: settings.ssl ? { rejectUnauthorized: true } : undefined,
    application_name: 'depot-migrate-lock',
  });
  await lock.connect();
  try {
    await lock.query('BEGIN');
    // Waiting for another replica's migrations may take longer than any statement bound.
    await lock.query('SET LOCAL statement_timeout = 0');
    await lock.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
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
    // Ending the transaction (or, failing that, the session) releases the lock.
    await lock.query('ROLLBACK').catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}
