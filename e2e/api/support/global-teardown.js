const { TEMPLATE, adminQuery } = require('./test-database');

module.exports = async function globalTeardown() {
  const embedded = globalThis.__DEPOT_EMBEDDED__;
  if (embedded) {
    await embedded.stop();
    return;
  }
  await adminQuery(process.env.DEPOT_TEST_ADMIN_URL, `DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
};
