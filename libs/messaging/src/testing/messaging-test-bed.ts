import { schemaOf, type ServiceName } from '@tutti/contracts';
import { createTestDataSource, deleteRedisKeysWithPrefix, dropTestDataSource, requiredTestEnv, uniqueTestId } from '@tutti/testing';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { MessagingLogger } from '../logger';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '../messaging-schema';

/** Collects log lines instead of printing them; `lines` helps when a spec fails. */
export class RecordingLogger implements MessagingLogger {
  readonly lines: string[] = [];
  debug(message: string): void {
    this.lines.push(`debug ${message}`);
  }
  log(message: string): void {
    this.lines.push(`log ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
  error(message: string): void {
    this.lines.push(`error ${message}`);
  }
}

/**
 * One spec's private world on the shared test servers: a schema per service (`t_<random>_<service>`),
 * the messaging migration applied in each, and a BullMQ prefix of its own. `dispose()` removes it all.
 */
export class MessagingTestBed {
  readonly runId = uniqueTestId();
  readonly queuePrefix = `tutti-test-${this.runId}`;
  readonly redisUrl = requiredTestEnv().redisUrl;
  readonly logger = new RecordingLogger();
  private readonly dataSources = new Map<ServiceName, DataSource>();
  private readonly queues: Queue[] = [];
  private readonly disposers: (() => Promise<unknown>)[] = [];

  schemaFor(service: ServiceName): string {
    return `${this.runId}_${schemaOf(service)}`;
  }

  async database(service: ServiceName): Promise<DataSource> {
    const existing = this.dataSources.get(service);
    if (existing) return existing;
    const dataSource = await createTestDataSource({
      schema: this.schemaFor(service),
      entities: MESSAGING_ENTITIES,
      migrations: MESSAGING_MIGRATIONS,
    });
    this.dataSources.set(service, dataSource);
    return dataSource;
  }

  /** A BullMQ Queue under this bed's prefix, for inspecting or feeding a queue directly. */
  queue(name: string, redisUrl = this.redisUrl): Queue {
    const queue = new Queue(name, { connection: { url: redisUrl }, prefix: this.queuePrefix });
    this.queues.push(queue);
    return queue;
  }

  /** Registers something to close on dispose (workers, relays), last registered closed first. */
  onDispose(dispose: () => Promise<unknown>): void {
    this.disposers.push(dispose);
  }

  async dispose(): Promise<void> {
    const failures: unknown[] = [];
    for (const dispose of this.disposers.reverse()) await dispose().catch((error: unknown) => failures.push(error));
    await Promise.all(this.queues.map((queue) => queue.close()));
    await Promise.all([...this.dataSources.values()].map((dataSource) => dropTestDataSource(dataSource)));
    await deleteRedisKeysWithPrefix(this.redisUrl, this.queuePrefix);
    if (failures.length > 0) throw new AggregateError(failures, 'Some test resources did not close cleanly');
  }
}
