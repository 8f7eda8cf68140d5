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
  if (errors.length > 0) throw new ConfigError(describeErrors(errors));
  return config;
}

function describeErrors(errors: ValidationError[]): string {
  return errors
    .map((error) => {
      const rules = Object.values(error.constraints ?? {}).join('; ');
      return `${error.property}: ${rules} (got ${error.value === undefined ? 'nothing' : JSON.stringify(redactUrl(String(error.value)))})`;
    })
    .join(' | ');
}

/** The config as safe to log: secrets masked, passwords in URLs masked. */
export function describeConfig(config: object): Record<string, unknown> {
  const secrets: Set<string | symbol> = Reflect.getMetadata(SECRET_KEYS, config) ?? new Set();
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [
      key,
      secrets.has(key) ? '***' : typeof value === 'string' ? redactUrl(value) : value,
    ]),
  );
}

function redactUrl(value: string): string {
  return value.replace(/(\/\/[^:/@]+:)[^@]+@/, '$1***@');
}
