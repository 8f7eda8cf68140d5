import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { oneRow } from '@tutti/platform';
import type { EntityManager } from 'typeorm';
import type { PerformanceAudience, PerformanceStatus } from './performance.model';
import { managesSchool, visibilityParams, visiblePerformanceSql, type Viewer } from './viewer';

export interface PerformanceRow {
  id: string;
  tenant_id: string;
  venue_id: string;
  school_id: string | null;
  title: string;
  starts_at: Date;
  ends_at: Date;
  call_time: Date | null;
  dress: string | null;
  status: PerformanceStatus;
  audience: PerformanceAudience;
  professional_musicians: { name: string; instrument: string; organisation?: string | null }[];
  cancel_reason: string | null;
  version: number;
  running_order_version: number;
}

/**
 * The performance if the viewer may see it, else a 404 (another tenant's, or one the caller has no
 * part in, is indistinguishable from one that does not exist). `lock` takes its row lock for the
 * rest of the transaction, which serialises edits of its slot, running order and roster.
 */
export async function findVisiblePerformance(manager: Pick<EntityManager, 'query'>, viewer: Viewer, performanceId: string, lock = false): Promise<PerformanceRow> {
  const row = await oneRow<PerformanceRow>(
    manager,
    `SELECT p.* FROM performances p WHERE p.tenant_id = $1 AND p.id = $2 AND ${visiblePerformanceSql(3)} ${lock ? 'FOR UPDATE OF p' : ''}`,
    [viewer.tenantId, performanceId, ...visibilityParams(viewer)],
  );
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
