/**
 * SDK unit tests: `*.spec.ts` beside the code (`npx jest -c libs/sdk/jest.config.js`).
 * They run in plain Node with the globals the SDK relies on (fetch, AbortController, Web Crypto).
 * @type {import('jest').Config}
 */
module.exports = {
  displayName: 'sdk',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleNameMapper: {
    '^@depot/contracts$': '<rootDir>/../contracts/src/index.ts',
  },
  testEnvironment: 'node',
  maxWorkers: 2,
};
