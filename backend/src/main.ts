import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import pino from 'pino';
import { loadConfig, ConfigError, type AppConfig } from './platform/config/app-config';
import { createApp } from './platform/bootstrap';
import { EmbeddedDatabase } from './platform/database/embedded-database';
import { DemoDataSeeder } from './platform/database/seed/demo-data.seeder';
import { HealthService } from './platform/health/health.service';

async function main(): Promise<void> {
  const startedAt = process.hrtime.bigint();
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const bootLogger = pino({
    level: config.log.level,
    transport: config.log.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  });

  let embedded: EmbeddedDatabase | undefined;
  if (!config.database.url) {
    embedded = new EmbeddedDatabase(config.embedded.dataDir, config.embedded.port, bootLogger);
    const url = await embedded.start();
    config = { ...config, database: { ...config.database, url } };
  }

  const app = await createApp(config);
  const logger = new Logger('Depot');
  await app.init();
  await app.get(DemoDataSeeder).seedIfWanted();

  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: finishing in-flight requests`);
    app.get(HealthService).markShuttingDown();
    const force = setTimeout(() => {
      logger.error('shutdown grace period exceeded, exiting');
      process.exit(1);
    }, config.http.shutdownGraceMs);
    force.unref();
    try {
      // Stop accepting and let in-flight requests finish while the database is still there;
      // only then run the modules' shutdown hooks (pool, embedded server).
      await app.getHttpAdapter().getInstance().close();
      await app.close();
      await embedded?.stop();
      logger.log('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.http.port, host: config.http.host });
  const readyMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
  const base = `http://localhost:${config.http.port}`;
  logger.log(
    `Depot ready in ${Math.round(readyMs)} ms on ${base} (UI ${base}/, API docs ${base}/api/docs, database ${embedded ? 'embedded' : 'external'})`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Depot failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
