import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { SecretBox } from '../../platform/crypto/secret-box';
import { reencryptSecrets } from '../../platform/crypto/secrets-at-rest';
import { dataSourceOptions } from '../../platform/database/data-source-options';
import { ENTITIES } from './entities';
import { withDatabase } from './with-database';

/**
 * `npm run db:rotate-encryption-key`: with the new key in DEPOT_ENCRYPTION_KEY and the old ones
 * in DEPOT_PREVIOUS_ENCRYPTION_KEYS, re-encrypts every secret at rest (and any left in clear)
 * under the new key, in one transaction. Idempotent: a second run changes nothing.
 */
void withDatabase(async (config, { embedded }) => {
  if (config.encryption.keySource !== 'environment' && !embedded) {
    // A key generated on this machine would leave the servers unable to read anything.
    throw new Error('set DEPOT_ENCRYPTION_KEY to the new key the servers will use (e.g. openssl rand -base64 32)');
  }
  const dataSource = new DataSource({
    ...dataSourceOptions({
      url: config.database.url,
      poolMax: 2,
      ssl: config.database.ssl,
      applicationName: 'depot-rotate-encryption-key',
    }),
    entities: ENTITIES,
  });
  await dataSource.initialize();
  try {
    if (await dataSource.showMigrations())
      throw new Error('the database has pending migrations: run npm run db:migrate first');
    const box = new SecretBox(config.encryption.key, config.encryption.previousKeys);
    const { total, changed } = await reencryptSecrets(dataSource, box, 'all');
    const detail = Object.entries(changed)
      .map(([column, n]) => `${column}: ${n}`)
      .join(', ');
    process.stdout.write(`re-encrypted ${total} secrets under key ${box.currentKeyId} (${detail})\n`);
  } finally {
    await dataSource.destroy();
  }
}).catch((error: unknown) => {
  process.stderr.write(`key rotation failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
