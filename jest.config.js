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
  // swc rewrites `@tutti/...` imports itself, so that the global set-up (run outside Jest's module system) resolves them too.
  transform: { '^.+\\.(tsx?|jsx?|mjs)$': ['@swc/jest', { jsc: { baseUrl: __dirname, paths: compilerOptions.paths } }] },
  // ESM-only packages that CommonJS dependencies require(); Node 20's require(esm) is not available inside Jest.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|@formatjs|intl-messageformat)/)'],
  moduleNameMapper,
  testMatch: ['<rootDir>/{apps,libs,seeds,tools,bench}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tutti/'],
  globalSetup: '<rootDir>/tools/jest/start-test-infra.ts',
  globalTeardown: '<rootDir>/tools/jest/stop-test-infra.ts',
  maxWorkers: 2,
  testTimeout: 60_000,
};
