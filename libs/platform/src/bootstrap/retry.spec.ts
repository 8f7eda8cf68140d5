import { retryWithBackoff } from './retry';

describe('retryWithBackoff', () => {
  it('keeps trying with growing delays, saying what it waits for, until the attempt succeeds', async () => {
    const lines: string[] = [];
    let calls = 0;
    const result = await retryWithBackoff(
      async () => {
        calls++;
        if (calls < 4) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        return 'connected';
      },
      { describe: 'waiting for PostgreSQL', log: (line) => lines.push(line), initialDelayMs: 1, maxDelayMs: 4 },
    );
    expect(result).toBe('connected');
    expect(lines).toEqual([
      'waiting for PostgreSQL (try 1 failed: connect ECONNREFUSED 127.0.0.1:5432); retrying in 1 ms',
      'waiting for PostgreSQL (try 2 failed: connect ECONNREFUSED 127.0.0.1:5432); retrying in 2 ms',
      'waiting for PostgreSQL (try 3 failed: connect ECONNREFUSED 127.0.0.1:5432); retrying in 4 ms',
    ]);
  });

  it('gives up after its deadline with the last reason', async () => {
    await expect(
      retryWithBackoff(() => Promise.reject(new Error('no route to host')), {
        describe: 'waiting for Redis',
        log: () => undefined,
        initialDelayMs: 5,
        deadlineMs: 20,
      }),
    ).rejects.toThrow(/waiting for Redis: gave up after \d+ tries: no route to host/);
  });

  it('throws at once an error it is told waiting cannot cure', async () => {
    const lines: string[] = [];
    let calls = 0;
    const refused = new Error('WRONGPASS');
    await expect(
      retryWithBackoff(
        async () => {
          calls++;
          throw calls === 1 ? new Error('connect ECONNREFUSED') : refused;
        },
        { describe: 'waiting for Redis', log: (line) => lines.push(line), initialDelayMs: 1, retryable: (error) => error !== refused },
      ),
    ).rejects.toBe(refused);
    expect(calls).toBe(2);
    expect(lines).toEqual(['waiting for Redis (try 1 failed: connect ECONNREFUSED); retrying in 1 ms']);
  });
});
