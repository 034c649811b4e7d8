const { TEMPLATE, withDatabase, adminQuery, startEmbedded } = require('./test-database');
const { startServer } = require('./server-process');

/** Starts (or connects to) PostgreSQL and prepares a migrated, seeded template database. */
module.exports = async function globalSetup() {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = new URL(adminUrl).pathname.slice(1);
    if (!/test/i.test(name)) {
      throw new Error(`TEST_DATABASE_URL must name a database whose name contains "test" (got "${name}").`);
    }
  } else {
    const embedded = await startEmbedded();
    adminUrl = embedded.adminUrl;
    globalThis.__DEPOT_EMBEDDED__ = embedded;
  }
  process.env.DEPOT_TEST_ADMIN_URL = adminUrl;

  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE ${TEMPLATE}`);
  // Start the real server once on the template: it migrates, syncs roles and seeds demo data.
  const server = await startServer({ DATABASE_URL: withDatabase(adminUrl, TEMPLATE), SEED_DEMO_DATA: 'true' });
  const { code } = await server.stop();
  if (code !== 0)
    throw new Error(`template server did not shut down cleanly (exit ${code}):\n${server.output.join('')}`);
};
