import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@tutti/messaging';
import { serviceDataSourceOptions } from '@tutti/platform';
import { DataSource } from 'typeorm';

/** The service whose schema (reminders table, reminder queue) the reminders bench borrows. */
export const REMINDER_BENCH_SERVICE = 'parent-engagement' as const;

/** Where the bench's deliverers write one row per delivery (no key: a second delivery of a reminder is a second row). */
export const DELIVERIES_TABLE = 'bench_reminder_deliveries';

/** A DataSource on the borrowed schema with only the messaging tables, as a service's would be. */
export function reminderDataSource(databaseUrl: string, poolSize = 10): DataSource {
  return new DataSource(
    serviceDataSourceOptions({
      service: REMINDER_BENCH_SERVICE,
      url: databaseUrl,
      entities: MESSAGING_ENTITIES,
      migrations: MESSAGING_MIGRATIONS,
      poolSize,
    }),
  );
}
