/**
 * One Jest run for every project: the global set-up starts PostgreSQL and Redis once (unless
 * DATABASE_URL / REDIS_URL are given) and every spec file shares them, isolated by tenant,
 * schema or queue prefix.
 */
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target.replace(/^\.\//, '')}`]),
);

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  moduleNameMapper,
  testMatch: ['<rootDir>/{apps,libs,seeds,tools,bench}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tutti/'],
  globalSetup: '<rootDir>/tools/jest/global-setup.ts',
  globalTeardown: '<rootDir>/tools/jest/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 60_000,
};
