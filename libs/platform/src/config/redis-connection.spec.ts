import { ConfigError, describeConfig, loadConfig } from './load-config';
import { describeRedisLocation, redisConnectionOf, redisUrlOptions, sentinelAddresses } from './redis-connection';
import { ServiceConfig } from './service-config';

const BASE = {
  PORT: '3101',
  DATABASE_URL: 'postgres://tutti_scheduling:secret-password@127.0.0.1:5432/tutti',
  IDENTITY_PUBLIC_KEY: 'eyJjcnYiOiJFZDI1NTE5IiwieCI6ImFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6MDEyMzQ1Njc4OSIsImt0eSI6Ik9LUCJ9',
};

describe('where Redis is: REDIS_URL, or REDIS_SENTINELS and REDIS_SENTINEL_NAME', () => {
  it('reads REDIS_URL into host, port, credentials, database and TLS', () => {
    expect(loadConfig(ServiceConfig, { ...BASE, REDIS_URL: 'redis://127.0.0.1:6380' }).redisConnection).toEqual({
      host: '127.0.0.1',
      port: 6380,
    });
    expect(redisUrlOptions('rediss://app:p%40ss@redis.internal/3')).toEqual({
      host: 'redis.internal',
      port: 6379,
      username: 'app',
      password: 'p@ss',
      db: 3,
      tls: {},
    });
  });

  it('with REDIS_SENTINELS, asks the Sentinels for the primary of REDIS_SENTINEL_NAME and follows a failover; REDIS_URL is not needed', () => {
    const config = loadConfig(ServiceConfig, {
      ...BASE,
      REDIS_SENTINELS: ' 10.0.0.1:26379, sentinel-b.internal:26380,[::1]:26381 ',
      REDIS_SENTINEL_NAME: 'tutti-prod',
    });
    const options = config.redisConnection;
    expect(options).toMatchObject({
      sentinels: [
        { host: '10.0.0.1', port: 26379 },
        { host: 'sentinel-b.internal', port: 26380 },
        { host: '::1', port: 26381 },
      ],
      name: 'tutti-prod',
      role: 'master',
      // Its +switch-master can end a client for good mid-reconnect (see redisConnectionOf).
      failoverDetector: false,
    });
    expect(options).not.toHaveProperty('host');
    // A demoted primary answers READONLY: reconnect (to the new primary) and resend; other errors are the caller's.
    expect(options.reconnectOnError?.(new Error("READONLY You can't write against a read only replica."))).toBe(2);
    expect(options.reconnectOnError?.(new Error('ERR unknown command'))).toBe(false);
    // The Sentinels are asked again quickly, never slower than every 2 s.
    expect([1, 5, 100].map((attempt) => options.sentinelRetryStrategy?.(attempt))).toEqual([200, 1000, 2000]);
  });

  it('gives the Sentinels REDIS_SENTINEL_PASSWORD (sentinelPassword) and the data nodes REDIS_PASSWORD, and neither when unset or empty', () => {
    const sentinels = { ...BASE, REDIS_SENTINELS: '10.0.0.1:26379,10.0.0.2:26379' };
    const options = loadConfig(ServiceConfig, {
      ...sentinels,
      REDIS_SENTINEL_PASSWORD: 's3ntinel',
      REDIS_PASSWORD: 'd@ta node',
    }).redisConnection;
    expect(options).toMatchObject({ name: 'tutti', role: 'master', sentinelPassword: 's3ntinel', password: 'd@ta node' });
    // Only one of them: the other is not sent (ioredis would AUTH with it and be refused).
    const sentinelOnly = loadConfig(ServiceConfig, { ...sentinels, REDIS_SENTINEL_PASSWORD: 's3ntinel' }).redisConnection;
    expect(sentinelOnly).toMatchObject({ sentinelPassword: 's3ntinel' });
    expect(sentinelOnly).not.toHaveProperty('password');
    for (const unset of [{}, { REDIS_SENTINEL_PASSWORD: '', REDIS_PASSWORD: '' }]) {
      const plain = loadConfig(ServiceConfig, { ...sentinels, ...unset }).redisConnection;
      expect(plain).not.toHaveProperty('sentinelPassword');
      expect(plain).not.toHaveProperty('password');
    }
  });

  it('with REDIS_URL, REDIS_PASSWORD is the password unless the URL has its own; REDIS_SENTINEL_PASSWORD is not used', () => {
    const withPassword = (url: string) =>
      loadConfig(ServiceConfig, { ...BASE, REDIS_URL: url, REDIS_PASSWORD: 'from-env', REDIS_SENTINEL_PASSWORD: 'unused' }).redisConnection;
    expect(withPassword('redis://10.0.0.5:6379')).toEqual({ host: '10.0.0.5', port: 6379, password: 'from-env' });
    expect(withPassword('redis://:in-url@10.0.0.5:6379')).toEqual({ host: '10.0.0.5', port: 6379, password: 'in-url' });
  });

  it('never shows either password in the config it logs', () => {
    const config = loadConfig(ServiceConfig, {
      ...BASE,
      REDIS_SENTINELS: '10.0.0.1:26379',
      REDIS_SENTINEL_PASSWORD: 's3ntinel',
      REDIS_PASSWORD: 'd@ta',
    });
    expect(describeConfig(config)).toMatchObject({ REDIS_SENTINEL_PASSWORD: '***', REDIS_PASSWORD: '***' });
    expect(describeRedisLocation(config)).not.toMatch(/s3ntinel|d@ta/);
  });

  it('names the master "tutti" unless told, and prefers the Sentinels when both are set', () => {
    const options = loadConfig(ServiceConfig, {
      ...BASE,
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_SENTINELS: '127.0.0.1:26379',
    }).redisConnection;
    expect(options).toMatchObject({ name: 'tutti', sentinels: [{ host: '127.0.0.1', port: 26379 }] });
    expect(options).not.toHaveProperty('port');
  });

  it.each([
    [
      { REDIS_SENTINELS: '10.0.0.1:26379,10.0.0.2' },
      /^REDIS_SENTINELS: must be the Sentinels as host:port.*"10\.0\.0\.2" is not host:port/,
    ],
    [{ REDIS_SENTINELS: 'redis://10.0.0.1:26379' }, /^REDIS_SENTINELS: /],
    [{ REDIS_SENTINELS: '10.0.0.1:70000' }, /^REDIS_SENTINELS: /],
    [{ REDIS_SENTINELS: '10.0.0.1:26379', REDIS_SENTINEL_NAME: 'two words' }, /^REDIS_SENTINEL_NAME: /],
    [{ REDIS_SENTINELS: '' }, /^REDIS_URL: must be a redis:\/\/ URL \(got nothing\)/],
  ])('refuses %p, naming the variable', (override, message) => {
    expect(() => loadConfig(ServiceConfig, { ...BASE, ...override })).toThrow(ConfigError);
    expect(() => loadConfig(ServiceConfig, { ...BASE, ...override })).toThrow(message);
  });

  it('refuses to build options from nothing', () => {
    expect(() => redisConnectionOf({})).toThrow(/set REDIS_URL, or REDIS_SENTINELS/);
    expect(() => sentinelAddresses('a:1,b')).toThrow('REDIS_SENTINELS: "b" is not host:port');
  });
});
