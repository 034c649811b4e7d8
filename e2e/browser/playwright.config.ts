/**
 * Browser tests: the built admin UI served by the built backend on a fresh embedded PostgreSQL
 * with demo data. Run with `npx playwright test -c e2e/browser/playwright.config.ts` after
 * `npm run build` (the server runs `dist/backend/main.js`, which serves `dist/frontend/browser`).
 */
import { defineConfig } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'e2e', '.artifacts');
// Overridable so that several checkouts can run their browser tests at once.
const PORT = Number(process.env['DEPOT_E2E_PORT'] ?? 3123);
const BASE_URL = `http://localhost:${PORT}`;

/** Chromium flags that work on these machines (no sandbox as root, no calls to the outside). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** CHROME_PATH, else the system Chromium, else the one `npx playwright install chromium` downloaded. */
function findChromium(): string {
  const fromEnv = process.env['CHROME_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file exists there.`);
    }
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) {
    return '/usr/bin/chromium';
  }
  try {
    const cached = chromium.executablePath();
    if (cached && existsSync(cached)) {
      return cached;
    }
  } catch {
    // Fall through to the error below.
  }
  throw new Error(
    'No Chromium found for the browser tests. Either set CHROME_PATH to a Chrome/Chromium binary, ' +
      'install the system package (apt-get install -y chromium, giving /usr/bin/chromium), ' +
      "or download Playwright's own build (npx playwright install chromium).",
  );
}

// The config is loaded again in every worker; the environment carries the first choices over.
process.env['DEPOT_E2E_DATA_DIR'] ??= mkdtempSync(join(tmpdir(), 'depot-browser-e2e-'));
process.env['DEPOT_E2E_PG_PORT'] ??= String(55000 + (process.pid % 1000));
const dataDir = process.env['DEPOT_E2E_DATA_DIR'];
const pgPort = process.env['DEPOT_E2E_PG_PORT'];
if (!process.env['TEST_WORKER_INDEX']) {
  // Only the runner owns the throw-away database; it has stopped the server when it exits.
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}

export default defineConfig({
  testDir: __dirname,
  testMatch: '**/*.spec.ts',
  outputDir: join(ARTIFACTS, 'browser-test-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: join(ARTIFACTS, 'browser-results.json') }]],
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'node dist/backend/main.js',
    cwd: ROOT,
    url: `${BASE_URL}/api/health/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      DEPOT_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: pgPort,
      LOG_LEVEL: 'warn',
      // Every page load restores the session with POST /auth/refresh; the suite makes a few dozen
      // of those within a minute from one IP, which the default per-IP auth limit would refuse.
      // Rate limiting has its own tests in e2e/api.
      AUTH_IP_MAX_REQUESTS: '10000',
      // The suite signs in as the same few users over and over; the per-user API budget has its
      // own tests in e2e/api too.
      API_RATE_LIMIT_MAX_REQUESTS: '100000',
      API_RATE_LIMIT_BULK_MAX_REQUESTS: '10000',
    },
  },
});
