export interface RetryOptions {
  describe: string;
  log: (line: string) => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Give up after this long; by default keep trying (a service waits for its database). */
  deadlineMs?: number;
  /** False for an error that waiting cannot cure (a refused password): it is thrown at once. Default: retry every error. */
  retryable?: (error: unknown) => boolean;
}

/** Retries with exponential backoff, logging what it waits for and why each try failed. */
export async function retryWithBackoff<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const started = Date.now();
  let delay = options.initialDelayMs ?? 250;
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (options.retryable && !options.retryable(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      if (options.deadlineMs !== undefined && Date.now() - started + delay > options.deadlineMs) {
        throw new Error(`${options.describe}: gave up after ${tries} tries: ${reason}`);
      }
      options.log(`${options.describe} (try ${tries} failed: ${reason}); retrying in ${delay} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, options.maxDelayMs ?? 5_000);
    }
  }
}
