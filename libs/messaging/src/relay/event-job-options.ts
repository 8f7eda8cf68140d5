import type { JobsOptions } from 'bullmq';

const DAY_IN_SECONDS = 24 * 60 * 60;

/**
 * Every event job on a subscriber's queue. A failed handler is retried with exponential backoff
 * (1 s, 2 s, 4 s … about 8.5 min in total); afterwards the job stays in the failed set for a month
 * so that it can be inspected and retried. Completed jobs are kept a week: while a job is retained,
 * re-adding it under the same id (the event id) is a no-op, which dedupes a relay that crashed
 * before marking its row sent; past that, the consumer's processed_events table dedupes.
 */
export const EVENT_JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 7 * DAY_IN_SECONDS, count: 50_000 },
  removeOnFail: { age: 30 * DAY_IN_SECONDS },
} as const satisfies JobsOptions;
