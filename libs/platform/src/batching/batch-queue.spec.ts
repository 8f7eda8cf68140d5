import { BatchQueue, settledError, settledValue, type Settled } from './batch-queue';

/** A run that waits until released, recording the batches it was given. */
function gatedRun() {
  const batches: string[][] = [];
  let release: () => void = () => undefined;
  let gate = new Promise<void>((resolve) => (release = resolve));
  return {
    batches,
    open: () => {
      release();
      gate = Promise.resolve();
    },
    run: async (items: string[]): Promise<Settled<string>[]> => {
      batches.push(items);
      await gate;
      return items.map((item) => (item.startsWith('bad') ? settledError(new Error(`refused ${item}`)) : settledValue(item.toUpperCase())));
    },
  };
}

describe('BatchQueue', () => {
  it('decides a lone item at once, and items that came while it ran together, in order', async () => {
    const gated = gatedRun();
    const queue = new BatchQueue<string, string>({ maxBatchSize: 10, concurrency: 1, run: gated.run });
    const answers = ['a', 'b', 'c', 'd'].map((item) => queue.submit(item));
    expect(queue.backlog).toBe(3);
    gated.open();
    await expect(Promise.all(answers)).resolves.toEqual(['A', 'B', 'C', 'D']);
    expect(gated.batches).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('keeps batches within maxBatchSize and runs up to `concurrency` of them at once', async () => {
    const gated = gatedRun();
    const queue = new BatchQueue<string, string>({ maxBatchSize: 2, concurrency: 2, run: gated.run });
    const answers = ['a', 'b', 'c', 'd', 'e', 'f'].map((item) => queue.submit(item));
    expect(gated.batches).toEqual([['a'], ['b']]);
    gated.open();
    await Promise.all(answers);
    expect(gated.batches.slice(2)).toEqual([
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('never puts two items with a common key in one batch', async () => {
    const gated = gatedRun();
    const queue = new BatchQueue<string, string>({ maxBatchSize: 10, concurrency: 1, keysOf: (item) => [item[0]], run: gated.run });
    const answers = ['x1', 'a1', 'a2', 'b1', 'a3'].map((item) => queue.submit(item));
    gated.open();
    await Promise.all(answers);
    expect(gated.batches).toEqual([['x1'], ['a1', 'b1'], ['a2'], ['a3']]);
  });

  it('never has two items with a common key in flight at once, and decides them in the order they came', async () => {
    const gated = gatedRun();
    const queue = new BatchQueue<string, string>({ maxBatchSize: 10, concurrency: 3, keysOf: (item) => [item[0]], run: gated.run });
    const answers = ['a1', 'a2', 'b1', 'a3', 'c1'].map((item) => queue.submit(item));
    // a1 runs; a2 and a3 wait for it (and a3 for a2), while b1 and c1 take the other two turns.
    expect(gated.batches).toEqual([['a1'], ['b1'], ['c1']]);
    gated.open();
    await Promise.all(answers);
    expect(gated.batches).toEqual([['a1'], ['b1'], ['c1'], ['a2'], ['a3']]);
  });

  it("gives each caller its own item's refusal", async () => {
    const gated = gatedRun();
    gated.open();
    const queue = new BatchQueue<string, string>({ maxBatchSize: 10, concurrency: 1, run: gated.run });
    const outcomes = await Promise.allSettled(['a', 'bad-b', 'c'].map((item) => queue.submit(item)));
    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : (outcome.reason as Error).message))).toEqual([
      'A',
      'refused bad-b',
      'C',
    ]);
  });

  it('tries every item of a failed batch again alone, so that one fault fails only its caller', async () => {
    const seen: string[][] = [];
    const queue = new BatchQueue<string, string>({
      maxBatchSize: 10,
      concurrency: 1,
      run: async (items) => {
        seen.push(items);
        if (items.includes('poison')) throw new Error('the batch failed');
        return items.map((item) => settledValue(item));
      },
    });
    const first = queue.submit('first');
    const rest = ['a', 'poison', 'b'].map((item) => queue.submit(item));
    await first;
    const outcomes = await Promise.allSettled(rest);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(seen).toEqual([['first'], ['a', 'poison', 'b'], ['a'], ['poison'], ['b']]);
  });
});
