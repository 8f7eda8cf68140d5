import { SERVICE_NAMES, type ServiceName } from '@tutti/contracts';
import { serviceEnvironment, type SystemSettings } from './run-system';
import { LOCAL_PORTS } from './services';

const settings = (publicUrl?: string): SystemSettings => ({
  databaseUrls: Object.fromEntries(SERVICE_NAMES.map((service) => [service, `postgres://${service}@127.0.0.1/tutti`])) as Record<
    ServiceName,
    string
  >,
  redisUrl: 'redis://127.0.0.1:6379',
  identityKeys: { privateKey: 'private', publicKey: 'public' },
  ports: { ...LOCAL_PORTS, gateway: 4123 },
  nodeEnv: 'development',
  logLevel: 'info',
  publicUrl,
});

describe('the environment of each service process', () => {
  it('gives every service the same PUBLIC_URL: the gateway on this machine unless another is given', () => {
    expect(new Set(SERVICE_NAMES.map((service) => serviceEnvironment(service, settings()).PUBLIC_URL))).toEqual(
      new Set(['http://localhost:4123']),
    );
    expect(new Set(SERVICE_NAMES.map((service) => serviceEnvironment(service, settings('https://tutti.example.test')).PUBLIC_URL))).toEqual(
      new Set(['https://tutti.example.test']),
    );
  });
});
