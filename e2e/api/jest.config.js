// otplib's dependencies ship ES modules only, which jest cannot require() on Node 20: compile them.
const ESM_ONLY = ['@noble/hashes', '@scure/base'];
const ESM_ONLY_JS = `/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`;

/**
 * HTTP tests against the built server (dist/) on a real PostgreSQL.
 * Each test file gets its own database cloned from a migrated template.
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.json' }],
    [ESM_ONLY_JS]: ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!${ESM_ONLY.join('|')}/)`],
  testEnvironment: 'node',
  globalSetup: '<rootDir>/support/global-setup.js',
  globalTeardown: '<rootDir>/support/global-teardown.js',
  maxWorkers: 2,
  testTimeout: 30000,
};
