const base = require('./jest.base.config');

/**
 * E2E: the Nest app in-process, on real PostgreSQL. globalSetup starts the embedded server (or
 * uses DATABASE_URL) and migrates a template database once; each test file gets its own copy.
 */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
  maxWorkers: 2,
  testTimeout: 60_000,
};
