import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const KEY = randomBytes(32);

describe('loadConfig', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'depot-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const load = (env: Record<string, string>) => loadConfig({ DEPOT_DATA_DIR: dataDir, ...env }, { dotenv: false });

  it('applies defaults for a new user', () => {
    const config = load({});
    expect(config.http.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
    expect(config.database.seedDemoData).toBe(true);
    expect(config.demoPassword).toBe('depot-demo-password');
    expect(config.http.swaggerEnabled).toBe(true);
  });

  it('names the variable and what is expected when a value is malformed', () => {
    expect(() => load({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => load({ PORT: 'abc' })).toThrow(/PORT: .*got "abc"/);
    expect(() => load({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: expected a postgres/);
    expect(() => load({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('never prints secret values in its error message', () => {
    expect(() => load({ JWT_SECRET: 'short-secret' })).toThrow(/JWT_SECRET: .*\(got \(hidden\)\)/);
  });

  it('requires a JWT secret in production', () => {
    expect(() => load({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required in production/);
    expect(
      load({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40), DEPOT_ENCRYPTION_KEY: KEY.toString('base64') }).http
        .swaggerEnabled,
    ).toBe(false);
  });

  it('requires an encryption key in production, and says how to make one', () => {
    expect(() => load({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40) })).toThrow(
      /DEPOT_ENCRYPTION_KEY: required in production: .*openssl rand -base64 32.*\(got unset\)/,
    );
  });

  it('reads the encryption key as base64 or hex, with previous keys for rotation', () => {
    const previous = randomBytes(32);
    const config = load({
      DEPOT_ENCRYPTION_KEY: KEY.toString('hex'),
      DEPOT_PREVIOUS_ENCRYPTION_KEYS: `${previous.toString('base64')}, ${KEY.toString('base64')}`,
    });
    expect(config.encryption).toEqual({ key: KEY, previousKeys: [previous, KEY], keySource: 'environment' });
    expect(load({ DEPOT_ENCRYPTION_KEY: KEY.toString('base64') }).encryption.key).toEqual(KEY);
  });

  it('refuses an encryption key that is not 32 bytes, without printing it', () => {
    const short = randomBytes(16).toString('base64');
    expect(() => load({ DEPOT_ENCRYPTION_KEY: short })).toThrow(
      /DEPOT_ENCRYPTION_KEY: expected 32 random bytes as base64 \(44 characters\) or hex \(64 characters\); generate one with `openssl rand -base64 32` \(got \(hidden\)\)/,
    );
    expect(() => load({ DEPOT_ENCRYPTION_KEY: short })).not.toThrow(short);
    expect(() => load({ DEPOT_PREVIOUS_ENCRYPTION_KEYS: `${KEY.toString('base64')},not-a-key` })).toThrow(
      /DEPOT_PREVIOUS_ENCRYPTION_KEYS: key 2: expected 32 random bytes.*\(got \(hidden\)\)/,
    );
  });

  it('generates an encryption key once, readable only by its owner, and keeps it in the data dir', () => {
    const first = load({}).encryption;
    expect(first.key).toHaveLength(32);
    expect(first.keySource).toBe('data-dir');
    const file = join(dataDir, 'encryption-key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toEqual(first.key);
    expect(load({}).encryption.key).toEqual(first.key);
  });

  it('generates a JWT secret once and keeps it in the data dir for later starts', () => {
    const first = load({}).auth.jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(48);
    expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8')).toBe(first);
    expect(load({}).auth.jwtSecret).toBe(first);
  });

  it('does not seed demo data into an external database unless asked', () => {
    expect(load({ DATABASE_URL: 'postgres://localhost/depot' }).database.seedDemoData).toBe(false);
    expect(load({ DATABASE_URL: 'postgres://localhost/depot', SEED_DEMO_DATA: 'true' }).database.seedDemoData).toBe(
      true,
    );
  });

  it('uses DATABASE_URL for sessions and reports unless a direct URL and a read replica are given', () => {
    const plain = load({ DATABASE_URL: 'postgres://pooler/depot', DATABASE_POOL_MAX: '8' }).database;
    expect(plain.directUrl).toBe('postgres://pooler/depot');
    expect(plain.read).toEqual({ url: undefined, poolMax: 8, maxLagSeconds: 5 });
    const scaled = load({
      DATABASE_URL: 'postgres://pooler/depot',
      DATABASE_DIRECT_URL: 'postgres://primary/depot',
      DATABASE_READ_URL: 'postgresql://replica/depot',
      DATABASE_READ_POOL_MAX: '20',
      DATABASE_READ_MAX_LAG_SECONDS: '2.5',
    }).database;
    expect(scaled.directUrl).toBe('postgres://primary/depot');
    expect(scaled.read).toEqual({ url: 'postgresql://replica/depot', poolMax: 20, maxLagSeconds: 2.5 });
  });

  it('refuses a replica or a direct URL without DATABASE_URL, and URLs that are not PostgreSQL', () => {
    expect(() => load({ DATABASE_READ_URL: 'postgres://replica/depot' })).toThrow(
      /DATABASE_READ_URL: needs DATABASE_URL/,
    );
    expect(() => load({ DATABASE_URL: 'postgres://p/depot', DATABASE_READ_URL: 'mysql://replica/depot' })).toThrow(
      /DATABASE_READ_URL: expected a postgres/,
    );
    expect(() => load({ DATABASE_URL: 'postgres://p/depot', DATABASE_READ_MAX_LAG_SECONDS: '0' })).toThrow(
      /DATABASE_READ_MAX_LAG_SECONDS/,
    );
  });

  it('keeps mail in the dev mailbox by default and builds links on localhost', () => {
    const config = load({ PORT: '4100' });
    expect(config.mail).toEqual({
      smtpUrl: undefined,
      from: 'Depot <no-reply@depot.local>',
      retryScheduleSeconds: [10, 60, 300, 1800, 7200],
      pollIntervalMs: 1000,
      sendTimeoutMs: 10_000,
    });
    expect(load({ MAIL_RETRY_SCHEDULE_SECONDS: '1,2' }).mail.retryScheduleSeconds).toEqual([1, 2]);
    expect(() => load({ MAIL_RETRY_SCHEDULE_SECONDS: '10,soon' })).toThrow(/MAIL_RETRY_SCHEDULE_SECONDS/);
    expect(config.publicUrl).toBe('http://localhost:4100');
    expect(load({ PUBLIC_URL: 'https://depot.example.com/' }).publicUrl).toBe('https://depot.example.com');
  });

  it('accepts only smtp(s) URLs for SMTP_URL and never prints them, as they may hold a password', () => {
    expect(load({ SMTP_URL: 'smtps://user:pw@smtp.example.com:465' }).mail.smtpUrl).toBe(
      'smtps://user:pw@smtp.example.com:465',
    );
    expect(() => load({ SMTP_URL: 'http://user:s3cret@smtp.example.com' })).toThrow(
      /SMTP_URL: expected an smtp:\/\/ or smtps:\/\/ URL \(got \(hidden\)\)/,
    );
    expect(() => load({ MAIL_FROM: 'Depot\r\nBcc: x@evil.example' })).toThrow(/MAIL_FROM/);
    expect(() => load({ PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_URL/);
  });

  it('parses the CORS allowlist', () => {
    expect(load({ CORS_ORIGINS: 'https://a.example, https://b.example' }).http.corsOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });

  it('limits each user or API key to 1200 requests a minute and 30 CSV imports or exports by default', () => {
    expect(load({}).rateLimits).toMatchObject({
      apiMaxRequests: 1200,
      apiBulkMaxRequests: 30,
      apiWindowSeconds: 60,
      keyPrefix: 'depot:rl',
    });
    const custom = load({
      API_RATE_LIMIT_MAX_REQUESTS: '600',
      API_RATE_LIMIT_BULK_MAX_REQUESTS: '5',
      API_RATE_LIMIT_WINDOW_SECONDS: '10',
      RATE_LIMIT_KEY_PREFIX: 'depot-eu:rl',
    }).rateLimits;
    expect(custom).toMatchObject({ apiMaxRequests: 600, apiBulkMaxRequests: 5, apiWindowSeconds: 10 });
    expect(custom.keyPrefix).toBe('depot-eu:rl');
    expect(() => load({ API_RATE_LIMIT_MAX_REQUESTS: '0' })).toThrow(/API_RATE_LIMIT_MAX_REQUESTS/);
    expect(() => load({ RATE_LIMIT_KEY_PREFIX: 'a b' })).toThrow(/RATE_LIMIT_KEY_PREFIX/);
  });
});
