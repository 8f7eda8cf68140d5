import { Injectable } from '@nestjs/common';
import { ConflictProblem, notFoundField, newId, rows, staleEdit, ValidationProblem, type FieldError } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { assertManagesPerformance, describeSeconds, findVisiblePerformance, slotSeconds, type PerformanceRow } from '../performances/performance-lookup';
import type { Viewer } from '../performances/viewer';
import type { ReplaceRunningOrderDto, RunningOrderDto } from './dto/running-order.dto';

interface ItemRow {
  id: string;
  position: number;
  piece: string;
  composer: string | null;
  arranger: string | null;
  ensemble_id: string | null;
  ensemble_name: string | null;
  duration_seconds: number;
  soloist_pupil_ids: string[];
  guest_soloists: string[];
}

@Injectable()
export class RunningOrderService {
  constructor(private readonly db: DataSource) {}

  async get(viewer: Viewer, performanceId: string): Promise<RunningOrderDto> {
    const performance = await findVisiblePerformance(this.db, viewer, performanceId);
    return runningOrderOf(this.db.manager, viewer, performance);
  }

  /** Replaces the whole running order (adding, editing, removing and reordering in one go) if it fits the slot. */
  async replace(viewer: Viewer, performanceId: string, expectedVersion: number, input: ReplaceRunningOrderDto): Promise<RunningOrderDto> {
    return this.db.transaction(async (manager) => {
      const performance = await findVisiblePerformance(manager, viewer, performanceId, true);
      assertManagesPerformance(viewer, performance);
      if (performance.running_order_version !== expectedVersion) throw staleEdit('running order', performance.running_order_version);
      if (performance.status === 'cancelled' || performance.status === 'completed') {
        throw new ConflictProblem(`The running order of a ${performance.status} performance is final.`, [{ field: 'status', status: performance.status }]);
      }
      await this.assertReferences(manager, performance, input);
      const total = input.items.reduce((sum, item) => sum + item.durationSeconds, 0);
      const slot = slotSeconds(performance);
      if (total > slot) {
        throw new ConflictProblem(`The running order (${describeSeconds(total)}) is ${describeSeconds(total - slot)} longer than the slot (${describeSeconds(slot)}).`, [
          { field: 'items', totalSeconds: total, slotSeconds: slot, overBySeconds: total - slot },
        ]);
      }
      await manager.query('DELETE FROM running_order_items WHERE tenant_id = $1 AND performance_id = $2', [viewer.tenantId, performanceId]);
      for (const [position, item] of input.items.entries()) {
        await manager.query(
          `INSERT INTO running_order_items (tenant_id, id, performance_id, position, piece, composer, arranger, ensemble_id, duration_seconds, soloist_pupil_ids, guest_soloists)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::uuid[], $11::text[])`,
          [viewer.tenantId, item.id ?? newId(), performanceId, position, item.piece, item.composer ?? null, item.arranger ?? null, item.ensembleId ?? null, item.durationSeconds, item.soloistPupilIds ?? [], item.guestSoloists ?? []],
        );
      }
      await manager.query('UPDATE performances SET running_order_version = running_order_version + 1 WHERE tenant_id = $1 AND id = $2', [viewer.tenantId, performanceId]);
      return runningOrderOf(manager, viewer, { ...performance, running_order_version: performance.running_order_version + 1 });
    });
  }

  private async assertReferences(manager: EntityManager, performance: PerformanceRow, input: ReplaceRunningOrderDto): Promise<void> {
    const errors: FieldError[] = [];
    const ids = input.items.map((item) => item.id).filter((id): id is string => id !== undefined);
    if (new Set(ids).size !== ids.length) errors.push({ field: 'items', rule: 'uniqueIds', message: 'each item id may appear once' });
    if (errors.length) throw new ValidationProblem(errors);

    const ensembles = new Set(
      (await rows<{ ensemble_id: string }>(manager, 'SELECT ensemble_id FROM performance_ensembles WHERE tenant_id = $1 AND performance_id = $2', [performance.tenant_id, performance.id])).map((r) => r.ensemble_id),
    );
    for (const [index, item] of input.items.entries()) {
      if (item.ensembleId && !ensembles.has(item.ensembleId.toLowerCase())) throw notFoundField(`items[${index}].ensembleId`, 'ensemble taking part in this performance');
    }
    const soloists = [...new Set(input.items.flatMap((item) => item.soloistPupilIds ?? []).map((id) => id.toLowerCase()))];
    if (soloists.length === 0) return;
    const onRoster = new Set(
      (
        await rows<{ pupil_id: string }>(manager, 'SELECT pupil_id FROM roster_entries WHERE tenant_id = $1 AND performance_id = $2 AND NOT removed AND pupil_id = ANY($3::uuid[])', [
          performance.tenant_id,
          performance.id,
          soloists,
        ])
      ).map((r) => r.pupil_id),
    );
    for (const [index, item] of input.items.entries()) {
      const missing = (item.soloistPupilIds ?? []).findIndex((id) => !onRoster.has(id.toLowerCase()));
      if (missing >= 0) throw notFoundField(`items[${index}].soloistPupilIds[${missing}]`, 'performer on this performance’s roster');
    }
  }
}

/** The running order as the viewer may see it: soloists' names only where the viewer may see that child. */
export async function runningOrderOf(manager: Pick<EntityManager, 'query'>, viewer: Viewer, performance: PerformanceRow): Promise<RunningOrderDto> {
  const items = await rows<ItemRow>(
    manager,
    `SELECT i.id, i.position, i.piece, i.composer, i.arranger, i.ensemble_id, e.name AS ensemble_name, i.duration_seconds, i.soloist_pupil_ids, i.guest_soloists
     FROM running_order_items i LEFT JOIN replica_ensembles e ON e.tenant_id = i.tenant_id AND e.ensemble_id = i.ensemble_id
     WHERE i.tenant_id = $1 AND i.performance_id = $2 ORDER BY i.position`,
    [performance.tenant_id, performance.id],
  );
  const soloistIds = [...new Set(items.flatMap((item) => item.soloist_pupil_ids))];
  const names = new Map(
    (
      await rows<{ pupil_id: string; display_name: string }>(
        manager,
        `SELECT r.pupil_id, p.display_name FROM roster_entries r JOIN replica_pupils p ON p.tenant_id = r.tenant_id AND p.pupil_id = r.pupil_id
         WHERE r.tenant_id = $1 AND r.performance_id = $2 AND r.pupil_id = ANY($3::uuid[])
           AND ($4::boolean OR r.school_id = ANY($5::uuid[]) OR r.pupil_id = ANY($6::uuid[]))`,
        [performance.tenant_id, performance.id, soloistIds, viewer.admin, viewer.staffSchoolIds, viewer.guardedPupilIds],
      )
    ).map((row) => [row.pupil_id, row.display_name]),
  );
  // Staff keep every soloist's id (they edit the order and must not drop what they cannot name);
  // a family sees only the soloists they may know, not even the ids of other people's children.
  const isStaff = viewer.admin || viewer.staffSchoolIds.length > 0;
  const visibleSoloists = (pupilIds: string[]) => (isStaff ? pupilIds : pupilIds.filter((pupilId) => names.has(pupilId)));
  const total = items.reduce((sum, item) => sum + item.duration_seconds, 0);
  const slot = slotSeconds(performance);
  return {
    performanceId: performance.id,
    items: items.map((item) => ({
      id: item.id,
      position: item.position,
      piece: item.piece,
      composer: item.composer,
      arranger: item.arranger,
      ensembleId: item.ensemble_id,
      ensembleName: item.ensemble_name,
      durationSeconds: item.duration_seconds,
      soloists: visibleSoloists(item.soloist_pupil_ids).map((pupilId) => ({ pupilId, displayName: names.get(pupilId) ?? null })),
      guestSoloists: item.guest_soloists,
    })),
    totalSeconds: total,
    slotSeconds: slot,
    remainingSeconds: Math.max(0, slot - total),
    version: performance.running_order_version,
  };
}
