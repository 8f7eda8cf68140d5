/**
 * A large synthetic area for measuring the hot reads: `BENCH_SCHOOLS` schools (1,000 by default),
 * each with 4 classes, 200 pupils, 5 ensembles and a term of weekly sessions, tutors teaching in 3
 * schools each; built with generate_series in a few statements, then EXPLAIN ANALYZE of the tutor's
 * day and of a clash check is printed.
 *
 *   DATABASE_URL=postgres://tutti_scheduling:…@host/db node -r @swc-node/register apps/scheduling/src/bench-seed.ts
 *
 * Tutor n (1-based) signs in as user `benchTutorUserId(n)` of tenant BENCH_TENANT_ID.
 */
import { createHash } from 'node:crypto';
import { Transform } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { initializeWithRetry, loadConfig, runMigrationsLocked, serviceDataSourceOptions } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { SCHEDULING_ENTITIES, SCHEDULING_MIGRATIONS } from './database';
import { MY_OCCURRENCES_SQL } from './sessions/sessions.queries';

const md5Uuid = (text: string): string => {
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** The same ids Postgres makes with md5(text)::uuid below. */
export const BENCH_TENANT_ID = md5Uuid('bench:tenant');
export const benchTutorUserId = (n: number): string => md5Uuid(`bench:tutor-user:${n}`);

class BenchSeedConfig {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL (the scheduling role)' })
  DATABASE_URL!: string;

  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(20_000)
  BENCH_SCHOOLS = 1_000;
}

const STEPS: [string, string][] = [
  ['clear', `DELETE FROM attendance WHERE tenant_id = $1; DELETE FROM register_submissions WHERE tenant_id = $1; DELETE FROM occurrence_tutors WHERE tenant_id = $1;
    DELETE FROM occurrences WHERE tenant_id = $1; DELETE FROM session_tutors WHERE tenant_id = $1; DELETE FROM sessions WHERE tenant_id = $1;
    DELETE FROM ensemble_members WHERE tenant_id = $1; DELETE FROM ensembles WHERE tenant_id = $1; DELETE FROM pupils WHERE tenant_id = $1;
    DELETE FROM classes WHERE tenant_id = $1; DELETE FROM rooms WHERE tenant_id = $1; DELETE FROM staff_schools WHERE tenant_id = $1;
    DELETE FROM staff WHERE tenant_id = $1; DELETE FROM holidays WHERE tenant_id = $1; DELETE FROM terms WHERE tenant_id = $1;
    DELETE FROM schools WHERE tenant_id = $1; DELETE FROM tenant_settings WHERE tenant_id = $1`],
  ['settings and term', `INSERT INTO tenant_settings (tenant_id, name, weekly_provision_target_minutes) VALUES ($1, 'Bench Area', 240);
    INSERT INTO terms (id, tenant_id, name, starts_on, ends_on) VALUES (md5('bench:term')::uuid, $1, 'Autumn 2026', '2026-09-02', '2026-12-18');
    INSERT INTO holidays (id, tenant_id, kind, name, starts_on, ends_on) VALUES (md5('bench:half-term')::uuid, $1, 'holiday', 'Half term', '2026-10-26', '2026-10-30')`],
  ['schools', `INSERT INTO schools (id, tenant_id, name, urn, phase)
    SELECT md5('bench:school:' || s)::uuid, $1, 'Bench School ' || s, (8000000 + s)::text, 'primary' FROM generate_series(1, $2::int) s`],
  ['rooms', `INSERT INTO rooms (id, tenant_id, school_id, name, capacity)
    SELECT md5('bench:room:' || s || ':' || r)::uuid, $1, md5('bench:school:' || s)::uuid, (ARRAY['Hall', 'Music Room'])[r], 60 FROM generate_series(1, $2::int) s, generate_series(1, 2) r`],
  ['classes', `INSERT INTO classes (id, tenant_id, school_id, name, year_group)
    SELECT md5('bench:class:' || s || ':' || c)::uuid, $1, md5('bench:school:' || s)::uuid, 'Year ' || (c + 2), c + 2 FROM generate_series(1, $2::int) s, generate_series(1, 4) c`],
  ['pupils', `INSERT INTO pupils (id, tenant_id, school_id, class_id, first_name, last_name, year_group, mis_ref)
    SELECT md5('bench:pupil:' || s || ':' || p)::uuid, $1, md5('bench:school:' || s)::uuid, md5('bench:class:' || s || ':' || (1 + p % 4))::uuid,
           'Pupil', 'Number ' || p, 3 + p % 4, 'B' || s || '-' || p
    FROM generate_series(1, $2::int) s, generate_series(1, 200) p`],
  ['tutors', `INSERT INTO staff (id, tenant_id, user_id, kind, display_name, instruments)
    SELECT md5('bench:tutor:' || t)::uuid, $1, md5('bench:tutor-user:' || t)::uuid, 'tutor', 'Tutor ' || t, '{violin}' FROM generate_series(1, ($2::int + 2) / 3) t;
    INSERT INTO staff_schools (tenant_id, staff_id, school_id)
    SELECT $1, md5('bench:tutor:' || ((s - 1) / 3 + 1))::uuid, md5('bench:school:' || s)::uuid FROM generate_series(1, $2::int) s`],
  ['ensembles', `INSERT INTO ensembles (id, tenant_id, school_id, name, kind, strand)
    SELECT md5('bench:ensemble:' || s || ':' || e)::uuid, $1, md5('bench:school:' || s)::uuid, CASE WHEN e = 5 THEN 'Choir' ELSE 'Year ' || (e + 2) || ' Strings' END,
           CASE WHEN e = 5 THEN 'choir' ELSE 'whole_class' END, CASE WHEN e = 5 THEN 'after_school' ELSE 'curriculum' END
    FROM generate_series(1, $2::int) s, generate_series(1, 5) e`],
  ['members', `INSERT INTO ensemble_members (id, tenant_id, ensemble_id, pupil_id, instrument, joined_on)
    SELECT md5('bench:member:' || s || ':' || p)::uuid, $1, md5('bench:ensemble:' || s || ':' || (1 + p % 4))::uuid, md5('bench:pupil:' || s || ':' || p)::uuid, 'violin', '2026-09-02'
    FROM generate_series(1, $2::int) s, generate_series(1, 200) p;
    INSERT INTO ensemble_members (id, tenant_id, ensemble_id, pupil_id, section, joined_on)
    SELECT md5('bench:choir:' || s || ':' || p)::uuid, $1, md5('bench:ensemble:' || s || ':5')::uuid, md5('bench:pupil:' || s || ':' || p)::uuid, 'soprano', '2026-09-02'
    FROM generate_series(1, $2::int) s, generate_series(1, 200, 5) p`],
  // Whole-class strings Monday to Thursday, each school of a tutor's three at its own hour; choir on Friday.
  ['sessions', `INSERT INTO sessions (id, tenant_id, ensemble_id, school_id, room_id, term_id, title, recurrence, weekday, start_time, duration_minutes, first_on, last_on, time_zone)
    SELECT md5('bench:session:' || s || ':' || e)::uuid, $1, md5('bench:ensemble:' || s || ':' || e)::uuid, md5('bench:school:' || s)::uuid,
           md5('bench:room:' || s || ':' || (CASE WHEN e = 5 THEN 1 ELSE 2 END))::uuid, md5('bench:term')::uuid, 'Session ' || e, 'weekly', e,
           time '09:00' + make_interval(hours => 2 * ((s - 1) % 3)), 60, '2026-09-02', '2026-12-18', 'Europe/London'
    FROM generate_series(1, $2::int) s, generate_series(1, 5) e;
    INSERT INTO session_tutors (tenant_id, session_id, staff_id)
    SELECT $1, md5('bench:session:' || s || ':' || e)::uuid, md5('bench:tutor:' || ((s - 1) / 3 + 1))::uuid FROM generate_series(1, $2::int) s, generate_series(1, 5) e`],
  ['occurrences', `INSERT INTO occurrences (id, tenant_id, session_id, ensemble_id, school_id, room_id, local_date, starts_at, ends_at)
    SELECT md5(s.id::text || d::text)::uuid, s.tenant_id, s.id, s.ensemble_id, s.school_id, s.room_id, d,
           (d + s.start_time) AT TIME ZONE s.time_zone, (d + s.start_time) AT TIME ZONE s.time_zone + make_interval(mins => s.duration_minutes)
    FROM sessions s, LATERAL (SELECT g::date AS d FROM generate_series(s.first_on, s.last_on, interval '1 day') g) days
    WHERE s.tenant_id = $1 AND extract(isodow FROM d) = s.weekday
      AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.tenant_id = s.tenant_id AND h.starts_on <= d AND h.ends_on >= d AND (h.school_id IS NULL OR h.school_id = s.school_id));
    INSERT INTO occurrence_tutors (tenant_id, occurrence_id, staff_id, starts_at, ends_at)
    SELECT o.tenant_id, o.id, st.staff_id, o.starts_at, o.ends_at FROM occurrences o JOIN session_tutors st ON st.tenant_id = o.tenant_id AND st.session_id = o.session_id
    WHERE o.tenant_id = $1`],
  ['analyze', `ANALYZE`],
];

async function main(): Promise<void> {
  const config = loadConfig(BenchSeedConfig);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const dataSource = new DataSource(serviceDataSourceOptions({ service: 'scheduling', url: config.DATABASE_URL, entities: SCHEDULING_ENTITIES, migrations: SCHEDULING_MIGRATIONS, poolSize: 2 }));
  await initializeWithRetry(dataSource, log);
  try {
    await runMigrationsLocked(dataSource, log);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      for (const [name, sql] of STEPS) {
        const started = Date.now();
        for (const statement of sql.split(/;\s*/).filter((part) => part.trim() !== '')) {
          const params = [BENCH_TENANT_ID, config.BENCH_SCHOOLS].slice(0, statement.includes('$2') ? 2 : statement.includes('$1') ? 1 : 0);
          await runner.query(statement, params);
        }
        log(`${name}: ${Date.now() - started} ms`);
      }
      const counts = await runner.query(
        `SELECT (SELECT count(*) FROM pupils WHERE tenant_id = $1) AS pupils, (SELECT count(*) FROM occurrences WHERE tenant_id = $1) AS occurrences,
                (SELECT count(*) FROM occurrence_tutors WHERE tenant_id = $1) AS tutor_slots`,
        [BENCH_TENANT_ID],
      );
      log(`bench area: ${JSON.stringify(counts[0])}`);
      const explain = async (title: string, sql: string, params: unknown[]) => {
        const plan: { 'QUERY PLAN': string }[] = await runner.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
        log(`\n== ${title}\n${plan.map((row) => row['QUERY PLAN']).join('\n')}`);
      };
      await explain('tutor’s day (GET /me/occurrences?period=today)', MY_OCCURRENCES_SQL, [BENCH_TENANT_ID, benchTutorUserId(1), '2026-11-16', '2026-11-16', 'Europe/London']);
      await explain('tutor’s week (GET /me/occurrences?period=week)', MY_OCCURRENCES_SQL, [BENCH_TENANT_ID, benchTutorUserId(1), '2026-11-16', '2026-11-22', 'Europe/London']);
      await explain(
        'room clash check for one occurrence',
        `SELECT o.id FROM occurrences m JOIN occurrences o ON o.tenant_id = m.tenant_id AND o.room_id = m.room_id AND o.status = 'scheduled'
           AND o.starts_at < m.ends_at AND o.starts_at > m.starts_at - interval '12 hours' AND tstzrange(o.starts_at, o.ends_at) && tstzrange(m.starts_at, m.ends_at)
         WHERE m.tenant_id = $1 AND m.id = md5(md5('bench:session:1:1')::uuid::text || '2026-11-16')::uuid AND o.id <> m.id`,
        [BENCH_TENANT_ID],
      );
    } finally {
      await runner.release();
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
