import { ConflictProblem } from '@tutti/platform';
import type { EntityManager } from 'typeorm';
import { clashesOf, MAX_LISTED_CLASHES as MAX_LISTED, newMemberClashes, type ClashRow } from './sessions.queries';

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

/** Tutors, rooms and pupils of these occurrences that are booked elsewhere at the same time. */
export async function findClashes(manager: EntityManager, tenantId: string, occurrenceIds: string[]): Promise<Clash[]> {
  const found = await clashesOf(manager, tenantId, occurrenceIds);
  return found.map(toClash);
}

function toClash(row: ClashRow): Clash {
  return {
    kind: row.kind,
    occurrenceId: row.occurrenceId,
    startsAt: row.startsAt.toISOString(),
    ...(row.kind === 'tutor'
      ? { staffId: row.resourceId }
      : row.kind === 'room'
        ? { roomId: row.resourceId }
        : { pupilId: row.resourceId }),
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
export async function findNewMemberClashes(
  manager: EntityManager,
  tenantId: string,
  ensembleId: string,
  pupilId: string,
  from: string,
): Promise<Clash[]> {
  const found = await newMemberClashes(manager, tenantId, ensembleId, pupilId, from);
  return found.map(toClash);
}

/** 409 listing each clash, unless the caller deliberately books over them. */
export async function refuseClashes(
  manager: EntityManager,
  tenantId: string,
  occurrenceIds: string[],
  override: boolean,
  kinds: readonly Clash['kind'][] = ['tutor', 'room', 'pupil'],
): Promise<void> {
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
