import { ConflictProblem, rows } from '@tutti/platform';
import type { EntityManager } from 'typeorm';

export interface Clash {
  kind: 'tutor' | 'room' | 'pupil';
  /** The occurrence being booked or moved. */
  occurrenceId: string;
  startsAt: string;
  /** Who or what is double-booked. */
  staffId?: string;
  roomId?: string;
  pupilId?: string;
  clashesWith: { occurrenceId: string; sessionId: string; title: string; startsAt: string; endsAt: string };
}

interface ClashRow {
  kind: Clash['kind'];
  occurrenceId: string;
  startsAt: Date;
  resourceId: string;
  otherId: string;
  otherSessionId: string;
  otherTitle: string;
  otherStartsAt: Date;
  otherEndsAt: Date;
}

const MAX_LISTED = 100;

/*
 * Every search is an index range scan led by tenant_id: an overlapping occurrence starts before
 * this one ends and, since none lasts over 12 hours, less than 12 hours before this one starts;
 * tstzrange && then decides exactly.
 */
const OVERLAPS = (other: string) => `
  ${other}.starts_at < m.ends_at AND ${other}.starts_at > m.starts_at - interval '12 hours'
  AND tstzrange(${other}.starts_at, ${other}.ends_at) && tstzrange(m.starts_at, m.ends_at)`;

/** Tutors, rooms and pupils of these occurrences that are booked elsewhere at the same time. */
export async function findClashes(manager: EntityManager, tenantId: string, occurrenceIds: string[]): Promise<Clash[]> {
  const found = await rows<ClashRow>(
    manager,
    `WITH m AS (
       SELECT id, ensemble_id, room_id, starts_at, ends_at FROM occurrences
       WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND status = 'scheduled'
     ), clashes AS (
       SELECT 'room' AS kind, m.id AS occurrence_id, m.starts_at, m.room_id AS resource_id, o.id AS other_id
       FROM m JOIN occurrences o ON o.tenant_id = $1 AND o.room_id = m.room_id AND o.status = 'scheduled' AND ${OVERLAPS('o')}
       WHERE o.id <> ALL($2::uuid[])
       UNION ALL
       SELECT 'tutor', m.id, m.starts_at, mt.staff_id, ot.occurrence_id
       FROM m
       JOIN occurrence_tutors mt ON mt.tenant_id = $1 AND mt.occurrence_id = m.id
       JOIN occurrence_tutors ot ON ot.tenant_id = $1 AND ot.staff_id = mt.staff_id AND ${OVERLAPS('ot')}
       JOIN occurrences o ON o.tenant_id = $1 AND o.id = ot.occurrence_id AND o.status = 'scheduled'
       WHERE ot.occurrence_id <> ALL($2::uuid[])
       UNION ALL
       SELECT 'pupil', m.id, m.starts_at, mine.pupil_id, o.id
       FROM m
       JOIN occurrences o ON o.tenant_id = $1 AND o.status = 'scheduled' AND ${OVERLAPS('o')}
       JOIN ensemble_members mine ON mine.tenant_id = $1 AND mine.ensemble_id = m.ensemble_id AND mine.pupil_id IS NOT NULL AND mine.left_on IS NULL
       JOIN ensemble_members theirs ON theirs.tenant_id = $1 AND theirs.ensemble_id = o.ensemble_id AND theirs.pupil_id = mine.pupil_id AND theirs.left_on IS NULL
       WHERE o.id <> ALL($2::uuid[])
     )
     SELECT c.kind, c.occurrence_id AS "occurrenceId", c.starts_at AS "startsAt", c.resource_id AS "resourceId",
            o.id AS "otherId", o.session_id AS "otherSessionId", s.title AS "otherTitle", o.starts_at AS "otherStartsAt", o.ends_at AS "otherEndsAt"
     FROM clashes c
     JOIN occurrences o ON o.tenant_id = $1 AND o.id = c.other_id
     JOIN sessions s ON s.tenant_id = $1 AND s.id = o.session_id
     ORDER BY c.starts_at, c.kind, c.resource_id
     LIMIT ${MAX_LISTED + 1}`,
    [tenantId, occurrenceIds],
  );
  return found.map(toClash);
}

function toClash(row: ClashRow): Clash {
  return {
    kind: row.kind,
    occurrenceId: row.occurrenceId,
    startsAt: row.startsAt.toISOString(),
    ...(row.kind === 'tutor' ? { staffId: row.resourceId } : row.kind === 'room' ? { roomId: row.resourceId } : { pupilId: row.resourceId }),
    clashesWith: {
      occurrenceId: row.otherId,
      sessionId: row.otherSessionId,
      title: row.otherTitle,
      startsAt: row.otherStartsAt.toISOString(),
      endsAt: row.otherEndsAt.toISOString(),
    },
  };
}

/** Future sessions of this ensemble that overlap sessions of other ensembles the pupil is already in. */
export async function findNewMemberClashes(manager: EntityManager, tenantId: string, ensembleId: string, pupilId: string, from: string): Promise<Clash[]> {
  const found = await rows<ClashRow>(
    manager,
    `SELECT 'pupil' AS kind, m.id AS "occurrenceId", m.starts_at AS "startsAt", $3::uuid AS "resourceId",
            o.id AS "otherId", o.session_id AS "otherSessionId", s.title AS "otherTitle", o.starts_at AS "otherStartsAt", o.ends_at AS "otherEndsAt"
     FROM occurrences m
     JOIN occurrences o ON o.tenant_id = $1 AND o.status = 'scheduled' AND o.ensemble_id <> m.ensemble_id AND ${OVERLAPS('o')}
     JOIN ensemble_members theirs ON theirs.tenant_id = $1 AND theirs.ensemble_id = o.ensemble_id AND theirs.pupil_id = $3 AND theirs.left_on IS NULL
     JOIN sessions s ON s.tenant_id = $1 AND s.id = o.session_id
     WHERE m.tenant_id = $1 AND m.ensemble_id = $2 AND m.status = 'scheduled' AND m.local_date >= $4::date
     ORDER BY m.starts_at LIMIT ${MAX_LISTED + 1}`,
    [tenantId, ensembleId, pupilId, from],
  );
  return found.map(toClash);
}

/** 409 listing each clash, unless the caller deliberately books over them. */
export async function refuseClashes(manager: EntityManager, tenantId: string, occurrenceIds: string[], override: boolean, kinds: readonly Clash['kind'][] = ['tutor', 'room', 'pupil']): Promise<void> {
  if (override || occurrenceIds.length === 0) return;
  refuseListed((await findClashes(manager, tenantId, occurrenceIds)).filter((clash) => kinds.includes(clash.kind)));
}

export function refuseListed(clashes: Clash[]): void {
  if (clashes.length === 0) return;
  const kinds = [...new Set(clashes.map((clash) => clash.kind))].join(', ');
  const listed = clashes.slice(0, MAX_LISTED);
  throw new ConflictProblem(
    `This clashes with other sessions (${kinds})${clashes.length > MAX_LISTED ? `; the first ${MAX_LISTED} clashes are listed` : ''}. Send override: true to book it anyway.`,
    listed,
  );
}
