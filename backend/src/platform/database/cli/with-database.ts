import pino from 'pino';
import { loadConfig, type AppConfig } from '../../config/app-config';
import { EmbeddedDatabase } from '../embedded-database';

/** Runs a CLI task on DATABASE_URL, or on the embedded database (started and stopped around it). */
export async function withDatabase(
  task: (config: AppConfig & { database: { url: string } }, where: { embedded: boolean }) => Promise<void>,
): Promise<void> {
  let config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  if (!config.database.url) {
    embedded = new EmbeddedDatabase(config.embedded.dataDir, config.embedded.port, pino({ level: 'warn' }));
    config = { ...config, database: { ...config.database, url: await embedded.start() } };
  }
  try {
    await task(config as AppConfig & { database: { url: string } }, { embedded: embedded !== undefined });
  } finally {
    await embedded?.stop();
  }
}
