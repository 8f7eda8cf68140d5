import type { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

const AFTER_COMMIT = 'engagement:after-commit';
type Work = () => Promise<void>;

/**
 * Runs `work` once the transaction of `manager` has committed (and never if it rolls back): queueing
 * a reminder's job must follow the commit of its row, also inside an event handler whose transaction
 * belongs to the event consumer.
 */
export function afterCommit(manager: EntityManager, work: Work): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('afterCommit needs the manager of an active transaction');
  const data = runner.data as Record<string, Work[] | undefined>;
  (data[AFTER_COMMIT] ??= []).push(work);
}

class AfterCommitSubscriber implements EntitySubscriberInterface {
  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    for (const work of take(event.queryRunner.data as Record<string, Work[] | undefined>)) {
      // Work after a commit is best effort by contract (the sweeper re-queues due reminders).
      await work().catch(() => undefined);
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    take(event.queryRunner.data as Record<string, Work[] | undefined>);
  }
}

function take(data: Record<string, Work[] | undefined>): Work[] {
  const work = data[AFTER_COMMIT] ?? [];
  delete data[AFTER_COMMIT];
  return work;
}

export function installAfterCommit(dataSource: DataSource): void {
  if (!dataSource.subscribers.some((subscriber) => subscriber instanceof AfterCommitSubscriber)) {
    dataSource.subscribers.push(new AfterCommitSubscriber());
  }
}
