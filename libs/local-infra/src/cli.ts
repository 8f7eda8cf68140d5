// `npm run infra`: the dev infrastructure alone, until Ctrl-C.
// `npm run infra -- --replica --pgbouncer` adds a streaming replica of PostgreSQL and PgBouncer (transaction mode) in front of both.
// `npm run infra -- --archive` makes PostgreSQL archive its WAL (.tutti/dev/postgres/backups/wal), for `npm run backup`.
// `npm run infra -- --sentinel` runs Redis as a primary, a replica and three Sentinels instead of one server, and prints REDIS_SENTINELS.
//   With REDIS_PASSWORD and/or REDIS_SENTINEL_PASSWORD set, the data nodes and/or the Sentinels ask for them, as production's do.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startLocalInfra } from './local-infra';
import { startPgBouncer } from './pgbouncer';
import { startPostgresReplica } from './postgres';
import { LocalInfraError } from './processes';
import { DEV_PORTS } from './local-infra';
import { startRedisSentinel } from './redis-sentinel';

function repoRoot(): string {
  for (const start of [process.cwd(), __dirname]) {
    for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
      if (existsSync(join(dir, 'nx.json'))) return dir;
    }
  }
  return process.cwd();
}

const KNOWN_FLAGS = ['--replica', '--pgbouncer', '--archive', '--sentinel'];

async function main(): Promise<void> {
  const flags = process.argv.slice(2);
  const unknown = flags.filter((flag) => !KNOWN_FLAGS.includes(flag));
  if (unknown.length > 0) throw new LocalInfraError(`unknown option ${unknown.join(' ')} (known: ${KNOWN_FLAGS.join(' ')})`);
  const dataDir = join(repoRoot(), '.tutti', 'dev');
  const log = (line: string) => console.log(`[infra] ${line}`);
  if (flags.includes('--sentinel') && (process.env.REDIS_URL || process.env.REDIS_SENTINELS)) {
    throw new LocalInfraError('--sentinel starts its own Redis: unset REDIS_URL and REDIS_SENTINELS');
  }
  if (!flags.includes('--sentinel') && !process.env.REDIS_URL && (process.env.REDIS_PASSWORD || process.env.REDIS_SENTINEL_PASSWORD)) {
    throw new LocalInfraError(
      'REDIS_PASSWORD and REDIS_SENTINEL_PASSWORD are for --sentinel (the single Redis asks for none): add --sentinel or unset them',
    );
  }
  // With --sentinel the primary stands where the single Redis would (DEV_PORTS.redis), the replica and Sentinels on the next ports.
  const sentinel = flags.includes('--sentinel')
    ? await startRedisSentinel({
        dir: join(dataDir, 'redis-sentinel'),
        preferredPort: DEV_PORTS.redis,
        password: process.env.REDIS_PASSWORD,
        sentinelPassword: process.env.REDIS_SENTINEL_PASSWORD,
        log,
      })
    : undefined;
  const env = sentinel ? { ...process.env, REDIS_URL: sentinel.primary.url } : process.env;
  const infra = await startLocalInfra({ dataDir, profile: 'dev', withMail: true, archiveWal: flags.includes('--archive'), env, log });
  const wantsReplica = flags.includes('--replica');
  const primaryPort = Number(new URL(infra.databaseUrl).port);
  if ((wantsReplica || flags.includes('--pgbouncer') || flags.includes('--archive')) && process.env.DATABASE_URL) {
    throw new LocalInfraError('--replica, --pgbouncer and --archive need the local primary: unset DATABASE_URL');
  }
  const replica = wantsReplica
    ? await startPostgresReplica({
        dir: join(dataDir, 'postgres-replica'),
        profile: 'dev',
        primaryPort,
        preferredPort: primaryPort + 1,
        log,
      })
    : undefined;
  const bouncer = flags.includes('--pgbouncer')
    ? await startPgBouncer({
        dir: join(dataDir, 'pgbouncer'),
        primaryPort,
        replica: replica && { port: replica.port, database: 'tutti' },
        preferredPort: primaryPort + 2,
        log,
      })
    : undefined;
  console.log('');
  console.log(`DATABASE_URL=${infra.databaseUrl}`);
  if (replica) console.log(`DATABASE_REPLICA_URL=${replica.url}`);
  if (bouncer) console.log(`PgBouncer (transaction mode): ${bouncer.url('tutti')}${replica ? ` and ${bouncer.url('tutti_replica')}` : ''}`);
  if (sentinel) {
    // What a service is given: REDIS_SENTINELS, REDIS_SENTINEL_NAME and the passwords the set asks for.
    for (const [name, value] of Object.entries(sentinel.env)) console.log(`${name}=${value}`);
    console.log(`# the primary at start (replica ${sentinel.replica.url}); after a failover ask the Sentinels:`);
  }
  console.log(`REDIS_URL=${infra.redisUrl}`);
  if (infra.mail) {
    console.log(`SMTP_URL=smtp://${infra.mail.smtpHost}:${infra.mail.smtpPort}`);
    console.log(`MailDev inbox: ${infra.mail.webUrl}`);
  }
  console.log('\nRunning; Ctrl-C stops everything.');
  // The signal hooks of the library stop the servers and exit; this only keeps the process alive.
  setInterval(() => undefined, 1 << 30);
}

main().catch((error: unknown) => {
  console.error(`[infra] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
