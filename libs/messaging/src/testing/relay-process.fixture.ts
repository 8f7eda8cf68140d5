/**
 * A relay in a process of its own, for the crash test: `node -r @swc-node/register
 * relay-process.fixture.ts`. Runs one relay tick over the schema in RELAY_SCHEMA; with
 * KILL_RELAY_BEFORE_COMMIT=1 it SIGKILLs itself after adding the jobs and before committing.
 */
import { DataSource } from 'typeorm';
import { MESSAGING_ENTITIES } from '../messaging-schema';
import { OutboxRelay } from '../relay/outbox-relay';
import { RecordingLogger } from './messaging-test-bed';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: required('DATABASE_URL'),
    schema: required('RELAY_SCHEMA'),
    entities: MESSAGING_ENTITIES,
  });
  await dataSource.initialize();
  const relay = new OutboxRelay({
    dataSource,
    service: 'scheduling',
    redis: required('REDIS_URL'),
    queuePrefix: required('RELAY_QUEUE_PREFIX'),
    logger: new RecordingLogger(),
    afterEnqueueBeforeCommit:
      process.env.KILL_RELAY_BEFORE_COMMIT === '1'
        ? (eventIds) => {
            process.stdout.write(`enqueued ${eventIds.join(',')}; killing myself before commit\n`);
            process.kill(process.pid, 'SIGKILL');
            return new Promise<void>(() => undefined);
          }
        : undefined,
  });
  const relayed = await relay.relayOnce();
  process.stdout.write(`relayed ${relayed}\n`);
  await relay.stop();
  await dataSource.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
