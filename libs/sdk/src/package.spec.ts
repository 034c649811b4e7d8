import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const sdkDir = join(__dirname, '..');
const read = (file: string) => JSON.parse(readFileSync(join(sdkDir, file), 'utf8'));

import { isIdempotencyExcluded } from './client/depot-client';

describe('the @depot/sdk package', () => {
  const pkg = read('package.json');

  it('has the version of the API document it was generated from (bump both together)', () => {
    expect(pkg.version).toBe(read('openapi.json').info.version);
  });

  it('is publishable: no private flag, no runtime dependencies, only dist and the README', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
    expect(pkg.files).toEqual(['dist', 'README.md']);
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.engines).toEqual({ node: '>=20' });
  });

  it('points main, module, types and exports at the built files', () => {
    expect(pkg).toMatchObject({ main: './dist/index.js', module: './dist/index.mjs', types: './dist/index.d.ts' });
    expect(pkg.exports['.']).toEqual({
      import: { types: './dist/index.d.mts', default: './dist/index.mjs' },
      require: { types: './dist/index.d.ts', default: './dist/index.js' },
    });
  });

  it('sends an automatic Idempotency-Key to exactly the POSTs that honour one (the others refuse it)', () => {
    const document = read('openapi.json') as {
      paths: Record<string, { post?: { parameters?: { in: string; name: string }[] } }>;
    };
    const wrong: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      if (!item.post) continue;
      const honours = (item.post.parameters ?? []).some((p) => p.in === 'header' && p.name === 'Idempotency-Key');
      // A concrete path for templated ones: the rules compare real request paths.
      const concrete = path.replace(/\{[^}]+\}/g, '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10');
      if (honours === isIdempotencyExcluded(concrete)) wrong.push(`${path}: ${honours ? 'honours' : 'refuses'}`);
    }
    expect(wrong).toEqual([]);
  });
});
