const base = require('./jest.base.config');

module.exports = { ...base, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
