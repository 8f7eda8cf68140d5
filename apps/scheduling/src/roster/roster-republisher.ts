import type { PupilEnrolledV1, PupilLeftV1 } from '@tutti/contracts';
import { isLockNotAvailable } from '@tutti/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { emitAll } from '../common/events';
import { emitEnsembleSnapshot } from '../ensembles/ensemble-membership';
import { areaToday } from '../safeguarding/clearance-check';
import { staffClearancesBatch } from '../safeguarding/safeguarding.queries';
import { clearancePayload } from '../safeguarding/safeguarding.service';
import { ensembleIdsBatch, pupilsBatch, schoolsBatch, tenantsToRepublish, type PupilPlace, type RepublishedTenant } from './roster.queries';

export const REPUBLISHED_EVENT_TYPES = [
  'scheduling.school.updated',
  'scheduling.pupil.enrolled',
  'scheduling.pupil.left',
  'scheduling.ensemble.membership-changed',
  'scheduling.safeguarding.changed',
] as const;
export type RepublishedEventType = (typeof REPUBLISHED_EVENT_TYPES)[number];

export const DEFAULT_REPUBLISH_BATCH_SIZE = 500;

export type RosterPart = 'schools' | 'pupils' | 'ensembles' | 'staff clearances';

export type RepublishProgress =
  | { kind: 'tenant'; tenant: RepublishedTenant; position: number; of: number }
  | { kind: 'batch'; tenant: RepublishedTenant; part: RosterPart; done: number; total: number }
  /** Another transaction is changing rows of the next batch: it is tried again after a pause. */
  | { kind: 'busy'; tenant: RepublishedTenant; part: RosterPart; attempt: number; retryInMs: number };

export interface RepublishOptions {
  /** Only this area; every area scheduling knows otherwise. */
  tenantId?: string;
  /** Rows per transaction. */
  batchSize?: number;
  onProgress?: (progress: RepublishProgress) => void;
}

export interface RepublishSummary {
  tenants: number;
  events: Record<RepublishedEventType, number>;
  seconds: number;
}

/** A failure the person running the command can act on; its message says how. */
export class RosterRepublishError extends Error {}

/** Attempts at a batch whose rows another transaction is changing, before giving up. */
const BUSY_ATTEMPTS = 8;

/**
 * Republishes scheduling's current roster as events, so that a subscriber's replica (new, restored,
 * or drifted) catches up: every school as `school.updated`, every current pupil as `pupil.enrolled`
 * with their current place, every pupil who has left as `pupil.left` only, every ensemble's whole
 * membership, and the clearance of every member of staff with a safeguarding record as
 * `safeguarding.changed` (decided for today, with their kind: parent engagement's copies made before
 * it kept the kind get it so). Consumers upsert and remember event ids, and keep a clearance only
 * over an older one, so running it again is harmless.
 *
 * Rows go in batches keyset-paginated by id, each batch and its events in one transaction. A
 * batch locks its rows (FOR SHARE) so that a change committed meanwhile cannot be overtaken by an
 * older picture of it; it never waits for a lock (NOWAIT, then retries), so that it can never be
 * part of a deadlock that would fail someone's request. Ensemble snapshots are read without locks
 * (adding a member inserts a row that no lock here could hold back), as the live snapshots are.
 */
export async function republishRoster(db: DataSource, options: RepublishOptions = {}): Promise<RepublishSummary> {
  const started = Date.now();
  const batchSize = options.batchSize ?? DEFAULT_REPUBLISH_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RosterRepublishError(`batch size must be a whole number of at least 1, not ${batchSize}`);
  const report = options.onProgress ?? (() => undefined);
  const events: Record<RepublishedEventType, number> = {
    'scheduling.school.updated': 0,
    'scheduling.pupil.enrolled': 0,
    'scheduling.pupil.left': 0,
    'scheduling.ensemble.membership-changed': 0,
    'scheduling.safeguarding.changed': 0,
  };

  const tenants = await tenantsToRepublish(db, options.tenantId ?? null);
  if (options.tenantId && tenants.length === 0) {
    throw new RosterRepublishError(
      `scheduling knows no tenant ${options.tenantId} (no settings, schools, ensembles or safeguarding records); check the id (the gateway's areas list shows it), or omit --tenant to republish every area`,
    );
  }

  for (const [index, tenant] of tenants.entries()) {
    report({ kind: 'tenant', tenant, position: index + 1, of: tenants.length });
    const inBatches = async (part: RosterPart, total: number, publishBatch: PublishBatch): Promise<void> => {
      await republishInBatches(db, batchSize, publishBatch, {
        committed: (batch, done) => {
          for (const type of REPUBLISHED_EVENT_TYPES) events[type] += batch.events[type] ?? 0;
          report({ kind: 'batch', tenant, part, done, total });
        },
        busy: (attempt, retryInMs) => report({ kind: 'busy', tenant, part, attempt, retryInMs }),
      });
    };

    await inBatches('schools', tenant.schools, async (manager, afterId) => {
      const schools = await schoolsBatch(manager, tenant.tenantId, afterId, batchSize);
      await emitAll(manager, 'scheduling.school.updated', tenant.tenantId, schools);
      return { rows: schools.length, lastId: schools.at(-1)?.schoolId ?? null, events: { 'scheduling.school.updated': schools.length } };
    });

    await inBatches('pupils', tenant.pupils, async (manager, afterId) => {
      const pupils = await pupilsBatch(manager, tenant.tenantId, afterId, batchSize);
      // Alumni (gone on to secondary school) stay in the programme: told as on roll at the school they left, as consumers keep them.
      const onRoll = (pupil: PupilPlace) => pupil.status === 'active' || pupil.status === 'alumni';
      const enrolled = pupils.filter(onRoll).map(enrolledPayload);
      // A pupil who has left is told as left only: consumers apply events concurrently, so an
      // enrolled-then-left pair could land the other way round.
      const left = pupils.filter((pupil) => !onRoll(pupil)).map(leftPayload);
      await emitAll(manager, 'scheduling.pupil.enrolled', tenant.tenantId, enrolled);
      await emitAll(manager, 'scheduling.pupil.left', tenant.tenantId, left);
      return {
        rows: pupils.length,
        lastId: pupils.at(-1)?.pupilId ?? null,
        events: { 'scheduling.pupil.enrolled': enrolled.length, 'scheduling.pupil.left': left.length },
      };
    });

    await inBatches('ensembles', tenant.ensembles, async (manager, afterId) => {
      const ensembles = await ensembleIdsBatch(manager, tenant.tenantId, afterId, batchSize);
      for (const ensembleId of ensembles) await emitEnsembleSnapshot(manager, tenant.tenantId, ensembleId);
      return {
        rows: ensembles.length,
        lastId: ensembles.at(-1) ?? null,
        events: { 'scheduling.ensemble.membership-changed': ensembles.length },
      };
    });

    await inBatches('staff clearances', tenant.staffClearances, async (manager, afterId) => {
      const staff = await staffClearancesBatch(manager, tenant.tenantId, afterId, batchSize);
      const today = await areaToday(manager, tenant.tenantId);
      await emitAll(
        manager,
        'scheduling.safeguarding.changed',
        tenant.tenantId,
        staff.map((facts) => clearancePayload(facts, facts, today)),
      );
      return { rows: staff.length, lastId: staff.at(-1)?.id ?? null, events: { 'scheduling.safeguarding.changed': staff.length } };
    });
  }
  return { tenants: tenants.length, events, seconds: (Date.now() - started) / 1000 };
}

/** The same payload as enrolling through the API or an MIS import. */
function enrolledPayload(pupil: PupilPlace): PupilEnrolledV1 {
  return {
    version: 1,
    pupilId: pupil.pupilId,
    schoolId: pupil.schoolId,
    classId: pupil.classId,
    yearGroup: pupil.yearGroup,
    firstName: pupil.firstName,
    lastName: pupil.lastName,
  };
}

function leftPayload(pupil: PupilPlace): PupilLeftV1 {
  // The table's check holds left_on non-null exactly when the pupil is not active (alumni are not told as left).
  return {
    version: 1,
    pupilId: pupil.pupilId,
    schoolId: pupil.schoolId,
    leftOn: pupil.leftOn as string,
    reason: pupil.status === 'leaver' ? 'leaver' : 'left',
  };
}

interface BatchOutcome {
  rows: number;
  /** The last id of the batch: the next batch starts after it. */
  lastId: string | null;
  events: Partial<Record<RepublishedEventType, number>>;
}

type PublishBatch = (manager: EntityManager, afterId: string | null) => Promise<BatchOutcome>;

/** One transaction per batch, each after the last id of the one before, until a batch comes back short. */
interface BatchListener {
  committed: (batch: BatchOutcome, done: number) => void;
  busy: (attempt: number, retryInMs: number) => void;
}

async function republishInBatches(db: DataSource, batchSize: number, publishBatch: PublishBatch, listener: BatchListener): Promise<void> {
  let afterId: string | null = null;
  let done = 0;
  for (;;) {
    const from: string | null = afterId;
    const batch: BatchOutcome = await retriedWhileLocked(() => db.transaction((manager) => publishBatch(manager, from)), listener.busy);
    if (batch.rows === 0) return;
    done += batch.rows;
    listener.committed(batch, done);
    if (batch.rows < batchSize || batch.lastId === null) return;
    afterId = batch.lastId;
  }
}

/** Runs a batch again, after a growing pause, while another transaction holds some of its rows (NOWAIT). */
async function retriedWhileLocked<T>(attempt: () => Promise<T>, busy: (attempt: number, retryInMs: number) => void): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isLockNotAvailable(error)) throw error;
      if (tries >= BUSY_ATTEMPTS) {
        throw new RosterRepublishError(
          'another transaction kept changing the same roster rows (an MIS import or a roll-over?); run the command again when it has finished (what was already republished is harmless to send again)',
        );
      }
      const retryInMs = Math.min(100 * 2 ** tries, 3_000);
      busy(tries, retryInMs);
      await new Promise((resolve) => setTimeout(resolve, retryInMs));
    }
  }
}

/** One progress line: `roster republish: Liverpool (tenant …): 1,500 / 4,210 pupils`. */
export function describeProgress(progress: RepublishProgress): string {
  const area = `${progress.tenant.name ?? 'unnamed area'} (tenant ${progress.tenant.tenantId})`;
  if (progress.kind === 'busy') {
    return `roster republish: ${area}: another transaction is changing some of the next ${progress.part}; trying again in ${(progress.retryInMs / 1000).toFixed(1)} s (attempt ${progress.attempt + 1} of ${BUSY_ATTEMPTS})`;
  }
  if (progress.kind === 'tenant') {
    const { schools, pupils, ensembles, staffClearances } = progress.tenant;
    return `roster republish: ${area} [${progress.position}/${progress.of}]: ${counted(schools, 'school')}, ${counted(pupils, 'pupil')}, ${counted(ensembles, 'ensemble')}, ${counted(staffClearances, 'staff clearance')}`;
  }
  return `roster republish: ${area}: ${count(progress.done)} / ${count(Math.max(progress.total, progress.done))} ${progress.part}`;
}

export function describeSummary(summary: RepublishSummary): string {
  const total = REPUBLISHED_EVENT_TYPES.reduce((sum, type) => sum + summary.events[type], 0);
  const perType = REPUBLISHED_EVENT_TYPES.map((type) => `  ${type}: ${count(summary.events[type])}`).join('\n');
  return `roster republish: done: ${counted(summary.tenants, 'tenant')}, ${counted(total, 'event')} in ${summary.seconds.toFixed(1)} s\n${perType}`;
}

const count = (value: number): string => value.toLocaleString('en-GB');
const counted = (value: number, noun: string): string => `${count(value)} ${noun}${value === 1 ? '' : 's'}`;
