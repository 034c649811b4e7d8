// Runs the built server (dist/backend/main.js) as a child process, exactly as `npm start` does.
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { existsSync } = require('node:fs');
const { createServer } = require('node:net');
const { join } = require('node:path');

const MAIN = join(__dirname, '..', '..', '..', 'dist', 'backend', 'main.js');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the server with the given environment and resolves once /api/health/ready says ok; on a
 * free port, or on `port` (a replica restarted in place behind a proxy).
 */
async function startServer(env, { timeoutMs = 60_000, port: fixedPort } = {}) {
  if (!existsSync(MAIN))
    throw new Error('The API is not built: run `npm run build:backend` (npm test does it for you).');
  const port = fixedPort ?? (await freePort());
  const output = [];
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      LOG_PRETTY: 'false',
      HOST: '127.0.0.1',
      JWT_SECRET: 'e2e-secret-'.padEnd(48, 'x'),
      // A fixed key, so no test server generates one into the checkout's data dir.
      DEPOT_ENCRYPTION_KEY: Buffer.alloc(32, 0x65).toString('base64'),
      // Tests sign in often from one address and send many requests as one user; rate-limit
      // tests lower these again.
      AUTH_IP_MAX_REQUESTS: '100000',
      LOGIN_MAX_FAILURES: '1000',
      API_RATE_LIMIT_MAX_REQUESTS: '1000000',
      API_RATE_LIMIT_BULK_MAX_REQUESTS: '1000000',
      // Test databases are copies of one template (same user ids): with REDIS_URL, servers must
      // not share counters unless a test says so.
      RATE_LIMIT_KEY_PREFIX: `depot-test:${randomBytes(6).toString('hex')}`,
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk) => output.push(chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let early;
  exited.then((result) => (early = result));
  for (;;) {
    if (early) throw new Error(`server exited during start (${JSON.stringify(early)}):\n${output.join('')}`);
    try {
      const response = await fetch(`${baseUrl}/api/health/ready`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${timeoutMs} ms:\n${output.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    baseUrl,
    child,
    output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

module.exports = { startServer, freePort };
