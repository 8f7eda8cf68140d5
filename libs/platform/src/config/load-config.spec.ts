import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, describeConfig, loadConfig } from './load-config';
import { DEVELOPMENT_PSEUDONYM_KEY } from '../pseudonyms/pupil-pseudonym';
import { ServiceConfig } from './service-config';

const VALID = {
  PORT: '3101',
  DATABASE_URL: 'postgres://tutti_scheduling:secret-password@127.0.0.1:5432/tutti',
  REDIS_URL: 'redis://127.0.0.1:6379',
  IDENTITY_PUBLIC_KEY: 'eyJjcnYiOiJFZDI1NTE5IiwieCI6ImFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6MDEyMzQ1Njc4OSIsImt0eSI6Ik9LUCJ9',
};

describe('service configuration', () => {
  it('reads and converts a valid environment, with defaults', () => {
    const config = loadConfig(ServiceConfig, VALID);
    expect(config).toMatchObject({ PORT: 3101, SERVICE_MODE: 'both', HOST: '127.0.0.1', QUEUE_PREFIX: 'tutti' });
    expect(config.runsApi && config.runsWorkers).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT: /],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: must be a postgres:\/\/ URL/],
    [{ REDIS_URL: undefined }, /^REDIS_URL: must be a redis:\/\/ URL \(got nothing\)/],
    [{ SERVICE_MODE: 'sometimes' }, /^SERVICE_MODE: /],
    [{ TRUSTED_PROXIES: '10.0.0.0/8, anywhere' }, /^TRUSTED_PROXIES: must be a comma-separated list .* "anywhere" is none of these/],
    [{ TRUSTED_PROXIES: '10.0.0.0/33' }, /^TRUSTED_PROXIES: /],
    [{ PUBLIC_URL: 'tutti.example.org' }, /^PUBLIC_URL: must be the absolute http\(s\) address people reach Tutti at/],
    [{ PUBLIC_URL: 'ftp://tutti.example.org' }, /^PUBLIC_URL: /],
    [{ PUBLIC_URL: 'https://tutti.example.org/?area=liverpool' }, /^PUBLIC_URL: /],
    [{ PUBLIC_URL: 'https://admin:secret@tutti.example.org' }, /^PUBLIC_URL: /],
  ])('refuses %p, naming the variable', (override, message) => {
    expect(() => loadConfig(ServiceConfig, { ...VALID, ...override })).toThrow(ConfigError);
    expect(() => loadConfig(ServiceConfig, { ...VALID, ...override })).toThrow(message);
  });

  it('builds every link from PUBLIC_URL, with or without its trailing slash, under a path prefix too', () => {
    expect(loadConfig(ServiceConfig, VALID).publicLink('instruments/1')).toBe('http://localhost:3000/instruments/1');
    expect(loadConfig(ServiceConfig, { ...VALID, PUBLIC_URL: 'https://tutti.example.org//' }).publicLink('/reset-password')).toBe(
      'https://tutti.example.org/reset-password',
    );
    expect(loadConfig(ServiceConfig, { ...VALID, PUBLIC_URL: 'https://example.org/tutti/' }).publicLink('instruments/1')).toBe(
      'https://example.org/tutti/instruments/1',
    );
  });

  it('trusts the proxies listed in TRUSTED_PROXIES (a service: its gateway on loopback by default), or none when empty', () => {
    expect(loadConfig(ServiceConfig, VALID).trustedProxies).toEqual(['loopback']);
    expect(loadConfig(ServiceConfig, { ...VALID, TRUSTED_PROXIES: ' 10.1.0.0/16, 2001:db8::1 ,192.0.2.7' }).trustedProxies).toEqual([
      '10.1.0.0/16',
      '2001:db8::1',
      '192.0.2.7',
    ]);
    expect(loadConfig(ServiceConfig, { ...VALID, TRUSTED_PROXIES: '' }).trustedProxies).toBe(false);
  });

  describe('the evaluation pseudonym key', () => {
    const KEY = 'k'.repeat(40);

    it('stands in a fixed development key outside production, and uses the one given', () => {
      expect(loadConfig(ServiceConfig, VALID).evaluationPseudonymKey).toBe(DEVELOPMENT_PSEUDONYM_KEY);
      expect(loadConfig(ServiceConfig, { ...VALID, NODE_ENV: 'test', EVALUATION_PSEUDONYM_KEY: '' }).evaluationPseudonymKey).toBe(
        DEVELOPMENT_PSEUDONYM_KEY,
      );
      expect(loadConfig(ServiceConfig, { ...VALID, EVALUATION_PSEUDONYM_KEY: KEY }).evaluationPseudonymKey).toBe(KEY);
      expect(loadConfig(ServiceConfig, { ...VALID, NODE_ENV: 'production', EVALUATION_PSEUDONYM_KEY: KEY }).evaluationPseudonymKey).toBe(
        KEY,
      );
    });

    it.each([undefined, ''])('is required in production (given %p), in one line naming it', (given) => {
      expect(() => loadConfig(ServiceConfig, { ...VALID, NODE_ENV: 'production', EVALUATION_PSEUDONYM_KEY: given })).toThrow(
        /^EVALUATION_PSEUDONYM_KEY: must be a secret of at least 32 characters, the same for every service \(required in production\) \(got nothing\)$/,
      );
    });

    it('never shows a key it refuses', () => {
      expect(() => loadConfig(ServiceConfig, { ...VALID, EVALUATION_PSEUDONYM_KEY: 'short-secret' })).toThrow(
        /\(got a secret of 12 characters\)$/,
      );
      expect(JSON.stringify(describeConfig(loadConfig(ServiceConfig, { ...VALID, EVALUATION_PSEUDONYM_KEY: KEY })))).not.toContain(KEY);
    });
  });

  it('never prints secrets or passwords in URLs', () => {
    const shown = JSON.stringify(describeConfig(loadConfig(ServiceConfig, VALID)));
    expect(shown).not.toContain('secret-password');
    expect(JSON.parse(shown)).toMatchObject({ DATABASE_URL: '***', REDIS_URL: '***', PORT: 3101 });
  });

  it.each([
    ['scheduling', { REDIS_URL: 'http://not-redis' }, 'REDIS_URL: must be a redis:// URL (got "http://not-redis")'],
    [
      'instrument-loan',
      { PUBLIC_URL: 'tutti.example.org' },
      'PUBLIC_URL: must be the absolute http(s) address people reach Tutti at, such as https://tutti.example.org (no query, fragment or password) (got "tutti.example.org")',
    ],
  ])('stops %s at start-up with one line naming the bad variable', (service, override, line) => {
    const root = join(__dirname, '..', '..', '..', '..');
    const result = spawnSync(process.execPath, ['-r', join(root, 'tools/runtime/register.js'), join(root, `apps/${service}/src/main.ts`)], {
      env: { PATH: process.env.PATH, ...VALID, ...override },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([`Configuration error: ${line}`]);
  });
});
