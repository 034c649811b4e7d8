#!/usr/bin/env node
// `npm run db:migration:generate -- AddSomething`: diff the entities against a scratch database
// migrated to the latest committed migration, and write the difference as a new migration.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './build-if-needed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: npm run db:migration:generate -- MigrationNameInPascalCase');
  process.exit(2);
}
buildIfNeeded({ frontend: false });

const { EmbeddedDatabase } = await import(join(root, 'dist/backend/platform/database/embedded-database.js'));
const { default: pino } = await import('pino');
const dataDir = mkdtempSync(join(tmpdir(), 'depot-migration-'));
chmodSync(dataDir, 0o755);
const embedded = new EmbeddedDatabase(dataDir, 55432, pino({ level: 'warn' }));
const url = await embedded.start();
const env = { ...process.env, DATABASE_URL: url, DEPOT_DATA_DIR: dataDir };
try {
  const typeorm = join(root, 'node_modules', '.bin', 'typeorm');
  const dataSource = join(root, 'dist/backend/cli/database/data-source.js');
  const migrate = spawnSync(typeorm, ['migration:run', '-d', dataSource], { cwd: root, env, stdio: 'inherit' });
  if (migrate.status !== 0) process.exitCode = 1;
  else {
    const target = join('backend/src/platform/database/migrations', name);
    const result = spawnSync(typeorm, ['migration:generate', '-p', '-d', dataSource, target], {
      cwd: root,
      env,
      stdio: 'inherit',
    });
    process.exitCode = result.status ?? 1;
    if (result.status === 0) console.log('Add the new class to backend/src/platform/database/migrations/index.ts.');
  }
} finally {
  await embedded.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
