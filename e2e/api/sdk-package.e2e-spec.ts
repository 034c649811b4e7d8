/**
 * @depot/sdk as an integrator gets it: packed into a tarball, installed into fresh projects (ESM
 * and CommonJS) with nothing else, and run with plain node against a live server. Then an
 * independent generator (openapi-typescript + openapi-fetch) has to be able to use the document.
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as ts from 'typescript';
import { startTestApp, DEMO_PASSWORD, type TestApp } from './support/test-app';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const sdkDir = join(root, 'libs', 'sdk');

/** The environment of child processes, without what `npm test` exported for the repo's own npm run. */
const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !key.startsWith('npm_') && key !== 'INIT_CWD'),
);

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** Runs tsup when libs/sdk/dist is missing or older than what it is built from. */
function buildSdkIfNeeded(): void {
  const built = newestMtime(join(sdkDir, 'dist', 'index.js'));
  const sources = ['src', 'package.json', 'tsup.config.mjs', '../contracts/src/error-codes.ts'].map((path) =>
    newestMtime(join(sdkDir, path)),
  );
  if (built > 0 && sources.every((mtime) => mtime < built)) return;
  execFileSync(join(root, 'node_modules', '.bin', 'tsup'), [], { cwd: sdkDir, stdio: 'pipe', env: childEnv });
}

/** Type-checks `files` strictly (TypeScript API); returns the diagnostics as readable lines. */
function typeErrors(files: string[], options: ts.CompilerOptions): string[] {
  const program = ts.createProgram(files, { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, ...options });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${diagnostic.file.fileName}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}: `
      : '';
    return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  });
}

const timings: Record<string, number> = {};
async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    timings[label] = Date.now() - started;
  }
}

describe('@depot/sdk installed from its tarball', () => {
  let app: TestApp;
  let work: string;
  let packed: { filename: string; size: number; unpackedSize: number; files: { path: string }[] };
  const esmProject = () => join(work, 'esm-project');
  const cjsProject = () => join(work, 'cjs-project');

  beforeAll(async () => {
    const appStarting = startTestApp();
    try {
      await timed('build', () => Promise.resolve(buildSdkIfNeeded()));
      work = mkdtempSync(join(tmpdir(), 'depot-sdk-package-'));
      const { stdout } = await timed('pack', () =>
        run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: sdkDir, env: childEnv }),
      );
      [packed] = JSON.parse(stdout) as (typeof packed)[];
      const tarball = join(work, packed.filename);

      // Two fresh projects; --offline proves the tarball needs nothing from a registry.
      const project = (dir: string, type: 'module' | 'commonjs') => {
        mkdirSync(dir);
        writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `sdk-${type}-consumer`, private: true, type }));
        return run('npm', ['install', tarball, '--no-audit', '--no-fund', '--ignore-scripts', '--offline'], {
          cwd: dir,
          env: childEnv,
        });
      };
      await timed('install', () => Promise.all([project(esmProject(), 'module'), project(cjsProject(), 'commonjs')]));
    } finally {
      app = await appStarting;
    }
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    if (work) rmSync(work, { recursive: true, force: true });
    console.log(
      `@depot/sdk: tarball ${(packed?.size / 1024).toFixed(1)} kB (${(packed?.unpackedSize / 1024).toFixed(1)} kB unpacked); ` +
        Object.entries(timings)
          .map(([label, ms]) => `${label} ${(ms / 1000).toFixed(1)} s`)
          .join(', '),
    );
  });

  it('packs the ESM and CommonJS builds, their types and the README, and no sources or tests', () => {
    expect(packed.files.map((file) => file.path).sort()).toEqual([
      'README.md',
      'dist/index.d.mts',
      'dist/index.d.ts',
      'dist/index.js',
      'dist/index.mjs',
      'package.json',
    ]);
    const installed = join(cjsProject(), 'node_modules', '@depot', 'sdk');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.private).toBeUndefined();
    // Only @depot/sdk itself was installed: nothing it would need from a registry.
    expect(readdirSync(join(cjsProject(), 'node_modules')).filter((entry) => !entry.startsWith('.'))).toEqual([
      '@depot',
    ]);
    for (const file of ['dist/index.d.ts', 'dist/index.d.mts', 'dist/index.js', 'dist/index.mjs']) {
      expect([file, readFileSync(join(installed, file), 'utf8').includes('@depot/contracts')]).toEqual([file, false]);
    }
  });

  it('has the version of the API document the server serves', async () => {
    const document = (await app.request('/api/openapi.json')).body;
    const manifest = JSON.parse(
      readFileSync(join(esmProject(), 'node_modules', '@depot', 'sdk', 'package.json'), 'utf8'),
    );
    expect(manifest.version).toBe(document.info.version);
  });

  it('loads with require() and with import(), exposing the client, errors, webhooks and generated functions', async () => {
    const names = [
      'DepotClient',
      'DepotApiError',
      'verifyWebhook',
      'ErrorCode',
      'listProducts',
      'adjustStock',
      'client',
    ];
    const probe = `console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(names)}.map((n) => [n, typeof sdk[n]]))))`;
    const expected = {
      DepotClient: 'function',
      DepotApiError: 'function',
      verifyWebhook: 'function',
      ErrorCode: 'object',
      listProducts: 'function',
      adjustStock: 'function',
      client: 'object',
    };
    const [required, imported] = await Promise.all([
      run('node', ['-e', `const sdk = require('@depot/sdk'); ${probe}`], { cwd: cjsProject(), env: childEnv }),
      run('node', ['--input-type=module', '-e', `const sdk = await import('@depot/sdk'); ${probe}`], {
        cwd: esmProject(),
        env: childEnv,
      }),
    ]);
    expect(JSON.parse(required.stdout)).toEqual(expected);
    expect(JSON.parse(imported.stdout)).toEqual(expected);
  });

  it('gives TypeScript consumers its types through import and require', () => {
    const check = [
      "import { DepotApiError, DepotClient, ErrorCode, listProducts, type ProductResponseDto } from '@depot/sdk';",
      "const depot = new DepotClient({ baseUrl: 'http://localhost:3000', apiKey: 'dpk_x_y' });",
      'export async function firstSku(): Promise<string | undefined> {',
      '  const product: ProductResponseDto | undefined = await depot.products.list({ q: "bolt" }).first();',
      '  return product?.sku;',
      '}',
      'export const taken = (error: unknown): boolean => error instanceof DepotApiError && error.code === ErrorCode.SkuTaken;',
      'export const page = () => depot.call(listProducts, { query: { limit: 5 } }).then((p) => p.nextCursor);',
      '// @ts-expect-error a price is a number of minor units',
      "export const wrong = () => depot.products.create({ sku: 'A', name: 'B', priceMinor: '1', currency: 'EUR' });",
    ].join('\n');
    const files = [join(esmProject(), 'check.ts'), join(cjsProject(), 'check.ts')];
    for (const file of files) writeFileSync(file, check);
    expect(
      typeErrors(files, {
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
        types: [],
      }),
    ).toEqual([]);
  }, 60_000);

  it('runs the quick-start examples with plain node, as ESM and as CommonJS, against a live server', async () => {
    copyFileSync(join(sdkDir, 'examples', 'quick-start.mjs'), join(esmProject(), 'quick-start.mjs'));
    copyFileSync(join(sdkDir, 'examples', 'quick-start.cjs'), join(cjsProject(), 'quick-start.cjs'));
    const env = {
      ...childEnv,
      DEPOT_URL: app.baseUrl,
      DEPOT_EMAIL: 'admin@depot.local',
      DEPOT_PASSWORD: DEMO_PASSWORD,
    };
    const [esm, cjs] = await timed('examples', () =>
      Promise.all([
        run('node', ['quick-start.mjs'], { cwd: esmProject(), env }),
        run('node', ['quick-start.cjs'], { cwd: cjsProject(), env }),
      ]),
    );
    for (const { stdout } of [esm, cjs]) {
      expect(stdout).toMatch(/^signed in as admin@depot\.local$/m);
      expect(stdout).toMatch(/^created product QS-[0-9A-F]{8} \(/m);
      expect(stdout).toMatch(/^adjusted stock in \S+: 10 on hand$/m);
      expect(stdout).toMatch(/twice fails: 409 CATALOG\.SKU_TAKEN \(request \S+\)$/m);
      expect(stdout).toMatch(/^created sales order \S+ for .+: confirmed$/m);
      expect(stdout).toMatch(/^paged through \d+ products in \d+ pages$/m);
      expect(stdout).toMatch(/^verified webhook stock\.changed for /m);
      expect(stdout).toMatch(/^rejected a tampered webhook: invalid_signature$/m);
      expect(stdout).toMatch(/^done$/m);
    }
    // Paging walked the whole catalogue: as many products as the list's total.
    const total = (
      await app.request('/api/v1/products?includeTotal=true&limit=1', { token: await app.login('admin@depot.local') })
    ).body.total as number;
    const paged = Number(/paged through (\d+) products/.exec(cjs.stdout)![1]);
    expect(paged).toBeGreaterThanOrEqual(total - 1); // the other example may still have been creating its product
    expect(paged).toBeLessThanOrEqual(total);
  }, 60_000);
});

describe('the served OpenAPI document with an independent generator (openapi-typescript + openapi-fetch)', () => {
  let app: TestApp;
  let work: string;

  beforeAll(async () => {
    app = await startTestApp();
    // Under the repository, so that the flow resolves openapi-fetch from its node_modules.
    const artifacts = join(root, 'e2e', '.artifacts');
    mkdirSync(artifacts, { recursive: true });
    work = mkdtempSync(join(artifacts, 'openapi-fetch-'));
  });
  afterAll(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('generates types that a strictly type-checked openapi-fetch flow can use, and the flow works', async () => {
    writeFileSync(join(work, 'openapi.json'), (await app.request('/api/openapi.json')).text);
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'), 'openapi.json', '-o', 'schema.ts'],
      { cwd: work, stdio: 'pipe', env: childEnv },
    );
    const flow = `
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

type Problem = components['schemas']['ProblemDetailsDto'];

export async function flow(baseUrl: string, email: string, password: string) {
  const api = createClient<paths>({ baseUrl });
  const signedIn = await api.POST('/api/v1/auth/login', { body: { email, password } });
  if (!signedIn.data) throw new Error(\`login failed: \${signedIn.error?.code}\`);
  const headers = { Authorization: \`Bearer \${signedIn.data.accessToken}\` };

  const listed = await api.GET('/api/v1/products', { params: { query: { limit: 5, sort: '-createdAt' } }, headers });
  const skus: string[] = (listed.data?.items ?? []).map((product) => product.sku);

  const sku = \`OAF-\${Date.now()}\`;
  const created = await api.POST('/api/v1/products', {
    body: { sku, name: 'openapi-fetch bolt', priceMinor: 250, currency: 'EUR' },
    headers,
  });
  if (!created.data) throw new Error(\`create failed: \${created.error?.code}\`);
  const product = created.data;

  const warehouses = await api.GET('/api/v1/warehouses', { headers });
  const warehouseId = warehouses.data?.items[0]?.id;
  if (!warehouseId) throw new Error('no warehouse');
  const adjusted = await api.POST('/api/v1/stock/adjustments', {
    body: { productId: product.id, warehouseId, quantity: 3, reasonCode: 'found' },
    headers: { ...headers, 'Idempotency-Key': crypto.randomUUID() },
  });
  const onHand: number | undefined = adjusted.data?.level.onHand;

  const again = await api.POST('/api/v1/products', {
    body: { sku, name: 'same SKU', priceMinor: 1, currency: 'EUR' },
    headers,
  });
  const problem: Problem | undefined = again.error;
  const code: string | undefined = problem?.code;

  // @ts-expect-error priceMinor is a number of minor units
  void api.POST('/api/v1/products', { body: { sku, name: 'x', priceMinor: '1', currency: 'EUR' }, headers });

  return { listed: skus.length, created: product.sku === sku, onHand, status: again.response.status, code };
}
`;
    writeFileSync(join(work, 'flow.ts'), flow);
    expect(
      typeErrors([join(work, 'flow.ts')], {
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
        types: [],
      }),
    ).toEqual([]);

    // And it runs: the same flow, compiled, against the live server.
    const compile = (source: string) =>
      ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } })
        .outputText;
    writeFileSync(join(work, 'flow.mjs'), compile(flow));
    const { stdout } = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { flow } = await import('./flow.mjs');
         console.log(JSON.stringify(await flow(${JSON.stringify(app.baseUrl)}, 'admin@depot.local', ${JSON.stringify(DEMO_PASSWORD)})));`,
      ],
      { cwd: work, env: childEnv },
    );
    expect(JSON.parse(stdout)).toEqual({
      listed: 5,
      created: true,
      onHand: 3,
      status: 409,
      code: 'CATALOG.SKU_TAKEN',
    });
  }, 60_000);
});
