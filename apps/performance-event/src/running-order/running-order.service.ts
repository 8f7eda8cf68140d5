import { Injectable } from '@nestjs/common';
import { ConflictProblem, notFoundField, newId, staleEdit, ValidationProblem, type FieldError, type Queryable } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { assertManagesPerformance, describeSeconds, findVisiblePerformance, slotSeconds } from '../performances/performance-lookup';
import { performanceEnsembleIds, raiseRunningOrderVersion, type PerformanceRow } from '../performances/performances.queries';
import type { Viewer } from '../performances/viewer';
import { rosterPupilsAmong, visiblePerformerNames } from '../rosters/rosters.queries';
import type { ReplaceRunningOrderDto, RunningOrderDto } from './dto/running-order.dto';
import { deleteRunningOrderItems, insertRunningOrderItem, runningOrderItems } from './running-order.queries';

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
        throw new ConflictProblem(`The running order of a ${performance.status} performance is final.`, [
          { field: 'status', status: performance.status },
        ]);
      }
      await this.assertReferences(manager, performance, input);
      const total = input.items.reduce((sum, item) => sum + item.durationSeconds, 0);
      const slot = slotSeconds(performance);
      if (total > slot) {
        throw new ConflictProblem(
          `The running order (${describeSeconds(total)}) is ${describeSeconds(total - slot)} longer than the slot (${describeSeconds(slot)}).`,
          [{ field: 'items', totalSeconds: total, slotSeconds: slot, overBySeconds: total - slot }],
        );
      }
      await deleteRunningOrderItems(manager, viewer.tenantId, performanceId);
      for (const [position, item] of input.items.entries()) {
        await insertRunningOrderItem(manager, viewer.tenantId, performanceId, {
          id: item.id ?? newId(),
          position,
          piece: item.piece,
          composer: item.composer ?? null,
          arranger: item.arranger ?? null,
          ensembleId: item.ensembleId ?? null,
          durationSeconds: item.durationSeconds,
          soloistPupilIds: item.soloistPupilIds ?? [],
          guestSoloists: item.guestSoloists ?? [],
        });
      }
      await raiseRunningOrderVersion(manager, viewer.tenantId, performanceId);
      return runningOrderOf(manager, viewer, { ...performance, running_order_version: performance.running_order_version + 1 });
    });
  }

  private async assertReferences(manager: Queryable, performance: PerformanceRow, input: ReplaceRunningOrderDto): Promise<void> {
    const errors: FieldError[] = [];
    const ids = input.items.map((item) => item.id).filter((id): id is string => id !== undefined);
    if (new Set(ids).size !== ids.length) errors.push({ field: 'items', rule: 'uniqueIds', message: 'each item id may appear once' });
    if (errors.length) throw new ValidationProblem(errors);

    const ensembles = new Set(await performanceEnsembleIds(manager, performance.tenant_id, performance.id));
    for (const [index, item] of input.items.entries()) {
      if (item.ensembleId && !ensembles.has(item.ensembleId.toLowerCase()))
        throw notFoundField(`items[${index}].ensembleId`, 'ensemble taking part in this performance');
    }
    const soloists = [...new Set(input.items.flatMap((item) => item.soloistPupilIds ?? []).map((id) => id.toLowerCase()))];
    if (soloists.length === 0) return;
    const onRoster = new Set(await rosterPupilsAmong(manager, performance.tenant_id, performance.id, soloists));
    for (const [index, item] of input.items.entries()) {
      const missing = (item.soloistPupilIds ?? []).findIndex((id) => !onRoster.has(id.toLowerCase()));
      if (missing >= 0) throw notFoundField(`items[${index}].soloistPupilIds[${missing}]`, 'performer on this performance’s roster');
    }
  }
}

/** The running order as the viewer may see it: soloists' names only where the viewer may see that child. */
export async function runningOrderOf(manager: Queryable, viewer: Viewer, performance: PerformanceRow): Promise<RunningOrderDto> {
  const items = await runningOrderItems(manager, performance.tenant_id, performance.id);
  const soloistIds = [...new Set(items.flatMap((item) => item.soloist_pupil_ids))];
  const names = new Map(
    (await visiblePerformerNames(manager, performance.tenant_id, performance.id, viewer, soloistIds)).map((row) => [
      row.pupil_id,
      row.display_name,
    ]),
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
