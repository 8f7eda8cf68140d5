import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { Queryable } from '@tutti/platform';
import { visiblePerformance, type PerformanceRow } from './performances.queries';
import { managesSchool, type Viewer } from './viewer';

/**
 * The performance if the viewer may see it, else a 404 (another tenant's, or one the caller has no
 * part in, is indistinguishable from one that does not exist). `lock` takes its row lock for the
 * rest of the transaction, which serialises edits of its slot, running order and roster.
 */
export async function findVisiblePerformance(db: Queryable, viewer: Viewer, performanceId: string, lock = false): Promise<PerformanceRow> {
  const row = await visiblePerformance(db, viewer.tenantId, viewer, performanceId, lock);
  if (!row) throw new NotFoundException('No such performance.');
  return row;
}

/** Performances are planned by the programme admin, and by a headteacher for their own school's. */
export function assertManagesPerformance(viewer: Viewer, performance: Pick<PerformanceRow, 'school_id'>): void {
  if (!managesSchool(viewer, performance.school_id)) {
    throw new ForbiddenException('Only the programme admin, or the headteacher of the host school, may change this performance.');
  }
}

export const slotSeconds = (performance: Pick<PerformanceRow, 'starts_at' | 'ends_at'>): number =>
  Math.round((performance.ends_at.getTime() - performance.starts_at.getTime()) / 1000);

/** "1 h 5 min 30 s" for a number of seconds: how people read a length in an error message. */
export function describeSeconds(total: number): string {
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts = [hours ? `${hours} h` : '', minutes ? `${minutes} min` : '', seconds ? `${seconds} s` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 s';
}
