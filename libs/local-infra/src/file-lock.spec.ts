import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withFileLock } from './file-lock';

describe('withFileLock', () => {
  let dir: string;
  let lock: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tutti-lock-'));
    lock = join(dir, 'work.lock');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lets one holder work at a time and removes the lock afterwards', async () => {
    const events: string[] = [];
    let releaseFirst!: () => void;
    const first = withFileLock(lock, 'first', async () => {
      events.push('first in');
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      events.push('first out');
    });
    const lines: string[] = [];
    const second = withFileLock(lock, 'second', async () => void events.push('second in'), { log: (line) => lines.push(line) });
    await new Promise((resolve) => setImmediate(resolve));
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid });
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['first in', 'first out', 'second in']);
    expect(lines).toEqual([expect.stringMatching(/^waiting for process \d+ to finish second/)]);
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock whose holder has died', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim();
    writeFileSync(lock, JSON.stringify({ pid: Number(dead) }));
    await expect(withFileLock(lock, 'work', async () => 'done')).resolves.toBe('done');
    expect(existsSync(lock)).toBe(false);
  });

  it('releases the lock when the work fails', async () => {
    await expect(withFileLock(lock, 'work', () => Promise.reject(new Error('broke')))).rejects.toThrow('broke');
    expect(existsSync(lock)).toBe(false);
  });
});
