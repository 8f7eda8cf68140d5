/** What one item of a batch came to: its answer, or the error to give its caller. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export const settledValue = <R>(value: R): Settled<R> => ({ ok: true, value });
export const settledError = <R>(error: unknown): Settled<R> => ({ ok: false, error });

export interface BatchQueueOptions<T, R> {
  /** The most items decided together. */
  maxBatchSize: number;
  /** Batches running at once (each usually holds a database connection). */
  concurrency: number;
  /**
   * Two items sharing a key are never decided at once, in one batch or in two batches in flight:
   * the later one waits until the earlier one's batch is done, so they are decided in the order
   * they came.
   */
  keysOf?: (item: T) => readonly string[];
  /**
   * Decides a batch and answers one outcome per item, in order. If it throws (a deadlock, a fault
   * of one item), every item of the batch is tried again in a batch of its own, so that one item's
   * fault fails only its own caller.
   */
  run: (items: T[]) => Promise<Settled<R>[]>;
}

interface Waiting<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items submitted while the batches in flight are busy wait, and go together in
 * the next batch (in the order they came), so that a burst costs one transaction per batch
 * instead of one per item. An item alone is decided at once.
 */
export class BatchQueue<T, R> {
  private waiting: Waiting<T, R>[] = [];
  private running = 0;
  /** Keys of the items in the batches in flight, with how many items hold each. */
  private readonly keysInFlight = new Map<string, number>();

  constructor(private readonly options: BatchQueueOptions<T, R>) {
    if (options.maxBatchSize < 1 || options.concurrency < 1)
      throw new Error('a batch queue needs maxBatchSize and concurrency of at least 1');
  }

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.startBatches();
    });
  }

  /** Items waiting for a batch (for figures and tests). */
  get backlog(): number {
    return this.waiting.length;
  }

  private startBatches(): void {
    while (this.running < this.options.concurrency && this.waiting.length > 0) {
      const batch = this.nextBatch();
      if (batch.length === 0) return; // every waiting item shares a key with one in flight
      const keys = batch.flatMap((entry) => this.options.keysOf?.(entry.item) ?? []);
      this.hold(keys, +1);
      this.running++;
      void this.decide(batch).finally(() => {
        this.hold(keys, -1);
        this.running--;
        this.startBatches();
      });
    }
  }

  private hold(keys: readonly string[], change: 1 | -1): void {
    for (const key of keys) {
      const holders = (this.keysInFlight.get(key) ?? 0) + change;
      if (holders > 0) this.keysInFlight.set(key, holders);
      else this.keysInFlight.delete(key);
    }
  }

  /**
   * The oldest items, leaving for later any that shares a key with one already taken or in flight,
   * or with an older item left waiting (which must go first).
   */
  private nextBatch(): Waiting<T, R>[] {
    const taken: Waiting<T, R>[] = [];
    const left: Waiting<T, R>[] = [];
    const keysTaken = new Set<string>();
    for (const entry of this.waiting) {
      const keys = this.options.keysOf?.(entry.item) ?? [];
      if (taken.length >= this.options.maxBatchSize || keys.some((key) => keysTaken.has(key) || this.keysInFlight.has(key))) {
        for (const key of keys) keysTaken.add(key);
        left.push(entry);
        continue;
      }
      for (const key of keys) keysTaken.add(key);
      taken.push(entry);
    }
    this.waiting = left;
    return taken;
  }

  private async decide(batch: Waiting<T, R>[]): Promise<void> {
    let outcomes: Settled<R>[];
    try {
      outcomes = await this.options.run(batch.map((entry) => entry.item));
      if (outcomes.length !== batch.length) throw new Error(`a batch of ${batch.length} answered ${outcomes.length} outcomes`);
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      for (const entry of batch) await this.decide([entry]);
      return;
    }
    batch.forEach((entry, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) entry.resolve(outcome.value);
      else entry.reject(outcome.error);
    });
  }
}
