import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

const SECRET_KEYS = Symbol('tutti:secret-config-keys');

/** Marks a config property as secret: it is never printed by `describeConfig`. */
export function Secret(): PropertyDecorator {
  return (target, key) => {
    const keys: Set<string | symbol> = Reflect.getMetadata(SECRET_KEYS, target) ?? new Set();
    keys.add(key);
    Reflect.defineMetadata(SECRET_KEYS, keys, target);
  };
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type ConfigClass<T> = new () => T;

/**
 * Reads the environment into a validated config object. This is the only place `process.env` is
 * read by service code; a bad or missing variable stops the process with one line naming it.
 */
export function loadConfig<T extends object>(configClass: ConfigClass<T>, env: NodeJS.ProcessEnv = process.env): T {
  const config = plainToInstance(configClass, { ...env }, { enableImplicitConversion: false, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(describeErrors(errors, config));
  return config;
}

function describeErrors(errors: ValidationError[], config: object): string {
  const secrets: Set<string | symbol> = Reflect.getMetadata(SECRET_KEYS, config) ?? new Set();
  return errors
    .map((error) => {
      const rules = Object.values(error.constraints ?? {}).join('; ');
      return `${error.property}: ${rules} (got ${shownValue(error.value, secrets.has(error.property))})`;
    })
    .join(' | ');
}

/** The config as safe to log: secrets masked, passwords in URLs masked. */
export function describeConfig(config: object): Record<string, unknown> {
  const secrets: Set<string | symbol> = Reflect.getMetadata(SECRET_KEYS, config) ?? new Set();
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [key, secrets.has(key) ? '***' : typeof value === 'string' ? redactUrl(value) : value]),
  );
}

/** A rejected value as the error line shows it: URLs without their password, other secrets only by length. */
function shownValue(value: unknown, secret: boolean): string {
  if (value === undefined || (secret && value === '')) return 'nothing';
  const text = String(value);
  if (secret && !/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return `a secret of ${text.length} characters`;
  return JSON.stringify(redactUrl(text));
}

function redactUrl(value: string): string {
  return value.replace(/(\/\/[^:/@]+:)[^@]+@/, '$1***@');
}
