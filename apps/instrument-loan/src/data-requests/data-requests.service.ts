import { Injectable } from '@nestjs/common';
import type { DataRequestActionV1, DataRequestAnsweredV1, DataRequestOpenedV1, EventEnvelope } from '@tutti/contracts';
import { HandlesEvent, publishEvent } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
import {
  anonymiseLeavers,
  anonymiseRetainedLoans,
  anonymiseReturnedAgreements,
  countRetention,
  deleteDeliveredExports,
  deleteOldAttendance,
  erasePupil,
  exportAgreements,
  exportConditionAttendance,
  exportFlags,
  exportLoans,
  exportProblemReports,
  exportPupil,
  exportRepairs,
  exportReturns,
  pupilName,
  replaceNamesInFreeText,
  signerNameOf,
  type RetentionCutoffs,
} from './data-requests.queries';

const ANSWERED = 'loan.data-request.answered';

/**
 * This service's part of a data request (issue 19): a pupil's (or a guardian's) loans, agreements,
 * returns, problem reports, repairs and flags for an export; their names removed for an erasure,
 * except a loan agreement while its instrument is still out; the area's schedule for a retention run.
 * The answer is published in the transaction that records the request as handled, so it goes exactly
 * once however often the request is delivered.
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
      service: 'instrument-loan',
      records: {},
      actions: [],
    };
    if (request.kind === 'export') answer.records = await this.exportOf(manager, event.tenantId, request);
    if (request.kind === 'erasure') answer.actions = await this.erase(manager, event, request);
    if (request.kind === 'retention') answer.actions = await this.applyRetention(manager, event.tenantId, request);
    await publishEvent(manager, { source: 'instrument-loan', type: ANSWERED, tenantId: event.tenantId, payload: answer });
  }

  private async exportOf(manager: EntityManager, tenantId: string, request: DataRequestOpenedV1): Promise<Record<string, unknown[]>> {
    const subject = request.subject;
    if (!subject) return {};
    if (subject.type === 'guardian') {
      const signed = { signedBy: subject.accountId };
      const agreementsSigned = await exportAgreements(manager, tenantId, signed);
      const problemReportsMade = await exportProblemReports(manager, tenantId, signed);
      if (agreementsSigned.length === 0 && problemReportsMade.length === 0) return {};
      return { agreementsSigned, loansSigned: await exportLoans(manager, tenantId, signed), problemReportsMade };
    }
    const pupilId = subject.pupilId;
    const pupil = await exportPupil(manager, tenantId, pupilId);
    const of = { pupilId };
    const records: Record<string, unknown[]> = {
      pupil,
      loans: await exportLoans(manager, tenantId, of),
      agreements: await exportAgreements(manager, tenantId, of),
      returns: await exportReturns(manager, tenantId, pupilId),
      problemReports: await exportProblemReports(manager, tenantId, of),
      repairs: await exportRepairs(manager, tenantId, pupilId),
      flags: await exportFlags(manager, tenantId, pupilId),
      conditionAttendance: await exportConditionAttendance(manager, tenantId, pupilId),
    };
    // A pupil this service never heard of: nothing, rather than eight empty lists.
    return Object.values(records).some((list) => list.length > 0) ? records : {};
  }

  private async erase(
    manager: EntityManager,
    event: EventEnvelope<'identity.data-request.opened'>,
    request: DataRequestOpenedV1,
  ): Promise<DataRequestActionV1[]> {
    const subject = request.subject;
    const tenantId = event.tenantId;
    if (!subject || !request.pseudonym) return [];
    const pseudonym = request.pseudonym;
    const actions: DataRequestActionV1[] = [];
    if (subject.type === 'guardian') {
      const names = await signerNameOf(manager, tenantId, subject.accountId);
      if (names.length === 0) return [];
      const text = await replaceNamesInFreeText(manager, tenantId, names, null, pseudonym);
      const agreements = await anonymiseReturnedAgreements(manager, tenantId, { signedBy: subject.accountId }, pseudonym);
      actions.push(...agreementActions(agreements, 'loan agreements the guardian signed'));
      actions.push({ what: 'notes and reports naming the guardian', rows: text, action: 'anonymised', reason: null });
      actions.push(...(await this.deleteExports(manager, tenantId, subject.accountId)));
      return actions;
    }
    const pupilId = subject.pupilId;
    const name = await pupilName(manager, tenantId, pupilId);
    if (!name) return [];
    // Text first, while the name to look for is still there (a second run finds the pseudonym and changes nothing).
    const fullName = `${name.first_name} ${name.last_name}`.trim();
    // Already erased: the name held is the pseudonym, and there is nothing more to look for.
    const text =
      fullName === pseudonym
        ? 0
        : await replaceNamesInFreeText(manager, tenantId, [fullName], { pupilId, parts: [name.first_name, name.last_name] }, pseudonym);
    const pupil = await erasePupil(manager, tenantId, pupilId, pseudonym, { at: event.occurredAt, eventId: event.id });
    const agreements = await anonymiseReturnedAgreements(manager, tenantId, { pupilId }, `Guardian of ${pseudonym}`);
    actions.push({
      what: 'pupil’s name and arm measurement (the copy kept for loans and sizing)',
      rows: pupil,
      action: 'anonymised',
      reason: `the name is now “${pseudonym}”; the pupil’s id, school and year group stay so that loan figures stay true`,
    });
    actions.push(...agreementActions(agreements, 'guardian names on loan agreements'));
    actions.push({ what: 'loan notes, conditions and problem reports naming the pupil', rows: text, action: 'anonymised', reason: null });
    actions.push(...(await this.deleteExports(manager, tenantId, pupilId)));
    return actions;
  }

  private async deleteExports(manager: EntityManager, tenantId: string, subjectId: string): Promise<DataRequestActionV1[]> {
    const deleted = await deleteDeliveredExports(manager, tenantId, ANSWERED, subjectId);
    return deleted
      ? [{ what: 'copies of earlier exports already delivered to the gateway', rows: deleted, action: 'deleted', reason: null }]
      : [];
  }

  private async applyRetention(manager: EntityManager, tenantId: string, request: DataRequestOpenedV1): Promise<DataRequestActionV1[]> {
    const schedule = request.retention;
    if (!schedule) return [];
    const cutoffs = retentionCutoffs(schedule);
    const counted = await countRetention(manager, tenantId, cutoffs);
    const loans = schedule.dryRun ? counted.loans : await anonymiseRetainedLoans(manager, tenantId, cutoffs);
    const leavers = schedule.dryRun ? counted.leavers : await anonymiseLeavers(manager, tenantId, cutoffs);
    const attendance = schedule.dryRun ? counted.attendance : await deleteOldAttendance(manager, tenantId, cutoffs);
    return [
      {
        what: 'returned loans: agreement signer, notes and problem reports',
        rows: loans,
        action: 'anonymised',
        reason:
          `returned before ${cutoffs.loansReturnedBefore} (${schedule.loanYearsAfterReturn} years after return)` +
          (counted.erasedLoans ? `, or since returned by a pupil whose erasure waited for it (${counted.erasedLoans})` : ''),
      },
      {
        what: 'former pupils’ names and arm measurements',
        rows: leavers,
        action: 'anonymised',
        reason: `left before ${cutoffs.pupilsLeftBefore} (${schedule.pupilRecordYearsAfterLeaving} years after leaving) with no instrument still out`,
      },
      {
        what: 'ensemble attendance marks kept for conditional loans',
        rows: attendance,
        action: 'deleted',
        reason: `before ${cutoffs.attendanceBefore} (the current academic year plus ${schedule.attendanceYears})`,
      },
    ];
  }
}

function agreementActions(
  agreements: { anonymised: number; kept: { loanId: string; assetTag: string }[] },
  what: string,
): DataRequestActionV1[] {
  const actions: DataRequestActionV1[] = [
    { what: `${what} (returned loans)`, rows: agreements.anonymised, action: 'anonymised', reason: null },
  ];
  if (agreements.kept.length > 0) {
    actions.push({
      what: `${what} (instruments still out: ${agreements.kept.map((loan) => loan.assetTag).join(', ')})`,
      rows: agreements.kept.length,
      action: 'kept',
      reason:
        'the instrument is still out on loan: the signed agreement is the record of who is responsible for it and on what terms ' +
        'until it comes back; the first retention run after its return removes the name',
    });
  }
  return actions;
}

/** The schedule's periods, counted back from `asOf`; attendance from the start of the current academic year (1 September). */
export function retentionCutoffs(schedule: NonNullable<DataRequestOpenedV1['retention']>): RetentionCutoffs {
  const [year, month, date] = schedule.asOf.split('-').map(Number);
  const yearsBack = (years: number): string => isoDay(year - years, month, date);
  const academicYear = month >= 9 ? year : year - 1;
  return {
    loansReturnedBefore: yearsBack(schedule.loanYearsAfterReturn),
    pupilsLeftBefore: yearsBack(schedule.pupilRecordYearsAfterLeaving),
    attendanceBefore: isoDay(academicYear - schedule.attendanceYears, 9, 1),
  };
}

function isoDay(year: number, month: number, date: number): string {
  // 29 February of a year that has none becomes 28 February.
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(date, last)).padStart(2, '0')}`;
}
