import { Injectable } from '@nestjs/common';
import type { DataRequestActionV1, DataRequestAnsweredV1, DataRequestOpenedV1, EventEnvelope } from '@tutti/contracts';
import { HandlesEvent, publishEvent } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
import {
  anonymiseLeavers,
  clearConsentNotes,
  consentNotesOf,
  deleteDeliveredExports,
  eraseReplicaPupil,
  exportConsents,
  exportEnsembles,
  exportPrintedSheets,
  exportProgrammeSlots,
  exportPupil,
  exportRosters,
  leaversDue,
  replaceNameInFreeText,
  replicaPupil,
  rosterPlaces,
} from './data-requests.queries';

/**
 * This service's part of a data request (issue 19). It holds children only as a replica (display
 * name, school, consents) and by id in rosters, running orders and the record of printed sheets, so:
 * export = the pupil's rosters, programme slots, printed sheets naming them and consents held;
 * erasure = the display name becomes the pseudonym (which is what every roster, programme and run sheet
 * prints) and the full name goes from free text; retention = former pupils' names and consent notes.
 * Guardians: this service holds nothing about them (consents are kept by pupil, without who answered).
 */
@Injectable()
export class DataRequestsService {
  @HandlesEvent('identity.data-request.opened')
  async answer(event: EventEnvelope<'identity.data-request.opened'>, manager: EntityManager): Promise<void> {
    const request = event.payload;
    const answer: DataRequestAnsweredV1 = {
      version: 1,
      requestId: request.requestId,
      kind: request.kind,
      service: 'performance-event',
      records: {},
      actions: [],
    };
    const pupilId = request.subject?.type === 'pupil' ? request.subject.pupilId : null;
    if (request.kind === 'export' && pupilId) answer.records = await exportOf(manager, event.tenantId, pupilId);
    if (request.kind === 'erasure' && pupilId && request.pseudonym)
      answer.actions = await erase(manager, event, pupilId, request.pseudonym);
    if (request.kind === 'retention' && request.retention)
      answer.actions = await applyRetention(manager, event.tenantId, request.retention);
    await publishEvent(manager, {
      source: 'performance-event',
      type: 'performance.data-request.answered',
      tenantId: event.tenantId,
      payload: answer,
    });
  }
}

async function exportOf(manager: EntityManager, tenantId: string, pupilId: string): Promise<Record<string, unknown[]>> {
  const records: Record<string, unknown[]> = {
    pupil: await exportPupil(manager, tenantId, pupilId),
    rosters: await exportRosters(manager, tenantId, pupilId),
    programmeSlots: await exportProgrammeSlots(manager, tenantId, pupilId),
    printedSheets: await exportPrintedSheets(manager, tenantId, pupilId),
    consents: await exportConsents(manager, tenantId, pupilId),
    ensembles: await exportEnsembles(manager, tenantId, pupilId),
  };
  return Object.values(records).some((list) => list.length > 0) ? records : {};
}

async function erase(
  manager: EntityManager,
  event: EventEnvelope<'identity.data-request.opened'>,
  pupilId: string,
  pseudonym: string,
): Promise<DataRequestActionV1[]> {
  const tenantId = event.tenantId;
  const pupil = await replicaPupil(manager, tenantId, pupilId);
  if (!pupil) return [];
  // The text first, while the name to look for is still there; a second run finds only the pseudonym.
  const text = pupil.display_name === pseudonym ? 0 : await replaceNameInFreeText(manager, tenantId, pupil.display_name, pseudonym);
  const name = await eraseReplicaPupil(manager, tenantId, pupilId, pseudonym, { at: event.occurredAt, eventId: event.id });
  const notes = await clearConsentNotes(manager, tenantId, [pupilId]);
  const exports = await deleteDeliveredExports(manager, tenantId, pupilId);
  const actions: DataRequestActionV1[] = [
    {
      what: 'pupil’s name on rosters, programmes and run sheets',
      rows: name,
      action: 'anonymised',
      reason: `every roster, programme and run sheet prints “${pseudonym}” from now on`,
    },
    { what: 'performance titles, running order and guest soloist text naming the pupil', rows: text, action: 'anonymised', reason: null },
    { what: 'the family’s notes on consents', rows: notes, action: 'deleted', reason: null },
    {
      what: 'roster places and consent answers (by id, under the pseudonym)',
      rows: await rosterPlaces(manager, tenantId, pupilId),
      action: 'kept',
      reason:
        'kept without the name: the area’s fairness figures (who has had a chance to perform) stay true, and a refusal stays enforced on any roster the pupil is still on',
    },
  ];
  if (exports)
    actions.push({ what: 'copies of earlier exports already delivered to the gateway', rows: exports, action: 'deleted', reason: null });
  return actions;
}

/**
 * Rosters, running orders and printed-sheet records name children by id only, so what this service
 * keeps about a child past the schedule is the replica: a former pupil's display name and consent
 * notes go `pupilRecordYearsAfterLeaving` years after they left (as scheduling's record does); the
 * performance history stays, by id, for the fairness figures.
 */
async function applyRetention(
  manager: EntityManager,
  tenantId: string,
  schedule: NonNullable<DataRequestOpenedV1['retention']>,
): Promise<DataRequestActionV1[]> {
  const leftBefore = yearsBefore(schedule.asOf, schedule.pupilRecordYearsAfterLeaving);
  const due = await leaversDue(manager, tenantId, leftBefore);
  const reason = `left before ${leftBefore} (${schedule.pupilRecordYearsAfterLeaving} years after leaving)`;
  const notes = schedule.dryRun ? await consentNotesOf(manager, tenantId, due) : await clearConsentNotes(manager, tenantId, due);
  const names = schedule.dryRun ? due.length : await anonymiseLeavers(manager, tenantId, due);
  return [
    { what: 'former pupils’ names on past rosters and programmes', rows: names, action: 'anonymised', reason },
    { what: 'former pupils’ families’ notes on consents', rows: notes, action: 'deleted', reason },
  ];
}

export function yearsBefore(asOf: string, years: number): string {
  const [year, month, date] = asOf.split('-').map(Number);
  const last = new Date(Date.UTC(year - years, month, 0)).getUTCDate();
  return `${String(year - years).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(date, last)).padStart(2, '0')}`;
}
