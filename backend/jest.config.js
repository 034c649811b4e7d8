// otplib's dependencies ship ES modules only, which jest cannot require() on Node 20: compile them.
const ESM_ONLY = ['@noble/hashes', '@scure/base'];
const ESM_ONLY_JS = `/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`;

/**
 * Backend unit tests: `*.spec.ts` beside the code.
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
    [ESM_ONLY_JS]: ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!${ESM_ONLY.join('|')}/)`],
  testEnvironment: 'node',
  maxWorkers: 2,
};
