import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import { DEMO_AREAS, type DemoArea } from './demo/areas';
import { demoPupils } from './demo-pupils';
import { seedId, tenantIdOf } from './seed-ids';

type Log = (line: string) => void;

/** A demo pupil as the scheduling seed creates them: `seedId(\`pupil:<areaSlug>:<n>\`)`. */
export interface DemoPupilPlacement {
  areaSlug: string;
  n: number;
  schoolUrn: string;
  yearGroup: number;
  firstName?: string;
  lastName?: string;
}

export interface SeedInstrumentsOptions {
  /** The demo pupils; by default those demo-scheduling.ts creates (8 per class, Years 3–5, per school). */
  pupils?: DemoPupilPlacement[];
  instrumentsPerArea?: number;
  now?: Date;
}

const MIX: [string, string, number][] = [
  ['violin', 'strings', 40],
  ['viola', 'strings', 8],
  ['cello', 'strings', 15],
  ['double_bass', 'strings', 4],
  ['flute', 'woodwind', 6],
  ['clarinet', 'woodwind', 6],
  ['trumpet', 'brass', 8],
  ['trombone', 'brass', 5],
  ['percussion', 'percussion', 8],
];
const SIZES = ['1/8', '1/4', '1/4', '1/2', '1/2', '1/2', '3/4', '3/4', '4/4'];
const BASS_SIZES = ['1/8', '1/4', '1/2'];
const MAKES: Record<string, [string, string, number][]> = {
  strings: [
    ['Stentor', 'Student I', 9500],
    ['Stentor', 'Student II', 14500],
    ['Primavera', '100', 11000],
  ],
  woodwind: [
    ['Yamaha', 'YFL-212', 45000],
    ['Buffet', 'Prodige', 52000],
    ['Jupiter', 'JCL700', 38000],
  ],
  brass: [
    ['Yamaha', 'YTR-2330', 42000],
    ['Jupiter', 'JTB700', 36000],
    ['pBone', 'Mini', 12000],
  ],
  percussion: [
    ['Premier', 'Snare kit', 18000],
    ['Sonor', 'Glockenspiel', 9000],
  ],
};
const CONDITIONS = ['excellent', 'good', 'good', 'good', 'fair', 'fair', 'poor'];
const FAULTS = ['Open seam', 'Cracked bridge', 'Sticky valve', 'Worn pads', 'Bent slide', 'Loose fingerboard'];

/** A number in [0, 1) fixed by the key, so that a re-seed makes the same stock. */
function chance(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

function pick<T>(key: string, values: readonly T[]): T {
  return values[Math.floor(chance(key) * values.length)];
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The end of the current school year (20 July), the usual due date of a loan. */
function schoolYearEnd(now: Date): string {
  const year = now.getUTCMonth() >= 7 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  return `${year}-07-20`;
}

function placements(area: DemoArea, options: SeedInstrumentsOptions): DemoPupilPlacement[] {
  const given = options.pupils?.filter((pupil) => pupil.areaSlug === area.slug);
  if (given && given.length > 0) return given;
  // As seeds/src/demo-scheduling.ts enrols them, with the same names.
  const placed: DemoPupilPlacement[] = demoPupils(area).map((pupil) => ({
    areaSlug: area.slug,
    n: pupil.n,
    schoolUrn: pupil.schoolUrn,
    yearGroup: pupil.yearGroup,
    firstName: pupil.firstName,
    lastName: pupil.lastName,
  }));
  return placed;
}

/**
 * The demo stock of every area: a few hundred instruments, most of the strings out on loan to demo
 * pupils with a guardian's agreement, some in repair, a few lost or retired. Written through the
 * instrument-loan role; rows keep stable ids, so running it twice adds nothing.
 */
export async function seedInstruments(client: Client, log: Log, options: SeedInstrumentsOptions = {}): Promise<void> {
  const now = options.now ?? new Date();
  const perArea = options.instrumentsPerArea ?? 300;
  const dueOn = schoolYearEnd(now);
  let instruments = 0;
  let loans = 0;
  await client.query('BEGIN');
  try {
    for (const area of DEMO_AREAS) {
      const tenantId = tenantIdOf(area);
      for (const school of area.schools) {
        await client.query('INSERT INTO schools (tenant_id, id, name, urn) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
          tenantId,
          seedId(`school:${school.urn}`),
          school.name,
          school.urn,
        ]);
      }
      const pupils = placements(area, options);
      for (const pupil of pupils) {
        await client.query(
          `INSERT INTO pupils (tenant_id, id, school_id, year_group, first_name, last_name) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
          [
            tenantId,
            seedId(`pupil:${area.slug}:${pupil.n}`),
            seedId(`school:${pupil.schoolUrn}`),
            pupil.yearGroup,
            pupil.firstName ?? 'Demo',
            pupil.lastName ?? `Pupil ${pupil.n}`,
          ],
        );
      }
      const totalWeight = MIX.reduce((sum, [, , weight]) => sum + weight, 0);
      let nextPupil = 0;
      for (let index = 1; index <= perArea; index++) {
        const key = `instrument:${area.slug}:${index}`;
        let roll = chance(`${key}:type`) * totalWeight;
        const [type, family] = MIX.find(([, , weight]) => (roll -= weight) < 0) ?? MIX[0];
        const size = family !== 'strings' ? null : type === 'double_bass' ? pick(`${key}:size`, BASS_SIZES) : pick(`${key}:size`, SIZES);
        const [make, model, value] = pick(`${key}:make`, MAKES[family]);
        const schoolOwned = chance(`${key}:owner`) < 0.15;
        const ownerSchool = pick(`${key}:school`, area.schools);
        const fate = chance(`${key}:fate`);
        const onLoan = fate < (family === 'strings' ? 0.7 : 0.5) && nextPupil < pupils.length;
        const status = onLoan ? 'on_loan' : fate > 0.97 ? 'lost' : fate > 0.95 ? 'retired' : fate > 0.9 ? 'in_repair' : 'available';
        const purchased = new Date(Date.UTC(2019 + Math.floor(chance(`${key}:year`) * 6), Math.floor(chance(`${key}:month`) * 12), 1));
        const instrumentId = seedId(key);
        const assetTag = `${area.slug.slice(0, 3).toUpperCase()}-${type.slice(0, 2).toUpperCase()}-${String(index).padStart(4, '0')}`;
        const inserted = await client.query(
          `INSERT INTO instruments (id, tenant_id, asset_tag, family, type, size, make, model, serial, purchased_on, purchase_value_pence, owner_kind, owner_school_id,
                                    location, condition, status, next_inspection_on)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) ON CONFLICT DO NOTHING`,
          [
            instrumentId,
            tenantId,
            assetTag,
            family,
            type,
            size,
            make,
            model,
            `SN${instrumentId.slice(-8).toUpperCase()}`,
            isoDay(purchased),
            value,
            schoolOwned ? 'school' : 'programme',
            schoolOwned ? seedId(`school:${ownerSchool.urn}`) : null,
            schoolOwned ? `${ownerSchool.name} music room` : 'Hub store',
            pick(`${key}:condition`, CONDITIONS),
            status,
            isoDay(new Date(now.getTime() + Math.floor(chance(`${key}:inspect`) * 120) * 86_400_000)),
          ],
        );
        if (inserted.rowCount === 0) continue;
        instruments++;
        if (status === 'in_repair') {
          await client.query(
            `INSERT INTO repair_tickets (id, tenant_id, instrument_id, fault, repairer, cost_pence, opened_on, opened_by) VALUES ($1, $2, $3, $4, 'Hub repairs', NULL, $5, $6)`,
            [
              seedId(`${key}:repair`),
              tenantId,
              instrumentId,
              pick(`${key}:fault`, FAULTS),
              isoDay(new Date(now.getTime() - 10 * 86_400_000)),
              seedId(`staff:${area.slug}:admin`),
            ],
          );
        }
        if (!onLoan) continue;
        const pupil = pupils[nextPupil++];
        const startedAt = new Date(now.getTime() - (7 + Math.floor(chance(`${key}:started`) * 120)) * 86_400_000);
        const loanId = seedId(`${key}:loan`);
        // A few loans ran past an earlier due date and show as overdue.
        const overdue = chance(`${key}:overdue`) < 0.05;
        const loanDue = overdue ? isoDay(new Date(now.getTime() - 5 * 86_400_000)) : dueOn;
        await client.query(
          `INSERT INTO loans (id, tenant_id, instrument_id, pupil_id, school_id, started_at, due_on, accessories, condition_out, agreed_by_name, agreed_at, terms_version,
                              checked_out_by, overdue_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'good', $9, $6, '2025-1', $10, $11)`,
          [
            loanId,
            tenantId,
            instrumentId,
            seedId(`pupil:${area.slug}:${pupil.n}`),
            seedId(`school:${pupil.schoolUrn}`),
            startedAt,
            loanDue,
            family === 'strings' ? ['case', 'bow', 'rosin'] : ['case'],
            `Guardian of pupil ${pupil.n}`,
            seedId(`staff:${area.slug}:admin`),
            overdue ? now : null,
          ],
        );
        if (!overdue) {
          // The overdue check, as a check-out schedules it; the reminder sweeper queues it when due.
          await client.query(
            `INSERT INTO reminders (id, tenant_id, kind, recipient_id, subject_type, subject_id, due_at) VALUES ($1, $2, 'loan.overdue-check', $3, 'loan', $4, $5) ON CONFLICT DO NOTHING`,
            [
              seedId(`${key}:loan:overdue-check`),
              tenantId,
              seedId(`pupil:${area.slug}:${pupil.n}`),
              loanId,
              new Date(`${dueOn}T09:00:00Z`),
            ],
          );
        }
        loans++;
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  log(`demo data: ${instruments} instruments, ${loans} on loan`);
}
