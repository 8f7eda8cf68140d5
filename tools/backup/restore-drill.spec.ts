import { join } from 'node:path';
import { newDrillDir, runRestoreDrill, type DrillResult } from './restore-drill';

jest.setTimeout(120_000);

describe('the point-in-time restore drill', () => {
  let result: DrillResult;

  beforeAll(async () => {
    result = await runRestoreDrill({ workDir: newDrillDir(join(__dirname, '..', '..')), rows: 2_000 });
  });

  it('wrote the mistake on the primary', () => {
    expect(result.primary).toEqual({ beforeBackup: 0, afterBackup: 2_000, mistake: 2_000 });
  });

  it('restores on a second cluster every row written before the target time, from the backup and the archived WAL, and nothing after it', () => {
    expect(result.restored).toEqual({ beforeBackup: 2_000, afterBackup: 2_000, mistake: 0 });
  });

  it('leaves the restored cluster promoted, writable on a new timeline', () => {
    expect(result.restoredInRecovery).toBe(false);
    expect(result.restoredTimeline).toBe(2);
  });

  it('times each step', () => {
    expect(result.steps.map((step) => step.name)).toEqual(
      expect.arrayContaining(['base backup', 'restore to a second cluster at the target time (copy, replay, promote)']),
    );
  });
});
