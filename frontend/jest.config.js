// Unit tests for the Angular admin app: `npx jest -c frontend/jest.config.js`.
const { createCjsPreset } = require('jest-preset-angular/presets');

const preset = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' });

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: 'frontend',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  // jsdom 27 through jest-preset-angular's environment (jest 30 no longer bundles jest-environment-jsdom).
  testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
  setupFilesAfterEnv: ['<rootDir>/src/setup-jest.ts'],
  moduleNameMapper: {
    '^@depot/contracts$': '<rootDir>/../libs/contracts/src/index.ts',
  },
  maxWorkers: 2,
  // Component tests render real Material components; on a busy 2-core CI machine 5 s is too tight.
  testTimeout: 20_000,
  cacheDirectory: '<rootDir>/../node_modules/.cache/jest-frontend',
  clearMocks: true,
  restoreMocks: true,
};
