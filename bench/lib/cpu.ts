import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux the project runs on

/** CPU seconds (user + system) a process has used so far, or undefined where /proc is missing. */
export function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU seconds of a process and its children so far, ended ones included (PostgreSQL: the postmaster and its backends). */
export function cpuSecondsOfTree(rootPid: number): number | undefined {
  let total: number;
  try {
    // Its own time, plus that of children it has reaped (cutime, cstime: backends that ended).
    const fields = readFileSync(`/proc/${rootPid}/stat`, 'utf8').split(') ')[1].split(' ');
    total = (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(fields[1]) === rootPid) total += (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    } catch {
      // It ended while we looked (and is counted in the root's cutime from now on).
    }
  }
  return total;
}

/** The postmaster's pid: the parent of this connection's backend (the server must run on this machine). */
export async function postmasterPidOf(databaseUrl: string): Promise<number | undefined> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return Number(readFileSync(`/proc/${rows[0].pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
  } catch {
    return undefined;
  } finally {
    await client.end();
  }
}
