// First: tracing must be in place before http, fastify and pg are loaded (see tracing-preload.ts).
import { tracing } from './platform/observability/tracing-preload';
import 'reflect-metadata';
import { getDataSourceToken } from '@nestjs/typeorm';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { loadConfig, ConfigError, type AppConfig } from './platform/config/app-config';
import { createApp, type DepotApp } from './bootstrap';
import { EmbeddedDatabase } from './platform/database/embedded-database';
import { runMigrations } from './platform/database/migrations-runner';
import { DemoDataSeeder } from './seed/demo-data.seeder';
import { HealthService } from './platform/health/health.service';
import { BackgroundWorkers } from './platform/lifecycle/background-workers';
import { runShutdown, type ShutdownStep } from './platform/lifecycle/graceful-shutdown';
import { traceLogFields } from './platform/observability/tracing-context';

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
  const logger = pino({
    level: config.log.level,
    mixin: config.tracing.enabled ? traceLogFields : undefined,
    transport: config.log.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  }).child({ context: 'Depot' });

  let embedded: EmbeddedDatabase | undefined;
  let depot: DepotApp | undefined = undefined;

  /**
   * Depot owns SIGTERM/SIGINT: readiness turns 503 at once, HTTP stops accepting and every
   * request already accepted completes with the database still there, then the background
   * workers stop, then the pool closes, then (embedded only) the database. Every step is logged
   * and bounded so the process exits within SHUTDOWN_GRACE_MS whatever state it is in.
   */
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, `${signal} received: shutting down`);
    const force = setTimeout(() => {
      logger.error('shutdown grace period exceeded, exiting');
      process.exit(1);
    }, config.http.shutdownGraceMs);
    force.unref();
    const steps: ShutdownStep[] = depot ? applicationSteps(depot) : [];
    if (embedded) steps.push({ name: 'embedded database stopped', run: () => embedded?.stop() });
    const traces = tracing;
    if (traces) steps.push({ name: 'traces flushed', run: () => traces.shutdown() });
    const clean = await runShutdown(steps, config.http.shutdownGraceMs, logger);
    logger.info(clean ? 'stopped' : 'stopped with errors');
    process.exit(clean ? 0 : 1);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  if (!config.database.url) {
    embedded = new EmbeddedDatabase(config.embedded.dataDir, config.embedded.port, logger);
    const url = await embedded.start();
    config = { ...config, database: { ...config.database, url, directUrl: url } };
  }
  if (config.database.migrateOnStart) {
    // A direct (session) connection: never through a transaction-mode pooler.
    const applied = await runMigrations({ url: config.database.directUrl!, ssl: config.database.ssl });
    if (applied.length > 0) logger.info({ applied }, `applied ${applied.length} migration(s)`);
  }
  depot = await createApp(config);
  const { app } = depot;
  await app.init();
  await app.get(DemoDataSeeder).seedIfWanted();
  if (closing) return;

  await app.listen({ port: config.http.port, host: config.http.host });
  const readyMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
  const base = `http://localhost:${config.http.port}`;
  logger.info(
    `Depot ready in ${Math.round(readyMs)} ms on ${base} (UI ${base}/, API docs ${base}/api/docs, database ${embedded ? 'embedded' : 'external'})`,
  );
}

/** Shutdown steps of a created application, in order (the embedded database comes after them). */
function applicationSteps({ app, realtime }: DepotApp): ShutdownStep[] {
  return [
    { name: 'readiness off', run: () => app.get(HealthService).markShuttingDown() },
    { name: 'realtime connections closed', run: () => realtime.disconnectAll() },
    {
      name: 'in-flight requests finished',
      run: async () => {
        const fastify = app.getHttpAdapter().getInstance();
        // Connections that were busy when closing began go idle later: keep reaping them, or
        // a client's kept-alive socket would hold the server open until its keep-alive timeout.
        const reaper = setInterval(() => fastify.server.closeIdleConnections(), 100);
        try {
          await fastify.close();
        } finally {
          clearInterval(reaper);
        }
      },
    },
    ...app
      .get(BackgroundWorkers)
      .list()
      .map((worker) => ({ name: `${worker.name} stopped`, run: () => worker.stop() })),
    {
      name: 'database pool closed',
      run: async () => {
        const dataSource = app.get<DataSource>(getDataSourceToken());
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    },
    { name: 'application closed', run: () => app.close() },
  ];
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Depot failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
