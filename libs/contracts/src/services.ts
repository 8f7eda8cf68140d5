/** The services of Tutti, as they appear in paths (`/api/<service>/...`), schemas and queue names. */
export const SERVICE_NAMES = ['gateway', 'scheduling', 'instrument-loan', 'performance-event', 'parent-engagement'] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Services reached through the gateway's `/api/<service>` prefix. */
export const PROXIED_SERVICES = SERVICE_NAMES.filter((name) => name !== 'gateway');

/** Postgres schema (and database role suffix) owned by a service: `instrument-loan` → `instrument_loan`. */
export function schemaOf(service: ServiceName): string {
  return service.replace(/-/g, '_');
}
