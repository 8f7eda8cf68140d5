export { requiredTestEnv, type TestEnv } from './test-env';
export { waitFor, type WaitForOptions } from './wait-for';
export { uniqueTestId } from './unique-names';
export { createTestDataSource, dropTestDataSource, type TestDataSourceOptions } from './test-data-source';
export { deleteRedisKeysWithPrefix } from './redis-keys';
export { discoverRoutes, type DiscoveredRoute } from './routes';
export { provisionTestDatabase, testServiceConfig, startTestService } from './test-service';
export { newTenantId, testIdentity, personas, identityHeaders, type PersonaName } from './identities';
export { describeServiceBasics } from './service-basics';
