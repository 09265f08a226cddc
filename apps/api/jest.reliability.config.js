const base = require('./jest.base.config');

/**
 * `pnpm test:reliability` (NFR-5, NFR-6, NFR-8): API processes (dist/main.js) on the harness's own
 * PostgreSQL cluster, one file at a time (each starts its own cluster and instances; the machine
 * has 2 cores). RELIABILITY_PG=embedded|pg15|both picks the servers (see test/reliability/README.md).
 * RELIABILITY_SUBSET=ci runs only the CI subset (test/reliability/ci-subset.rel-spec.ts).
 */
module.exports = {
  ...base,
  testMatch:
    process.env.RELIABILITY_SUBSET === 'ci'
      ? ['<rootDir>/test/reliability/ci-subset.rel-spec.ts']
      : ['<rootDir>/test/reliability/**/*.rel-spec.ts'],
  maxWorkers: 1,
  testTimeout: 300_000,
};
