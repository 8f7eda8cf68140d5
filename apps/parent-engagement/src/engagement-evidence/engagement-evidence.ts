import { publishEvent } from '@tutti/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { signUpEvidence, signUpEvidenceBatch, type SignUpEvidenceRow } from '../family-sessions/family-sessions.queries';
import { rsvpEvidence, rsvpEvidenceBatch, type RsvpEvidenceRow } from '../rsvps/rsvps.queries';

/**
 * What scheduling's annual data return counts of families (issue 18): every RSVP as it stands
 * after an answer or a check-in, and every family-session sign-up after its attendance is marked,
 * published in the transaction that changed it. Snapshots: the consumer keeps the latest.
 */
export async function publishRsvpChanged(manager: EntityManager, tenantId: string, rsvpId: string): Promise<void> {
  const rsvp = await rsvpEvidence(manager, tenantId, rsvpId);
  if (rsvp) await publishRsvp(manager, tenantId, rsvp);
}

export async function publishAttendanceMarked(manager: EntityManager, tenantId: string, signUpId: string): Promise<void> {
  const signUp = await signUpEvidence(manager, tenantId, signUpId);
  if (signUp) await publishSignUp(manager, tenantId, signUp);
}

async function publishRsvp(manager: EntityManager, tenantId: string, rsvp: RsvpEvidenceRow): Promise<void> {
  await publishEvent(manager, {
    source: 'parent-engagement',
    type: 'engagement.rsvp.changed',
    tenantId,
    payload: {
      version: 1,
      rsvpId: rsvp.id,
      performanceId: rsvp.performance_id,
      performanceStartsAt: rsvp.performance_starts_at.toISOString(),
      guardianId: rsvp.guardian_id,
      pupilIds: rsvp.pupil_ids,
      schoolIds: rsvp.school_ids,
      attending: rsvp.attending,
      adults: rsvp.adults,
      children: rsvp.children,
      checkedIn: rsvp.checked_in_at !== null,
      arrivedAdults: rsvp.checked_in_at === null ? null : rsvp.arrived_adults,
      arrivedChildren: rsvp.checked_in_at === null ? null : rsvp.arrived_children,
    },
  });
}

async function publishSignUp(manager: EntityManager, tenantId: string, signUp: SignUpEvidenceRow): Promise<void> {
  await publishEvent(manager, {
    source: 'parent-engagement',
    type: 'engagement.family-session.attendance-marked',
    tenantId,
    payload: {
      version: 1,
      signUpId: signUp.id,
      sessionId: signUp.session_id,
      sessionStartsAt: signUp.session_starts_at.toISOString(),
      guardianId: signUp.guardian_id,
      schoolIds: signUp.school_ids,
      attended: signUp.attended,
    },
  });
}

export const DEFAULT_EVIDENCE_BATCH_SIZE = 500;

/**
 * The backfill: republishes every RSVP and every marked sign-up of an area, so that scheduling's
 * copy fills after it first subscribes or after its database is restored. Batches by id, each with
 * its events in one transaction, its rows locked FOR SHARE so that a change committed meanwhile
 * publishes after (and so wins over) this picture of it. Running it again is harmless.
 */
export async function republishEngagementEvidence(
  db: DataSource,
  tenantId: string,
  batchSize = DEFAULT_EVIDENCE_BATCH_SIZE,
): Promise<{ rsvps: number; signUps: number }> {
  const inBatches = async <T extends { id: string }>(
    batchOf: (manager: EntityManager, afterId: string | null) => Promise<T[]>,
    publish: (manager: EntityManager, row: T) => Promise<void>,
  ): Promise<number> => {
    let afterId: string | null = null;
    let done = 0;
    for (;;) {
      const count: number = await db.transaction(async (manager) => {
        const batch = await batchOf(manager, afterId);
        for (const row of batch) await publish(manager, row);
        afterId = batch.at(-1)?.id ?? afterId;
        return batch.length;
      });
      done += count;
      if (count < batchSize) return done;
    }
  };
  const rsvps = await inBatches(
    (manager, afterId) => rsvpEvidenceBatch(manager, tenantId, afterId, batchSize),
    (manager, row) => publishRsvp(manager, tenantId, row),
  );
  const signUps = await inBatches(
    (manager, afterId) => signUpEvidenceBatch(manager, tenantId, afterId, batchSize),
    (manager, row) => publishSignUp(manager, tenantId, row),
  );
  return { rsvps, signUps };
}
