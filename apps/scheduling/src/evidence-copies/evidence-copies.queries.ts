import { rows, type Queryable } from '@tutti/platform';

/** A performance that took place, as performance-event announced it when it was marked completed. */
export interface PerformanceGiven {
  performanceId: string;
  title: string;
  startsAt: string;
  audience: 'public' | 'school_community';
  performers: { pupilId: string; schoolId: string }[];
}

/**
 * The performance and its performers as the event gives them (a snapshot: the roster replaces the
 * copy's), unless the copy was made from a later event. Answers whether it was applied.
 */
export async function copyPerformanceGiven(db: Queryable, tenantId: string, given: PerformanceGiven, copiedAt: string): Promise<boolean> {
  const applied = await rows<{ performance_id: string }>(
    db,
    `INSERT INTO performances_given (tenant_id, performance_id, title, starts_at, audience, copied_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, performance_id) DO UPDATE SET title = excluded.title, starts_at = excluded.starts_at, audience = excluded.audience,
       copied_at = excluded.copied_at
     WHERE performances_given.copied_at <= excluded.copied_at
     RETURNING performance_id`,
    [tenantId, given.performanceId, given.title, given.startsAt, given.audience, copiedAt],
  );
  if (applied.length === 0) return false;
  await db.query('DELETE FROM performance_performers WHERE tenant_id = $1 AND performance_id = $2', [tenantId, given.performanceId]);
  await db.query(
    `INSERT INTO performance_performers (tenant_id, performance_id, pupil_id, school_id)
     SELECT $1, $2, p.pupil_id, p.school_id FROM unnest($3::uuid[], $4::uuid[]) AS p(pupil_id, school_id)
     ON CONFLICT DO NOTHING`,
    [tenantId, given.performanceId, given.performers.map((p) => p.pupilId), given.performers.map((p) => p.schoolId)],
  );
  return true;
}

/** One family's part in a performance (an RSVP) or a family session (a sign-up), as its owner last announced it. */
export interface FamilyEngagementCopy {
  kind: 'rsvp' | 'family_session';
  sourceId: string;
  /** The performance or the family session. */
  occasionId: string;
  occursAt: string;
  guardianId: string;
  schoolIds: string[];
  /** Said they would come (RSVP), or attended (family session). */
  tookPart: boolean;
  checkedIn: boolean;
  expectedPeople: number;
  arrivedPeople: number | null;
}

/** The family's engagement as the event gives it, unless the copy was made from a later event. */
export async function copyFamilyEngagement(db: Queryable, tenantId: string, copy: FamilyEngagementCopy, changedAt: string): Promise<void> {
  await db.query(
    `INSERT INTO family_engagement (tenant_id, kind, source_id, occasion_id, occurs_at, guardian_id, school_ids, took_part, checked_in,
                                    expected_people, arrived_people, changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (tenant_id, kind, source_id) DO UPDATE SET occasion_id = excluded.occasion_id, occurs_at = excluded.occurs_at,
       guardian_id = excluded.guardian_id, school_ids = excluded.school_ids, took_part = excluded.took_part, checked_in = excluded.checked_in,
       expected_people = excluded.expected_people, arrived_people = excluded.arrived_people, changed_at = excluded.changed_at
     WHERE family_engagement.changed_at <= excluded.changed_at`,
    [
      tenantId,
      copy.kind,
      copy.sourceId,
      copy.occasionId,
      copy.occursAt,
      copy.guardianId,
      copy.schoolIds,
      copy.tookPart,
      copy.checkedIn,
      copy.expectedPeople,
      copy.arrivedPeople,
      changedAt,
    ],
  );
}
