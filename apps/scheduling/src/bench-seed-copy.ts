/**
 * How the bench seed writes (apps/scheduling/src/bench-seed.ts): rows made in Node and streamed
 * through `COPY … FROM STDIN` (pg-copy-streams), into tables whose schema the service's own
 * migrations made. The tables' indexes and key, unique and foreign-key constraints are taken off
 * before the COPY and put back after it exactly as the migrations defined them (pg_get_indexdef,
 * pg_get_constraintdef): one sort per index instead of an index insert per row. Foreign keys come
 * back NOT VALID and are then validated (one join per key). Progress on stderr: rows per table, rate,
 * and an estimate of the time left over the whole seed.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** The same id Postgres makes with md5(text)::uuid. */
export const md5Uuid = (text: string): string => {
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
export const benchSchoolId = (s: number): string => md5Uuid(`bench:school:${s}`);
export const benchPupilId = (s: number, p: number): string => md5Uuid(`bench:pupil:${s}:${p}`);
export const benchTutorUserId = (n: number): string => md5Uuid(`bench:tutor-user:${n}`);
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** Europe/London's UTC offset in 2026-27: BST until 25 October 2026 and again from 28 March 2027. */
export const londonOffset = (date: string): string => (date < '2026-10-25' || date >= '2027-03-28' ? '+01' : '+00');

/** One row as COPY's text format takes it: null is \N; the seed's values hold no tab, newline or backslash. */
export type CopyRow = (string | number | boolean | null)[];

export interface CopyTable {
  /** schema-qualified, e.g. scheduling.pupils */
  table: string;
  columns: string[];
  /** How many rows `rows()` makes, for the progress line's estimate. */
  expected: number;
  rows(): Iterable<CopyRow>;
}

const CHUNK_CHARS = 256 * 1024;

function* chunks(rows: Iterable<CopyRow>, counted: { rows: number }): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) {
      const value = row[i];
      line += (i === 0 ? '' : '\t') + (value === null ? '\\N' : String(value));
    }
    chunk += `${line}\n`;
    counted.rows++;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

export interface SeedProgress {
  /** Rows still to write over the whole seed (every table's `expected`), for the estimate. */
  add(expectedRows: number): void;
  copy(client: Client, table: CopyTable): Promise<TableTiming>;
  step<T>(name: string, work: () => Promise<T>): Promise<T>;
  timings: TableTiming[];
}

export interface TableTiming {
  name: string;
  rows: number;
  ms: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Progress lines go to `log` (stderr); every table's and step's time is kept for the summary. */
export function seedProgress(log: (line: string) => void): SeedProgress {
  const started = Date.now();
  let expectedTotal = 0;
  let writtenTotal = 0;
  let copyMs = 0;
  const timings: TableTiming[] = [];
  return {
    timings,
    add(expectedRows) {
      expectedTotal += expectedRows;
    },
    async copy(client, table) {
      const tableStarted = Date.now();
      const counted = { rows: 0 };
      const report = () => {
        const ms = Date.now() - tableStarted;
        const rate = counted.rows / Math.max(ms / 1000, 0.001);
        const overallRate = (writtenTotal + counted.rows) / Math.max((copyMs + ms) / 1000, 0.001);
        const left = Math.max(0, expectedTotal - writtenTotal - counted.rows);
        log(
          `${table.table}: ${counted.rows.toLocaleString('en-GB')} / ${table.expected.toLocaleString('en-GB')} rows, ${Math.round(rate).toLocaleString('en-GB')} rows/s; seed ${seconds(Date.now() - started)}, about ${seconds((left / Math.max(overallRate, 1)) * 1000)} of COPY left`,
        );
      };
      const timer = setInterval(report, 5_000);
      try {
        const sink = client.query(copyFrom(`COPY ${table.table} (${table.columns.join(', ')}) FROM STDIN`));
        await pipeline(Readable.from(chunks(table.rows(), counted)), sink);
      } finally {
        clearInterval(timer);
      }
      report();
      const ms = Date.now() - tableStarted;
      copyMs += ms;
      writtenTotal += counted.rows;
      const timing = { name: `COPY ${table.table}`, rows: counted.rows, ms };
      timings.push(timing);
      return timing;
    },
    async step(name, work) {
      const stepStarted = Date.now();
      const result = await work();
      const ms = Date.now() - stepStarted;
      timings.push({ name, rows: 0, ms });
      log(`${name}: ${seconds(ms)}`);
      return result;
    },
  };
}

interface Definition {
  table: string;
  name: string;
  sql: string;
  kind: 'key' | 'index' | 'foreign key';
}

/**
 * Takes the indexes and constraints off `tables` (and the foreign keys of other tables that point at
 * them), answering how to put them back. The tables must be empty: the seed never mixes with data.
 */
export async function takeOffIndexes(client: Client, tables: string[]): Promise<Definition[]> {
  for (const table of tables) {
    const { rows } = await client.query(`SELECT 1 FROM ${table} LIMIT 1`);
    if (rows.length > 0) throw new Error(`${table} already has rows: the bench seed writes into a fresh database`);
  }
  const { rows: constraints } = await client.query<{ table: string; name: string; def: string; contype: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def, contype
       FROM pg_constraint
      WHERE contype IN ('p', 'u', 'x', 'f') AND (conrelid = ANY($1::regclass[]) OR (contype = 'f' AND confrelid = ANY($1::regclass[])))`,
    [tables],
  );
  const { rows: indexes } = await client.query<{ table: string; name: string; def: string }>(
    `SELECT i.indrelid::regclass::text AS table, i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))`,
    [tables],
  );
  const foreignKeys = constraints.filter((c) => c.contype === 'f');
  const keys = constraints.filter((c) => c.contype !== 'f');
  for (const c of foreignKeys) await client.query(`ALTER TABLE ${c.table} DROP CONSTRAINT ${quote(c.name)}`);
  for (const c of keys) await client.query(`ALTER TABLE ${c.table} DROP CONSTRAINT ${quote(c.name)}`);
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  return [
    ...keys.map((c) => ({
      table: c.table,
      name: c.name,
      kind: 'key' as const,
      sql: `ALTER TABLE ${c.table} ADD CONSTRAINT ${quote(c.name)} ${c.def}`,
    })),
    ...indexes.map((index) => ({ table: index.table, name: index.name, kind: 'index' as const, sql: index.def })),
    ...foreignKeys.map((c) => ({
      table: c.table,
      name: c.name,
      kind: 'foreign key' as const,
      sql: `ALTER TABLE ${c.table} ADD CONSTRAINT ${quote(c.name)} ${c.def} NOT VALID`,
    })),
  ];
}

/** Puts back what takeOffIndexes took off (keys, then indexes, then foreign keys, validated), each timed. */
export async function putBackIndexes(client: Client, definitions: Definition[], progress: SeedProgress): Promise<void> {
  await client.query(`SET maintenance_work_mem = '512MB'`);
  for (const definition of definitions) {
    await progress.step(`${definition.kind} ${definition.name} on ${definition.table}`, async () => {
      await client.query(definition.sql);
      if (definition.kind === 'foreign key')
        await client.query(`ALTER TABLE ${definition.table} VALIDATE CONSTRAINT ${quote(definition.name)}`);
    });
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
