import { isIP } from 'node:net';
import { registerDecorator, type ValidationArguments } from 'class-validator';

/** proxy-addr's names for address ranges, which Fastify's trustProxy understands. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** A comma-separated TRUSTED_PROXIES value as its entries. */
export function proxyListEntries(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** An IP address, a CIDR block, or one of proxy-addr's range names. */
export function isProxyEntry(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Validates a comma-separated list of proxies (empty: trust none). */
export function IsProxyList(): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isProxyList',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && proxyListEntries(value).every(isProxyEntry),
        defaultMessage: (args?: ValidationArguments) =>
          `must be a comma-separated list of IP addresses, CIDR blocks (10.0.0.0/8) or loopback, linklocal, uniquelocal; ${JSON.stringify(
            proxyListEntries(String(args?.value ?? '')).find((entry) => !isProxyEntry(entry)) ?? '',
          )} is none of these`,
      },
    });
  };
}
