import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const sdkDir = join(__dirname, '..');
const read = (file: string) => JSON.parse(readFileSync(join(sdkDir, file), 'utf8'));

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
});
