import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { bindToCurrentContext } from '@tutti/platform';
import { defaultLogger, describeError } from './logger';

const AFTER_COMMIT = 'tutti:after-commit';
type Work = () => Promise<void>;

/**
 * Runs `work` once the transaction of `manager` has committed, and never if it rolls back: the one
 * way to queue a reminder's job after its row (`afterCommit(manager, () => scheduler.syncJobs(changes))`).
 *
 * Chosen over calling syncJobs after the transaction returns because reminders are often written
 * deep inside a transaction their writer does not own (the event consumer's, a service called by
 * another): tied to the transaction, the job follows the commit wherever the row was written,
 * without threading job changes back up through every caller. Work after a commit is best effort:
 * a failure is logged, and a reminder whose job was not queued is queued by the sweeper when due.
 *
 * Not for pipelinedTransaction (@tutti/platform), whose COMMIT TypeORM does not see: its caller
 * queues jobs itself once it has committed (BookingDesk).
 */
export function afterCommit(manager: EntityManager, work: Work): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('afterCommit needs the manager of an active transaction');
  install(runner.dataSource);
  // In the trace of the work that registered it (a job queued after a commit continues that trace).
  (pending(runner)[AFTER_COMMIT] ??= []).push(bindToCurrentContext(work));
}

const logger = defaultLogger('AfterCommit');

class AfterCommitSubscriber implements EntitySubscriberInterface {
  async afterTransactionCommit({ queryRunner }: TransactionCommitEvent): Promise<void> {
    // A nested transaction's savepoint released: the work waits for the outermost commit.
    if (queryRunner.isTransactionActive) return;
    for (const work of take(queryRunner)) {
      await work().catch((error: unknown) => logger.warn(`Work after a commit failed: ${describeError(error)}`));
    }
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    // Only the outermost rollback drops the work; a job queued for a row a savepoint rolled back finds no row and does nothing.
    if (!queryRunner.isTransactionActive) take(queryRunner);
  }
}

function pending(runner: QueryRunner): Record<string, Work[] | undefined> {
  return runner.data as Record<string, Work[] | undefined>;
}

function take(runner: QueryRunner): Work[] {
  const work = pending(runner)[AFTER_COMMIT] ?? [];
  delete pending(runner)[AFTER_COMMIT];
  return work;
}

function install(dataSource: DataSource): void {
  if (!dataSource.subscribers.some((subscriber) => subscriber instanceof AfterCommitSubscriber)) {
    dataSource.subscribers.push(new AfterCommitSubscriber());
  }
}
