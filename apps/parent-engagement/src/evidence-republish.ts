/**
 * Republishes every RSVP and every family-session sign-up with its attendance marked
 * (`engagement.rsvp.changed`, `engagement.family-session.attendance-marked`), so that scheduling's
 * copy for the annual data return (issue 18) catches up: once after deploying it, or after
 * restoring scheduling's database. Every area the service keeps settings for, or one. Safe to run again.
 *
 *   DATABASE_URL=postgres://tutti_parent_engagement:…@host/db node -r ./tools/runtime/register.js apps/parent-engagement/src/evidence-republish.ts [--tenant <uuid>]
 */
import { parseArgs } from 'node:util';
import { loadConfig, retryWithBackoff, rows, serviceDataSourceOptions } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { ParentEngagementConfig } from './config';
import { PARENT_ENGAGEMENT_ENTITIES, PARENT_ENGAGEMENT_MIGRATIONS } from './database';
import { republishEngagementEvidence } from './engagement-evidence/engagement-evidence';

/** Republishing needs only the database, as migrating does. */
class RepublishConfig extends ParentEngagementConfig {
  override PORT = 0;
  override REDIS_URL = 'redis://unused';
  override IDENTITY_PUBLIC_KEY = 'not-needed-to-republish-not-needed-to-republish-not-needed';
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { tenant: { type: 'string' } }, strict: true });
  if (values.tenant !== undefined && !/^[0-9a-f-]{36}$/i.test(values.tenant))
    throw new Error(`--tenant must be an area's id (a UUID), not "${values.tenant}"`);
  const config = loadConfig(RepublishConfig);
  const dataSource = new DataSource(
    serviceDataSourceOptions({
      service: 'parent-engagement',
      url: config.DATABASE_URL,
      entities: PARENT_ENGAGEMENT_ENTITIES,
      migrations: PARENT_ENGAGEMENT_MIGRATIONS,
      poolSize: 2,
      applicationName: 'tutti-parent-engagement-evidence-republish',
    }),
  );
  await retryWithBackoff(() => dataSource.initialize(), {
    describe: 'connecting to PostgreSQL',
    deadlineMs: 10_000,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  try {
    const tenants = values.tenant
      ? [values.tenant.toLowerCase()]
      : (
          await rows<{ tenant_id: string }>(
            dataSource,
            'SELECT tenant_id FROM rsvps UNION SELECT tenant_id FROM session_signups ORDER BY tenant_id',
          )
        ).map((row) => row.tenant_id);
    for (const tenantId of tenants) {
      const done = await republishEngagementEvidence(dataSource, tenantId);
      process.stdout.write(`${tenantId}: ${done.rsvps} RSVPs and ${done.signUps} marked sign-ups republished\n`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `evidence republish failed: ${error instanceof Error ? error.message : String(error)}; running it again is harmless\n`,
  );
  process.exit(1);
});
