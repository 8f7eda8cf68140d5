/**
 * The scale seed's rows in the other services' schemas, for the same areas, schools and pupils as
 * bench-seed.ts writes in scheduling's (ids made the same way): instrument-loan's instruments and
 * loans (with its copies of the schools and of the pupils who hold a loan), performance-event's
 * venues and performances, and parent-engagement's copies of the performances, their buses, pickup
 * stops, the families booking and their bookings. Each service's own role writes its own schema,
 * which its migrations made (its migrate.ts, run before the seed); COPY as bench-seed-copy.ts does.
 */
import { Client } from 'pg';
import type { BenchArea, SchedulingShape } from './bench-seed';
import {
  addDays,
  benchPupilId,
  benchSchoolId,
  benchTutorUserId,
  londonOffset,
  md5Uuid,
  putBackIndexes,
  takeOffIndexes,
  type CopyTable,
  type SeedProgress,
} from './bench-seed-copy';

export interface OtherServiceUrls {
  instrumentLoan?: string;
  performanceEvent?: string;
  parentEngagement?: string;
}

/** Per school: 20 instruments, 15 of them out on loan this year, and 5 loans of last year returned. */
const INSTRUMENTS_PER_SCHOOL = 20;
const ACTIVE_LOANS_PER_SCHOOL = 15;
/** Per area: 20 performances over the year, 5 buses each, 20 families of 1 adult and 1 child on each bus. */
const PERFORMANCES_PER_AREA = 20;
const BUSES_PER_PERFORMANCE = 5;
const BOOKINGS_PER_BUS = 20;

const tutorUserOf = (area: BenchArea, s: number) => benchTutorUserId(area.firstTutor + Math.floor((s - area.first) / 3));

function* schoolsOf(areas: BenchArea[]): Generator<{ area: BenchArea; s: number; id: string }> {
  for (const area of areas) for (let s = area.first; s < area.first + area.count; s++) yield { area, s, id: benchSchoolId(s) };
}

function instrumentLoanTables(shape: SchedulingShape): CopyTable[] {
  const schools = shape.areas.reduce((sum, area) => sum + area.count, 0);
  return [
    {
      table: 'instrument_loan.schools',
      columns: ['tenant_id', 'id', 'name', 'urn'],
      expected: schools,
      *rows() {
        for (const school of schoolsOf(shape.areas))
          yield [school.area.tenantId, school.id, `Bench School ${school.s}`, String(8_000_000 + school.s)];
      },
    },
    {
      table: 'instrument_loan.pupils',
      columns: ['tenant_id', 'id', 'school_id', 'year_group', 'first_name', 'last_name'],
      expected: schools * INSTRUMENTS_PER_SCHOOL,
      *rows() {
        for (const school of schoolsOf(shape.areas))
          for (let p = 1; p <= INSTRUMENTS_PER_SCHOOL; p++)
            yield [school.area.tenantId, benchPupilId(school.s, p), school.id, 3 + (p % 4), 'Pupil', `Number ${p}`];
      },
    },
    {
      table: 'instrument_loan.instruments',
      columns: ['id', 'tenant_id', 'asset_tag', 'family', 'type', 'size', 'owner_kind', 'condition', 'status', 'next_inspection_on'],
      expected: schools * INSTRUMENTS_PER_SCHOOL,
      *rows() {
        for (const school of schoolsOf(shape.areas))
          for (let i = 1; i <= INSTRUMENTS_PER_SCHOOL; i++)
            yield [
              md5Uuid(`bench:instrument:${school.s}:${i}`),
              school.area.tenantId,
              `B${school.s}-${i}`,
              'strings',
              'violin',
              (['1/4', '1/2', '3/4'] as const)[i % 3],
              'programme',
              'good',
              i <= ACTIVE_LOANS_PER_SCHOOL ? 'on_loan' : 'available',
              '2027-08-31',
            ];
      },
    },
    {
      table: 'instrument_loan.loans',
      columns: [
        'id',
        'tenant_id',
        'instrument_id',
        'pupil_id',
        'school_id',
        'started_at',
        'due_on',
        'condition_out',
        'agreed_by_name',
        'agreed_at',
        'terms_version',
        'checked_out_by',
        'returned_at',
        'condition_in',
        'outcome',
        'returned_by',
      ],
      expected: schools * INSTRUMENTS_PER_SCHOOL,
      *rows() {
        for (const school of schoolsOf(shape.areas)) {
          const tutor = tutorUserOf(school.area, school.s);
          for (let i = 1; i <= INSTRUMENTS_PER_SCHOOL; i++) {
            const active = i <= ACTIVE_LOANS_PER_SCHOOL;
            const start = active ? '2026-09-10 10:00:00+01' : '2025-09-10 10:00:00+01';
            yield [
              md5Uuid(`bench:loan:${school.s}:${i}`),
              school.area.tenantId,
              md5Uuid(`bench:instrument:${school.s}:${i}`),
              benchPupilId(school.s, i),
              school.id,
              start,
              active ? '2027-07-21' : '2026-07-21',
              'good',
              `Parent of pupil ${i}`,
              start,
              '2025-1',
              tutor,
              active ? null : '2026-07-17 15:00:00+01',
              active ? null : 'good',
              active ? null : 'returned',
              active ? null : tutor,
            ];
          }
        }
      },
    },
  ];
}

interface Performance {
  area: BenchArea;
  k: number;
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  departsAt: string;
  closesAt: string;
}

function* performancesOf(areas: BenchArea[]): Generator<Performance> {
  for (const area of areas)
    for (let k = 1; k <= PERFORMANCES_PER_AREA; k++) {
      const date = addDays('2026-09-20', k * 14);
      const offset = londonOffset(date);
      yield {
        area,
        k,
        id: md5Uuid(`bench:performance:${area.n}:${k}`),
        title: `Bench Concert ${k}`,
        startsAt: `${date} 18:00:00${offset}`,
        endsAt: `${date} 20:00:00${offset}`,
        departsAt: `${date} 16:30:00${offset}`,
        closesAt: `${addDays(date, -1)} 18:00:00${offset}`,
      };
    }
}

function performanceEventTables(shape: SchedulingShape): CopyTable[] {
  return [
    {
      table: 'performance_event.venues',
      columns: ['id', 'tenant_id', 'name', 'kind', 'address', 'capacity'],
      expected: shape.areas.length,
      *rows() {
        for (const area of shape.areas)
          yield [md5Uuid(`bench:venue:${area.n}`), area.tenantId, `Bench Hall ${area.n}`, 'concert_hall', `${area.n} High Street`, 800];
      },
    },
    {
      table: 'performance_event.performances',
      columns: ['id', 'tenant_id', 'venue_id', 'title', 'starts_at', 'ends_at', 'status', 'audience', 'published_at'],
      expected: shape.areas.length * PERFORMANCES_PER_AREA,
      *rows() {
        for (const p of performancesOf(shape.areas))
          yield [
            p.id,
            p.area.tenantId,
            md5Uuid(`bench:venue:${p.area.n}`),
            p.title,
            p.startsAt,
            p.endsAt,
            'published',
            'public',
            '2026-09-01 09:00:00+01',
          ];
      },
    },
  ];
}

function parentEngagementTables(shape: SchedulingShape): CopyTable[] {
  const performances = shape.areas.length * PERFORMANCES_PER_AREA;
  const buses = performances * BUSES_PER_PERFORMANCE;
  const bookings = buses * BOOKINGS_PER_BUS;
  const P = shape.pupilsPerSchool;
  const busId = (p: Performance, b: number) => md5Uuid(`bench:bus:${p.area.n}:${p.k}:${b}`);
  const stopId = (p: Performance, b: number) => md5Uuid(`bench:stop:${p.area.n}:${p.k}:${b}`);
  /** Booking n of a bus: its family (one guardian) and child, from the area's schools in turn. */
  function* bookingsOf(): Generator<{ p: Performance; b: number; n: number; guardianId: string; pupilId: string; schoolId: string }> {
    for (const p of performancesOf(shape.areas))
      for (let b = 1; b <= BUSES_PER_PERFORMANCE; b++)
        for (let n = 1; n <= BOOKINGS_PER_BUS; n++) {
          const index = ((p.k - 1) * BUSES_PER_PERFORMANCE + (b - 1)) * BOOKINGS_PER_BUS + (n - 1);
          const s = p.area.first + (index % p.area.count);
          const pupil = 1 + (Math.floor(index / p.area.count) % P);
          yield {
            p,
            b,
            n,
            guardianId: md5Uuid(`bench:guardian:${p.area.n}:${p.k}:${b}:${n}`),
            pupilId: benchPupilId(s, pupil),
            schoolId: benchSchoolId(s),
          };
        }
  }
  return [
    {
      table: 'parent_engagement.performances',
      columns: ['tenant_id', 'id', 'title', 'starts_at', 'ends_at', 'venue_name', 'status', 'last_event_at'],
      expected: performances,
      *rows() {
        for (const p of performancesOf(shape.areas))
          yield [p.area.tenantId, p.id, p.title, p.startsAt, p.endsAt, `Bench Hall ${p.area.n}`, 'published', '2026-09-01 09:00:00+01'];
      },
    },
    {
      table: 'parent_engagement.transport_runs',
      columns: ['tenant_id', 'id', 'performance_id', 'vehicle', 'seats', 'seats_taken', 'outbound_departs_at', 'bookings_close_at'],
      expected: buses,
      *rows() {
        for (const p of performancesOf(shape.areas))
          for (let b = 1; b <= BUSES_PER_PERFORMANCE; b++)
            yield [p.area.tenantId, busId(p, b), p.id, `Coach ${b}`, 50, 2 * BOOKINGS_PER_BUS, p.departsAt, p.closesAt];
      },
    },
    {
      table: 'parent_engagement.pickup_stops',
      columns: ['tenant_id', 'id', 'run_id', 'position', 'name', 'place', 'pickup_at'],
      expected: buses,
      *rows() {
        for (const p of performancesOf(shape.areas))
          for (let b = 1; b <= BUSES_PER_PERFORMANCE; b++)
            yield [p.area.tenantId, stopId(p, b), busId(p, b), 1, 'School gate', `Bench Area ${p.area.n}`, p.departsAt];
      },
    },
    {
      table: 'parent_engagement.families',
      columns: ['tenant_id', 'guardian_id', 'display_name', 'email'],
      expected: bookings,
      *rows() {
        for (const booking of bookingsOf())
          yield [
            booking.p.area.tenantId,
            booking.guardianId,
            `Family ${booking.p.k}-${booking.b}-${booking.n}`,
            `family-${booking.p.area.n}-${booking.p.k}-${booking.b}-${booking.n}@bench.tutti.test`,
          ];
      },
    },
    {
      table: 'parent_engagement.family_children',
      columns: ['tenant_id', 'guardian_id', 'pupil_id', 'school_id'],
      expected: bookings,
      *rows() {
        for (const booking of bookingsOf()) yield [booking.p.area.tenantId, booking.guardianId, booking.pupilId, booking.schoolId];
      },
    },
    {
      table: 'parent_engagement.transport_bookings',
      columns: [
        'tenant_id',
        'id',
        'run_id',
        'stop_id',
        'guardian_id',
        'guardian_name',
        'pupil_ids',
        'school_ids',
        'adults',
        'children',
        'status',
        'performance_id',
        'family_pupil_ids',
      ],
      expected: bookings,
      *rows() {
        for (const booking of bookingsOf())
          yield [
            booking.p.area.tenantId,
            md5Uuid(`bench:booking:${booking.p.area.n}:${booking.p.k}:${booking.b}:${booking.n}`),
            busId(booking.p, booking.b),
            stopId(booking.p, booking.b),
            booking.guardianId,
            `Family ${booking.p.k}-${booking.b}-${booking.n}`,
            `{${booking.pupilId}}`,
            `{${booking.schoolId}}`,
            1,
            1,
            'confirmed',
            booking.p.id,
            `{${booking.pupilId}}`,
          ];
      },
    },
  ];
}

export async function seedService({ name, url, tables }: OtherService, progress: SeedProgress): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const definitions = await progress.step(`${name}: indexes and constraints off`, () =>
      takeOffIndexes(
        client,
        tables.map((table) => table.table),
      ),
    );
    for (const table of tables) await progress.copy(client, table);
    await putBackIndexes(client, definitions, progress);
    await progress.step(`${name}: ANALYZE`, () => client.query('ANALYZE'));
  } finally {
    await client.end();
  }
}

export interface OtherService {
  name: string;
  url: string;
  tables: CopyTable[];
}

/** The services whose URL is given. */
export function otherServices(urls: OtherServiceUrls, shape: SchedulingShape): OtherService[] {
  const services: [string, string | undefined, (shape: SchedulingShape) => CopyTable[]][] = [
    ['instrument-loan', urls.instrumentLoan, instrumentLoanTables],
    ['performance-event', urls.performanceEvent, performanceEventTables],
    ['parent-engagement', urls.parentEngagement, parentEngagementTables],
  ];
  return services.flatMap(([name, url, tables]) => (url ? [{ name, url, tables: tables(shape) }] : []));
}
