import { join } from 'node:path';
import { SERVICE_NAMES, schemaOf, type ServiceName } from '@tutti/contracts';

/** Where each service listens on one machine; the gateway's PORT can be overridden. */
export const LOCAL_PORTS: Record<ServiceName, number> = {
  gateway: 3000,
  scheduling: 3101,
  'instrument-loan': 3102,
  'performance-event': 3103,
  'parent-engagement': 3104,
};

export { SERVICE_NAMES };

/** The local-only password of a service's database role; production hands each service its own URL. */
export const localRolePassword = (service: ServiceName) => `local-${schemaOf(service)}`;

export const entryPoint = (service: ServiceName, file: 'main' | 'migrate') => `apps/${service}/src/${file}.ts`;

export const upstreamUrlVariable = (service: ServiceName) => `${schemaOf(service).toUpperCase()}_URL`;

/** Node arguments that run a TypeScript entry point directly (no build step on one machine). */
export const runTypeScript = (script: string) => ['-r', join(__dirname, '..', 'runtime', 'register.js'), script];
