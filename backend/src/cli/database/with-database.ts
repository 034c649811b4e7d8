import pino from 'pino';
import { loadConfig, type AppConfig } from '../../platform/config/app-config';
import { EmbeddedDatabase } from '../../platform/database/embedded-database';

/** The config of a CLI task: both URLs are set (`directUrl` is DATABASE_DIRECT_URL or DATABASE_URL). */
export type CliConfig = AppConfig & { database: { url: string; directUrl: string } };

/**
 * Runs a CLI task on DATABASE_URL, or on the embedded database (started and stopped around it).
 * Tasks that hold a session (migrations under their advisory lock, backups, restores) use
 * `directUrl`, never a transaction-mode pooler.
 */
export async function withDatabase(
  task: (config: CliConfig, where: { embedded: boolean }) => Promise<void>,
): Promise<void> {
  let config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  if (!config.database.url) {
    embedded = new EmbeddedDatabase(config.embedded.dataDir, config.embedded.port, pino({ level: 'warn' }));
    const url = await embedded.start();
    config = { ...config, database: { ...config.database, url, directUrl: url } };
  }
  try {
    await task(config as CliConfig, { embedded: embedded !== undefined });
  } finally {
    await embedded?.stop();
  }
}
