import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';
import { MIGRATIONS } from '../migrations';

/**
 * Depot's logical backup: the data of every table as PostgreSQL COPY text, taken in one
 * REPEATABLE READ snapshot, plus the migrations it was taken at and the sequence values. It
 * needs no pg_dump (the embedded server is newer than the clients Debian ships) and restores
 * into any PostgreSQL Depot supports: the schema comes from the committed migrations, the rows
 * from the file, stock levels from the ledger (the same trigger that keeps them in production
 * rebuilds them, movement by movement in ledger order, so every `on_hand_after` comes out the
 * same). The file is gzip'd text: `-- depot-backup <header JSON>`, then `COPY ... FROM stdin;`
 * blocks ending in `\.`, then `-- sequences <JSON>`.
 */
export const BACKUP_FORMAT = 'depot-backup/1';

/**
 * Derived from other tables (the ledger), owned by the migration runner, or the operational state
 * of the database they live in (process heartbeats, the record of backups): not in the file.
 */
const NOT_COPIED = new Set(['schema_migrations', 'stock_levels', 'instance_heartbeats', 'backup_runs']);
/** Row order that matters on restore: ledger order, so the trigger recomputes identical balances. */
const COPY_ORDER: Record<string, string> = { stock_movements: 'occurred_at, id' };

interface Header {
  format: string;
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows?: number }[];
}

interface Settings {
  url: string;
  ssl: boolean;
}

function client(settings: Settings, name: string): Client {
  return new Client({
    connectionString: settings.url,
    ssl: settings.ssl ? { rejectUnauthorized: true } : undefined,
    application_name: name,
  });
}

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/** The user tables, except those rebuilt from others. */
async function tablesToCopy(db: Client): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  return rows.map((row) => row.name).filter((table) => !NOT_COPIED.has(table));
}

async function columnsOf(db: Client, table: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
      ORDER BY attnum`,
    [`public.${quote(table)}`],
  );
  return rows.map((row) => row.name);
}

function write(out: NodeJS.WritableStream, text: string): Promise<void> | void {
  if (!out.write(text)) return once(out, 'drain').then(() => undefined);
}

/** Writes a backup of the database at `settings.url` to `file`; answers the row count per table. */
export async function backupDatabase(settings: Settings, file: string): Promise<Record<string, number>> {
  const db = client(settings, 'depot-backup');
  await db.connect();
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(file, { mode: 0o600 }));
  const counts: Record<string, number> = {};
  try {
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY id')).rows.map(
      (row) => row.name,
    );
    const tables = await tablesToCopy(db);
    const header: Header = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), migrations, tables: [] };
    header.tables = tables.map((name) => ({ name }));
    await write(gzip, `-- depot-backup ${JSON.stringify(header)}\n`);
    for (const table of tables) {
      const columns = (await columnsOf(db, table)).map(quote).join(', ');
      const order = COPY_ORDER[table] ? ` ORDER BY ${COPY_ORDER[table]}` : '';
      await write(gzip, `COPY ${quote(table)} (${columns}) FROM stdin;\n`);
      const source = db.query(copyTo(`COPY (SELECT ${columns} FROM ${quote(table)}${order}) TO STDOUT`));
      let rows = 0;
      for await (const chunk of source as AsyncIterable<Buffer>) {
        for (const byte of chunk) if (byte === 0x0a) rows++;
        await write(gzip, chunk.toString('utf8'));
      }
      counts[table] = rows;
      await write(gzip, '\\.\n');
    }
    const sequences = (
      await db.query<{ name: string; value: string; called: boolean }>(
        `SELECT sequencename AS name, last_value::text AS value, last_value IS NOT NULL AS called
           FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL`,
      )
    ).rows;
    await write(gzip, `-- sequences ${JSON.stringify(sequences)}\n`);
    await db.query('COMMIT');
    gzip.end();
    await done;
    return counts;
  } catch (error) {
    gzip.destroy();
    await done.catch(() => undefined);
    throw error;
  } finally {
    await db.end().catch(() => undefined);
  }
}

async function runMigrationsUpTo(settings: Settings, count: number): Promise<void> {
  const dataSource = new DataSource({
    ...dataSourceOptions({ ...settings, poolMax: 1, applicationName: 'depot-restore' }),
    migrations: MIGRATIONS.slice(0, count),
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Restores a backup into the database at `settings.url`, which must be empty unless `replace`
 * (then its `public` schema is dropped first). The schema is migrated to the backup's migrations,
 * the rows are loaded in one transaction, then later migrations run. Answers the rows per table.
 */
export async function restoreDatabase(
  settings: Settings,
  file: string,
  options: { replace?: boolean } = {},
): Promise<Record<string, number>> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const match = first.done ? null : /^-- depot-backup (\{.*\})$/.exec(first.value);
  if (!match) throw new Error(`${file} is not a Depot backup`);
  const header = JSON.parse(match[1]) as Header;
  if (header.format !== BACKUP_FORMAT) throw new Error(`unsupported backup format ${header.format}`);
  const known = MIGRATIONS.map((migration) => migration.name);
  const prefix = header.migrations.every((name, index) => known[index] === name);
  if (!prefix) {
    throw new Error('the backup was taken by a newer or different version of Depot (its migrations are unknown here)');
  }

  const db = client(settings, 'depot-restore');
  await db.connect();
  const counts: Record<string, number> = {};
  try {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
    );
    if (rows[0].n > 0) {
      if (!options.replace) throw new Error('the target database is not empty (use --replace to wipe it first)');
      await db.query('DROP SCHEMA public CASCADE');
      await db.query('CREATE SCHEMA public');
    }
    await runMigrationsUpTo(settings, header.migrations.length);

    await db.query('BEGIN');
    // Like pg_dump: foreign keys are added back after the data (tables refer to each other in
    // cycles, e.g. sales orders and invoices), which also checks every reference once.
    const foreignKeys = (
      await db.query<{ table: string; name: string; definition: string }>(
        `SELECT c.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
           FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE k.contype = 'f' AND n.nspname = 'public'`,
      )
    ).rows;
    for (const key of foreignKeys) {
      await db.query(`ALTER TABLE ${quote(key.table)} DROP CONSTRAINT ${quote(key.name)}`);
    }
    for (let line = await iterator.next(); !line.done; line = await iterator.next()) {
      const copy = /^COPY "([^"]+)" .* FROM stdin;$/.exec(line.value);
      if (copy) {
        // The backup holds the table's every row: rows a migration put in (the one company
        // settings row) make way for the backed-up ones. Row triggers do not fire on an empty table.
        await db.query(`DELETE FROM ${quote(copy[1])}`);
        const sink = db.query(copyFrom(line.value.replace(/ FROM stdin;$/, ' FROM STDIN')));
        let rowsCopied = 0;
        for (let row = await iterator.next(); !row.done && row.value !== '\\.'; row = await iterator.next()) {
          rowsCopied++;
          if (!sink.write(`${row.value}\n`)) await once(sink, 'drain');
        }
        sink.end();
        await once(sink, 'finish');
        counts[copy[1]] = rowsCopied;
        continue;
      }
      const sequences = /^-- sequences (\[.*\])$/.exec(line.value);
      if (sequences) {
        for (const sequence of JSON.parse(sequences[1]) as { name: string; value: string }[]) {
          await db.query('SELECT setval($1::regclass, $2::bigint, true)', [quote(sequence.name), sequence.value]);
        }
      }
    }
    for (const key of foreignKeys) {
      await db.query(`ALTER TABLE ${quote(key.table)} ADD CONSTRAINT ${quote(key.name)} ${key.definition}`);
    }
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    lines.close();
    await db.end().catch(() => undefined);
  }
  await runMigrationsUpTo(settings, MIGRATIONS.length);
  return counts;
}
