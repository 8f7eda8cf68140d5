import { oneRow, type Queryable } from '@tutti/platform';

/** The tables whose rows carry a version for If-Match, each with the column naming one row of a tenant. */
const ROW_KEY = {
  schools: 'id',
  classes: 'id',
  pupils: 'id',
  staff: 'id',
  rooms: 'id',
  ensembles: 'id',
  occurrences: 'id',
  lesson_plans: 'id',
  exam_entries: 'id',
  rehearsal_notes: 'occurrence_id',
  comparison_schools: 'id',
} as const;

export type VersionedTable = keyof typeof ROW_KEY;

/** The row's version now, or undefined when the tenant has no such row. */
export async function currentVersion(db: Queryable, table: VersionedTable, tenantId: string, key: string): Promise<number | undefined> {
  const current = await oneRow<{ version: number }>(db, `SELECT version FROM ${table} WHERE tenant_id = $1 AND ${ROW_KEY[table]} = $2`, [
    tenantId,
    key,
  ]);
  return current?.version;
}

/**
 * Serialises timetable writes of one area: clash checks read then write, and two concurrent
 * bookings of the same room must not both pass.
 */
export async function lockTimetable(db: Queryable, tenantId: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`scheduling:timetable:${tenantId}`]);
}

/**
 * Accented letters (both cases: lower() leaves them alone under the C locale) and the plain lower-case
 * letter each is searched as, one for one, so that SQL's translate() and nameSearchWords fold alike.
 * One fold for every name search (pupils, staff) and for finding an erased pupil's name in free text.
 */
export const NAME_FOLD = {
  accented:
    'àÀáÁâÂãÃäÄåÅāĀăĂąĄçÇćĆĉĈċĊčČďĎđĐèÈéÉêÊëËēĒĕĔėĖęĘěĚĝĜğĞġĠģĢĥĤħĦìÌíÍîÎïÏĩĨīĪĭĬįĮıĵĴķĶĺĹļĻľĽŀĿłŁñÑńŃņŅňŇòÒóÓôÔõÕöÖøØōŌŏŎőŐŕŔŗŖřŘśŚŝŜşŞšŠșȘţŢťŤŧŦțȚùÙúÚûÛüÜũŨūŪŭŬůŮűŰųŲŵŴýÝÿŸŷŶźŹżŻžŽ',
  plain:
    'aaaaaaaaaaaaaaaaaaccccccccccddddeeeeeeeeeeeeeeeeeegggggggghhhhiiiiiiiiiiiiiiiiijjkkllllllllllnnnnnnnnoooooooooooooooooorrrrrrssssssssssttttttttuuuuuuuuuuuuuuuuuuuuwwyyyyyyzzzzzz',
} as const;

/** The text lower case with accents folded as NAME_FOLD folds them (then any combining mark dropped). */
export function foldName(text: string): string {
  return [...text.toLowerCase()]
    .map((c) => NAME_FOLD.plain[NAME_FOLD.accented.indexOf(c)] ?? c)
    .join('')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** A name search as words, lower case with accents folded and LIKE's wildcards escaped. */
export function nameSearchWords(q: string | undefined): string[] {
  return foldName(q ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.replace(/[\\%_]/g, (c) => `\\${c}`));
}

/**
 * SQL that holds when every word of the text[] parameter `words` (from nameSearchWords) is part of
 * `nameSql` folded alike; `accented` and `plain` are the parameters holding NAME_FOLD's two strings.
 */
export function everyWordIn(nameSql: string, words: string, accented: string, plain: string): string {
  return `NOT EXISTS (SELECT 1 FROM unnest(${words}::text[]) AS w(word) WHERE translate(lower(${nameSql}), ${accented}, ${plain}) NOT LIKE '%' || w.word || '%')`;
}
