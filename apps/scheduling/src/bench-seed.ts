/**
 * Synthetic areas for measuring the hot reads, from 1,000 schools (the quick seed) to the scale seed
 * of issue 20 (BENCH_SCHOOLS=10000 BENCH_AREAS=120: 3 million pupils). Every school has 4 classes,
 * BENCH_PUPILS_PER_SCHOOL pupils (300), 5 ensembles (4 whole-class strings, Monday to Thursday, each
 * pupil in one; a choir of one pupil in five on Friday) and their weekly sessions through the three
 * terms of 2026-27 (half terms off); tutors teach in 3 schools each. With BENCH_REGISTERS=true,
 * registers are taken of every session up to BENCH_REGISTERS_UNTIL (2026-11-20; the scale seed takes
 * the whole year): in full in the first two areas, and in every BENCH_REGISTER_SCHOOL_EVERY-th school
 * (1: all) of the others. With one area it is the bench area (BENCH_TENANT_ID) of BENCH_SCHOOLS schools;
 * with more, area 1 is the bench area of BENCH_FIRST_AREA_SCHOOLS (1,000: the tutor's day compares it
 * with the quick seed's), area 2 has 100 schools (the issue's area for the annual data return), and the
 * other schools are shared evenly by the other areas.
 *
 * Rows are made here and written through COPY FROM STDIN (bench-seed-copy.ts: indexes and constraints
 * off during the COPY, back as the migrations define them after it), with progress on stderr. Given
 * INSTRUMENT_LOAN_DATABASE_URL, PERFORMANCE_EVENT_DATABASE_URL and PARENT_ENGAGEMENT_DATABASE_URL
 * (each service's own role, its schema already migrated by the service's migrate.ts), it writes their
 * rows for the same schools and pupils too (bench-seed-services.ts). Then EXPLAIN ANALYZE of the
 * tutor's day, of a clash check and (with registers) of the annual data return's statements is printed,
 * with the return's time.
 *
 *   DATABASE_URL=postgres://tutti_scheduling:…@host/db node -r ./tools/runtime/register.js apps/scheduling/src/bench-seed.ts
 *
 * Tutor n (1-based) signs in as user `benchTutorUserId(n)` of tenant BENCH_TENANT_ID.
 */
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Client } from 'pg';
import { initializeWithRetry, loadConfig, runMigrationsLocked, serviceDataSourceOptions } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { SCHEDULING_ENTITIES, SCHEDULING_MIGRATIONS } from './database';
import { annualReturnFigures, REGULAR_MIN_SESSIONS } from './annual-return/annual-return.figures';
import {
  examsByGrade,
  regularPlayers,
  REGULAR_PLAYERS_SQL,
  schoolsWorkedWith,
  SCHOOLS_WORKED_WITH_SQL,
  wcetPupils,
  WCET_PUPILS_SQL,
} from './annual-return/annual-return.queries';
import { academicYearOf } from './annual-return/annual-return.service';
import { MY_OCCURRENCES_SQL } from './sessions/sessions.queries';
import {
  addDays,
  benchPupilId,
  benchSchoolId,
  benchTutorUserId,
  londonOffset,
  md5Uuid,
  putBackIndexes,
  seedProgress,
  takeOffIndexes,
  type CopyTable,
  type SeedProgress,
} from './bench-seed-copy';
import { otherServices, seedService } from './bench-seed-services';

/** The same ids Postgres makes with md5(text)::uuid. */
export const BENCH_TENANT_ID = md5Uuid('bench:tenant');
export { benchTutorUserId };
/** Area 1 is the bench area; area n > 1 is `bench:area:n`. */
export const benchAreaTenantId = (n: number): string => (n === 1 ? BENCH_TENANT_ID : md5Uuid(`bench:area:${n}`));

const toNumber = ({ value }: { value: unknown }) => (typeof value === 'string' ? Number(value) : value);

class BenchSeedConfig {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL (the scheduling role)' })
  DATABASE_URL!: string;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(20_000)
  BENCH_SCHOOLS = 1_000;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(200)
  BENCH_AREAS = 1;

  /** With more than one area: the bench area's schools (the tutor's day compares it with the quick seed's 1,000). */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  BENCH_FIRST_AREA_SCHOOLS = 1_000;

  @Transform(toNumber)
  @IsInt()
  @Min(8)
  @Max(1_000)
  BENCH_PUPILS_PER_SCHOOL = 300;

  /** Registers (bench/annual-return.bench.ts measures the data return on them); off for the tutor's day, whose seed stays quick. */
  @Transform(({ value }: { value: unknown }) => value === 'true' || value === true)
  @IsBoolean()
  BENCH_REGISTERS = false;

  /** The last day whose sessions have their registers taken (and the data return's "today"). */
  @Matches(/^2026-(09|1[0-2])-\d\d$|^2027-0[1-8]-\d\d$/, { message: 'must be a date of the 2026-27 academic year' })
  BENCH_REGISTERS_UNTIL = '2026-11-20';

  /** Outside the first two areas, registers of every n-th school only (1: all); a reduced density the scale seed can write in its time. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  BENCH_REGISTER_SCHOOL_EVERY = 1;

  /** EXPLAIN of the hot queries and the data return's time (off: only the seed). */
  @Transform(({ value }: { value: unknown }) => !(value === 'false' || value === false))
  @IsBoolean()
  BENCH_EXPLAIN = true;

  @IsOptional() @Matches(/^postgres(ql)?:\/\/.+/) INSTRUMENT_LOAN_DATABASE_URL?: string;
  @IsOptional() @Matches(/^postgres(ql)?:\/\/.+/) PERFORMANCE_EVENT_DATABASE_URL?: string;
  @IsOptional() @Matches(/^postgres(ql)?:\/\/.+/) PARENT_ENGAGEMENT_DATABASE_URL?: string;
}

export interface BenchArea {
  n: number;
  tenantId: string;
  /** Its schools are first … first + count - 1 (numbered over all areas). */
  first: number;
  count: number;
  /** Its tutors are firstTutor … (3 schools each, never across areas). */
  firstTutor: number;
}

/** Area 2's size: the issue's area for the annual data return. */
export const RETURN_AREA_SCHOOLS = 100;

export function benchAreas(schools: number, areas: number, firstAreaSchools: number): BenchArea[] {
  if (areas === 1) return [{ n: 1, tenantId: BENCH_TENANT_ID, first: 1, count: schools, firstTutor: 1 }];
  const rest = schools - firstAreaSchools - RETURN_AREA_SCHOOLS;
  if (areas < 3 || rest < areas - 2)
    throw new Error(
      `${schools} schools cannot make ${areas} areas of which the first has ${firstAreaSchools} and the second ${RETURN_AREA_SCHOOLS}`,
    );
  const sizes = [
    firstAreaSchools,
    RETURN_AREA_SCHOOLS,
    ...Array.from({ length: areas - 2 }, (_, i) => Math.floor(rest / (areas - 2)) + (i < rest % (areas - 2) ? 1 : 0)),
  ];
  const result: BenchArea[] = [];
  let first = 1;
  let firstTutor = 1;
  sizes.forEach((count, i) => {
    result.push({ n: i + 1, tenantId: benchAreaTenantId(i + 1), first, count, firstTutor });
    first += count;
    firstTutor += Math.ceil(count / 3);
  });
  return result;
}

/** The academic year 2026-27: three terms, a half-term week off in each (Europe/London). */
const TERMS = [
  { key: 'autumn', name: 'Autumn 2026', startsOn: '2026-09-02', endsOn: '2026-12-18', halfTerm: ['2026-10-26', '2026-10-30'] },
  { key: 'spring', name: 'Spring 2027', startsOn: '2027-01-05', endsOn: '2027-03-26', halfTerm: ['2027-02-15', '2027-02-19'] },
  { key: 'summer', name: 'Summer 2027', startsOn: '2027-04-12', endsOn: '2027-07-21', halfTerm: ['2027-05-31', '2027-06-04'] },
] as const;
/** Area 1's autumn term and half term keep the quick seed's ids. */
const termId = (area: number, term: number) => (area === 1 && term === 0 ? md5Uuid('bench:term') : md5Uuid(`bench:term:${area}:${term}`));
const holidayId = (area: number, term: number) =>
  area === 1 && term === 0 ? md5Uuid('bench:half-term') : md5Uuid(`bench:half-term:${area}:${term}`);
const sessionId = (school: number, ensemble: number, term: number) =>
  md5Uuid(term === 0 ? `bench:session:${school}:${ensemble}` : `bench:session:${school}:${ensemble}:${term}`);

const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The dates of each weekday (1-5) in each term, half terms off: the same for every school. */
const TERM_DATES: string[][][] = TERMS.map((term) => {
  const byWeekday: string[][] = [[], [], [], [], [], []];
  for (let date: string = term.startsOn; date <= term.endsOn; date = addDays(date, 1)) {
    const weekday = isoWeekday(date);
    if (weekday <= 5 && !(date >= term.halfTerm[0] && date <= term.halfTerm[1])) byWeekday[weekday].push(date);
  }
  return byWeekday;
});

/** The ids and shape of one school, made once per table pass. */
interface School {
  s: number;
  area: BenchArea;
  id: string;
  tutor: number;
  tutorId: string;
  tutorUserId: string;
  classIds: string[];
  ensembleIds: string[];
  roomIds: string[];
  hour: number;
  registers: boolean;
}

export interface SchedulingShape {
  areas: BenchArea[];
  pupilsPerSchool: number;
  registersUntil: string;
  registerSchoolEvery: number;
  withRegisters: boolean;
}

export function schoolOf(shape: SchedulingShape, area: BenchArea, s: number): School {
  const tutor = area.firstTutor + Math.floor((s - area.first) / 3);
  return {
    s,
    area,
    id: benchSchoolId(s),
    tutor,
    tutorId: md5Uuid(`bench:tutor:${tutor}`),
    tutorUserId: benchTutorUserId(tutor),
    classIds: [1, 2, 3, 4].map((c) => md5Uuid(`bench:class:${s}:${c}`)),
    ensembleIds: [1, 2, 3, 4, 5].map((e) => md5Uuid(`bench:ensemble:${s}:${e}`)),
    roomIds: [1, 2].map((r) => md5Uuid(`bench:room:${s}:${r}`)),
    hour: 9 + 2 * ((s - area.first) % 3),
    registers: shape.withRegisters && (area.n <= 2 || s % shape.registerSchoolEvery === 0),
  };
}

export function* eachSchool(shape: SchedulingShape): Generator<School> {
  for (const area of shape.areas) for (let s = area.first; s < area.first + area.count; s++) yield schoolOf(shape, area, s);
}

const pupilId = benchPupilId;
/** Pupil p is in whole-class ensemble 1 + p % 4 (and its class), and in the choir when p % 5 = 1. */
const ensembleOfPupil = (p: number) => 1 + (p % 4);
const inChoir = (p: number) => p % 5 === 1;

const MARKS = ['present', 'present', 'present', 'present', 'present', 'present', 'late', 'absent', 'excused'];

function schedulingTables(shape: SchedulingShape): CopyTable[] {
  const { areas, pupilsPerSchool: P } = shape;
  const schools = areas.reduce((sum, area) => sum + area.count, 0);
  const tutors = areas.reduce((sum, area) => sum + Math.ceil(area.count / 3), 0);
  const occurrencesPerSchool = TERM_DATES.reduce((sum, byWeekday) => sum + [1, 2, 3, 4, 5].reduce((n, e) => n + byWeekday[e].length, 0), 0);
  const registeredPerSchool = TERM_DATES.reduce(
    (sum, byWeekday) => sum + [1, 2, 3, 4, 5].reduce((n, e) => n + byWeekday[e].filter((d) => d <= shape.registersUntil).length, 0),
    0,
  );
  const registeredSchools = shape.withRegisters ? [...eachSchool(shape)].filter((school) => school.registers).length : 0;
  const choir = Math.ceil(P / 5);
  const occurrences = function* (
    school: School,
  ): Generator<{ id: string; sessionId: string; e: number; date: string; startsAt: string; endsAt: string }> {
    for (let term = 0; term < TERMS.length; term++)
      for (let e = 1; e <= 5; e++) {
        const session = sessionId(school.s, e, term);
        for (const date of TERM_DATES[term][e]) {
          const offset = londonOffset(date);
          yield {
            id: md5Uuid(`${session}${date}`),
            sessionId: session,
            e,
            date,
            startsAt: `${date} ${school.hour}:00:00${offset}`,
            endsAt: `${date} ${school.hour + 1}:00:00${offset}`,
          };
        }
      }
  };
  const submissionOf = (occurrenceId: string) => `${occurrenceId.slice(0, 24)}aaaaaaaaaaaa`;
  return [
    {
      table: 'scheduling.tenant_settings',
      columns: ['tenant_id', 'name', 'weekly_provision_target_minutes'],
      expected: areas.length,
      *rows() {
        for (const area of areas) yield [area.tenantId, area.n === 1 ? 'Bench Area' : `Bench Area ${area.n}`, 240];
      },
    },
    {
      table: 'scheduling.terms',
      columns: ['id', 'tenant_id', 'name', 'starts_on', 'ends_on'],
      expected: areas.length * TERMS.length,
      *rows() {
        for (const area of areas)
          for (let t = 0; t < TERMS.length; t++)
            yield [termId(area.n, t), area.tenantId, TERMS[t].name, TERMS[t].startsOn, TERMS[t].endsOn];
      },
    },
    {
      table: 'scheduling.holidays',
      columns: ['id', 'tenant_id', 'kind', 'name', 'starts_on', 'ends_on'],
      expected: areas.length * TERMS.length,
      *rows() {
        for (const area of areas)
          for (let t = 0; t < TERMS.length; t++)
            yield [holidayId(area.n, t), area.tenantId, 'holiday', 'Half term', TERMS[t].halfTerm[0], TERMS[t].halfTerm[1]];
      },
    },
    {
      table: 'scheduling.schools',
      columns: ['id', 'tenant_id', 'name', 'urn', 'phase'],
      expected: schools,
      *rows() {
        for (const area of areas)
          for (let s = area.first; s < area.first + area.count; s++)
            yield [benchSchoolId(s), area.tenantId, `Bench School ${s}`, String(8_000_000 + s), 'primary'];
      },
    },
    {
      table: 'scheduling.rooms',
      columns: ['id', 'tenant_id', 'school_id', 'name', 'capacity'],
      expected: schools * 2,
      *rows() {
        for (const school of eachSchool(shape)) {
          yield [school.roomIds[0], school.area.tenantId, school.id, 'Hall', 60];
          yield [school.roomIds[1], school.area.tenantId, school.id, 'Music Room', 60];
        }
      },
    },
    {
      table: 'scheduling.classes',
      columns: ['id', 'tenant_id', 'school_id', 'name', 'year_group'],
      expected: schools * 4,
      *rows() {
        for (const school of eachSchool(shape))
          for (let c = 1; c <= 4; c++) yield [school.classIds[c - 1], school.area.tenantId, school.id, `Year ${c + 2}`, c + 2];
      },
    },
    {
      table: 'scheduling.pupils',
      columns: ['id', 'tenant_id', 'school_id', 'class_id', 'first_name', 'last_name', 'year_group', 'mis_ref'],
      expected: schools * P,
      *rows() {
        for (const school of eachSchool(shape))
          for (let p = 1; p <= P; p++)
            yield [
              pupilId(school.s, p),
              school.area.tenantId,
              school.id,
              school.classIds[p % 4],
              'Pupil',
              `Number ${p}`,
              3 + (p % 4),
              `B${school.s}-${p}`,
            ];
      },
    },
    {
      table: 'scheduling.staff',
      columns: ['id', 'tenant_id', 'user_id', 'kind', 'display_name', 'instruments'],
      expected: tutors,
      *rows() {
        for (const area of areas)
          for (let t = area.firstTutor; t < area.firstTutor + Math.ceil(area.count / 3); t++)
            yield [md5Uuid(`bench:tutor:${t}`), area.tenantId, benchTutorUserId(t), 'tutor', `Tutor ${t}`, '{violin}'];
      },
    },
    {
      table: 'scheduling.staff_schools',
      columns: ['tenant_id', 'staff_id', 'school_id'],
      expected: schools,
      *rows() {
        for (const school of eachSchool(shape)) yield [school.area.tenantId, school.tutorId, school.id];
      },
    },
    {
      table: 'scheduling.ensembles',
      columns: ['id', 'tenant_id', 'school_id', 'name', 'kind', 'strand'],
      expected: schools * 5,
      *rows() {
        for (const school of eachSchool(shape))
          for (let e = 1; e <= 5; e++)
            yield e === 5
              ? [school.ensembleIds[4], school.area.tenantId, school.id, 'Choir', 'choir', 'after_school']
              : [school.ensembleIds[e - 1], school.area.tenantId, school.id, `Year ${e + 2} Strings`, 'whole_class', 'curriculum'];
      },
    },
    {
      table: 'scheduling.ensemble_members',
      columns: ['id', 'tenant_id', 'ensemble_id', 'pupil_id', 'instrument', 'section', 'joined_on'],
      expected: schools * (P + choir),
      *rows() {
        for (const school of eachSchool(shape))
          for (let p = 1; p <= P; p++) {
            const pupil = pupilId(school.s, p);
            yield [
              md5Uuid(`bench:member:${school.s}:${p}`),
              school.area.tenantId,
              school.ensembleIds[ensembleOfPupil(p) - 1],
              pupil,
              'violin',
              null,
              '2026-09-02',
            ];
            if (inChoir(p))
              yield [
                md5Uuid(`bench:choir:${school.s}:${p}`),
                school.area.tenantId,
                school.ensembleIds[4],
                pupil,
                null,
                'soprano',
                '2026-09-02',
              ];
          }
      },
    },
    // Whole-class strings Monday to Thursday, each school of a tutor's three at its own hour; choir on Friday.
    {
      table: 'scheduling.sessions',
      columns: [
        'id',
        'tenant_id',
        'ensemble_id',
        'school_id',
        'room_id',
        'term_id',
        'title',
        'recurrence',
        'weekday',
        'start_time',
        'duration_minutes',
        'first_on',
        'last_on',
        'time_zone',
      ],
      expected: schools * 5 * TERMS.length,
      *rows() {
        for (const school of eachSchool(shape))
          for (let t = 0; t < TERMS.length; t++)
            for (let e = 1; e <= 5; e++)
              yield [
                sessionId(school.s, e, t),
                school.area.tenantId,
                school.ensembleIds[e - 1],
                school.id,
                school.roomIds[e === 5 ? 0 : 1],
                termId(school.area.n, t),
                `Session ${e}`,
                'weekly',
                e,
                `${school.hour}:00`,
                60,
                TERMS[t].startsOn,
                TERMS[t].endsOn,
                'Europe/London',
              ];
      },
    },
    {
      table: 'scheduling.session_tutors',
      columns: ['tenant_id', 'session_id', 'staff_id'],
      expected: schools * 5 * TERMS.length,
      *rows() {
        for (const school of eachSchool(shape))
          for (let t = 0; t < TERMS.length; t++)
            for (let e = 1; e <= 5; e++) yield [school.area.tenantId, sessionId(school.s, e, t), school.tutorId];
      },
    },
    {
      table: 'scheduling.occurrences',
      columns: ['id', 'tenant_id', 'session_id', 'ensemble_id', 'school_id', 'room_id', 'local_date', 'starts_at', 'ends_at'],
      expected: schools * occurrencesPerSchool,
      *rows() {
        for (const school of eachSchool(shape))
          for (const o of occurrences(school))
            yield [
              o.id,
              school.area.tenantId,
              o.sessionId,
              school.ensembleIds[o.e - 1],
              school.id,
              school.roomIds[o.e === 5 ? 0 : 1],
              o.date,
              o.startsAt,
              o.endsAt,
            ];
      },
    },
    {
      table: 'scheduling.occurrence_tutors',
      columns: ['tenant_id', 'occurrence_id', 'staff_id', 'starts_at', 'ends_at'],
      expected: schools * occurrencesPerSchool,
      *rows() {
        for (const school of eachSchool(shape))
          for (const o of occurrences(school)) yield [school.area.tenantId, o.id, school.tutorId, o.startsAt, o.endsAt];
      },
    },
    {
      table: 'scheduling.register_submissions',
      columns: ['id', 'tenant_id', 'occurrence_id', 'submitted_by', 'submitted_at'],
      expected: registeredSchools * registeredPerSchool,
      *rows() {
        for (const school of eachSchool(shape)) {
          if (!school.registers) continue;
          for (const o of occurrences(school))
            if (o.date <= shape.registersUntil) yield [submissionOf(o.id), school.area.tenantId, o.id, school.tutorUserId, o.endsAt];
        }
      },
    },
    {
      table: 'scheduling.attendance',
      columns: ['id', 'tenant_id', 'occurrence_id', 'pupil_id', 'status', 'submission_id'],
      expected: registeredSchools * Math.round((registeredPerSchool * (P + choir)) / 5),
      *rows() {
        for (const school of eachSchool(shape)) {
          if (!school.registers) continue;
          const pupils = Array.from({ length: P + 1 }, (_, p) => (p === 0 ? '' : pupilId(school.s, p)));
          const members: number[][] = [[], [], [], [], [], []];
          for (let p = 1; p <= P; p++) {
            members[ensembleOfPupil(p)].push(p);
            if (inChoir(p)) members[5].push(p);
          }
          let n = 0;
          for (const o of occurrences(school)) {
            if (o.date > shape.registersUntil) continue;
            const prefix = o.id.slice(0, 24);
            const submission = submissionOf(o.id);
            n++;
            for (const p of members[o.e])
              yield [
                `${prefix}${p.toString(16).padStart(12, '0')}`,
                school.area.tenantId,
                o.id,
                pupils[p],
                MARKS[(n * 7 + p) % 9],
                submission,
              ];
          }
        }
      },
    },
  ];
}
/** Writes the scheduling rows (the schema already migrated) through COPY, indexes off, then back; then ANALYZE. */
async function seedScheduling(client: Client, tables: CopyTable[], progress: SeedProgress): Promise<void> {
  const definitions = await progress.step('scheduling: indexes and constraints off', () =>
    takeOffIndexes(
      client,
      tables.map((table) => table.table),
    ),
  );
  for (const table of tables) await progress.copy(client, table);
  await putBackIndexes(client, definitions, progress);
  await progress.step('scheduling: ANALYZE', () => client.query('ANALYZE'));
}

async function main(): Promise<void> {
  const config = loadConfig(BenchSeedConfig);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const progress = seedProgress((line) => process.stderr.write(`bench-seed: ${line}\n`));
  const seedStarted = Date.now();
  const dataSource = new DataSource(
    serviceDataSourceOptions({
      service: 'scheduling',
      url: config.DATABASE_URL,
      entities: SCHEDULING_ENTITIES,
      migrations: SCHEDULING_MIGRATIONS,
      poolSize: 2,
    }),
  );
  await initializeWithRetry(dataSource, log);
  const shape: SchedulingShape = {
    areas: benchAreas(config.BENCH_SCHOOLS, config.BENCH_AREAS, config.BENCH_FIRST_AREA_SCHOOLS),
    pupilsPerSchool: config.BENCH_PUPILS_PER_SCHOOL,
    registersUntil: config.BENCH_REGISTERS_UNTIL,
    registerSchoolEvery: config.BENCH_REGISTER_SCHOOL_EVERY,
    withRegisters: config.BENCH_REGISTERS,
  };
  const returnArea = shape.areas.length > 1 ? shape.areas[1] : shape.areas[0];
  try {
    await progress.step('scheduling: migrations', () => runMigrationsLocked(dataSource, log));
    const client = new Client({ connectionString: config.DATABASE_URL });
    await client.connect();
    try {
      const tables = schedulingTables(shape);
      const others = otherServices(
        {
          instrumentLoan: config.INSTRUMENT_LOAN_DATABASE_URL,
          performanceEvent: config.PERFORMANCE_EVENT_DATABASE_URL,
          parentEngagement: config.PARENT_ENGAGEMENT_DATABASE_URL,
        },
        shape,
      );
      for (const table of [...tables, ...others.flatMap((service) => service.tables)]) progress.add(table.expected);
      await seedScheduling(client, tables, progress);
      for (const service of others) await seedService(service, progress);
    } finally {
      await client.end();
    }
    const seedMs = Date.now() - seedStarted;
    for (const timing of progress.timings)
      log(
        `seed ${timing.name}: ${timing.ms} ms${timing.rows > 0 ? ` (${timing.rows} rows, ${Math.round(timing.rows / Math.max(timing.ms / 1000, 0.001))} rows/s)` : ''}`,
      );
    const copied = progress.timings.filter((timing) => timing.rows > 0);
    log(
      `seed total: ${seedMs} ms, ${copied.reduce((sum, timing) => sum + timing.rows, 0)} rows; COPY ${copied.reduce((sum, timing) => sum + timing.ms, 0)} ms, indexes, constraints and ANALYZE ${progress.timings.filter((timing) => timing.rows === 0).reduce((sum, timing) => sum + timing.ms, 0)} ms`,
    );
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      const counts = await runner.query(
        `SELECT (SELECT count(*) FROM pupils WHERE tenant_id = $1) AS pupils, (SELECT count(*) FROM occurrences WHERE tenant_id = $1) AS occurrences,
                (SELECT count(*) FROM occurrence_tutors WHERE tenant_id = $1) AS tutor_slots, (SELECT count(*) FROM attendance WHERE tenant_id = $1) AS attendance_marks`,
        [BENCH_TENANT_ID],
      );
      log(`bench area: ${JSON.stringify(counts[0])}`);
      if (shape.areas.length > 1) {
        const totals = await runner.query(
          `SELECT (SELECT count(*) FROM schools) AS schools, (SELECT count(*) FROM pupils) AS pupils, (SELECT count(*) FROM occurrences) AS occurrences, (SELECT count(*) FROM attendance) AS attendance_marks,
                  (SELECT count(DISTINCT tenant_id) FROM schools) AS areas`,
        );
        log(`all areas: ${JSON.stringify(totals[0])}`);
        const returnCounts = await runner.query(
          `SELECT (SELECT count(*) FROM schools WHERE tenant_id = $1) AS schools, (SELECT count(*) FROM pupils WHERE tenant_id = $1) AS pupils, (SELECT count(*) FROM attendance WHERE tenant_id = $1) AS attendance_marks`,
          [returnArea.tenantId],
        );
        log(`return area (area ${returnArea.n}, ${returnArea.tenantId}): ${JSON.stringify(returnCounts[0])}`);
      }
      if (!config.BENCH_EXPLAIN) return;
      const explain = async (title: string, sql: string, params: unknown[]) => {
        const plan: { 'QUERY PLAN': string }[] = await runner.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
        log(`\n== ${title}\n${plan.map((row) => row['QUERY PLAN']).join('\n')}`);
      };
      await explain('tutor’s day (GET /me/occurrences?period=today)', MY_OCCURRENCES_SQL, [
        BENCH_TENANT_ID,
        benchTutorUserId(1),
        '2026-11-16',
        '2026-11-16',
        'Europe/London',
      ]);
      await explain('tutor’s week (GET /me/occurrences?period=week)', MY_OCCURRENCES_SQL, [
        BENCH_TENANT_ID,
        benchTutorUserId(1),
        '2026-11-16',
        '2026-11-22',
        'Europe/London',
      ]);
      await explain(
        'room clash check for one occurrence',
        `SELECT o.id FROM occurrences m JOIN occurrences o ON o.tenant_id = m.tenant_id AND o.room_id = m.room_id AND o.status = 'scheduled'
           AND o.starts_at < m.ends_at AND o.starts_at > m.starts_at - interval '12 hours' AND tstzrange(o.starts_at, o.ends_at) && tstzrange(m.starts_at, m.ends_at)
         WHERE m.tenant_id = $1 AND m.id = md5(md5('bench:session:1:1')::uuid::text || '2026-11-16')::uuid AND o.id <> m.id`,
        [BENCH_TENANT_ID],
      );
      if (!config.BENCH_REGISTERS) return;
      const year = academicYearOf('2026-27');
      const today = config.BENCH_REGISTERS_UNTIL;
      const tenantId = returnArea.tenantId;
      await explain('annual return: WCET pupils with continuation', WCET_PUPILS_SQL, [tenantId, year.from, year.to, year.name, today]);
      await explain('annual return: regular ensemble players', REGULAR_PLAYERS_SQL, [tenantId, year.from, year.to, REGULAR_MIN_SESSIONS]);
      await explain('annual return: schools worked with', SCHOOLS_WORKED_WITH_SQL, [tenantId, year.from, year.to]);
      for (let run = 1; run <= 3; run++) {
        const started = Date.now();
        const [wcet, regular, exams, schools] = await Promise.all([
          wcetPupils(runner, tenantId, year, today),
          regularPlayers(runner, tenantId, year, REGULAR_MIN_SESSIONS),
          examsByGrade(runner, tenantId, year),
          schoolsWorkedWith(runner, tenantId, year),
        ]);
        const figures = annualReturnFigures({ wcet, regular, exams, schools });
        log(
          `annual return 2026-27, run ${run}: ${Date.now() - started} ms (${wcet.length} WCET pupils, ${schools.length} schools, ${figures.length} figures; one connection, statements in turn)`,
        );
      }
    } finally {
      await runner.release();
    }
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module)
  main().catch((error: unknown) => {
    process.stderr.write(`bench-seed failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
