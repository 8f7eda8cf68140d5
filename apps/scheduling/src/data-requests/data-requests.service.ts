import { Injectable } from '@nestjs/common';
import type { DataRequestActionV1, DataRequestAnsweredV1, DataRequestOpenedV1, EventEnvelope } from '@tutti/contracts';
import { HandlesEvent } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
import { emit } from '../common/events';
import {
  anonymisePupil,
  attendanceRecords,
  classRecords,
  deletePupilMarksBefore,
  ensembleRecords,
  examRecords,
  formerPupilsLeftBy,
  heldJsonNaming,
  importRecords,
  JSON_HOLDERS,
  keptCounts,
  noteRecords,
  pseudonymTaken,
  pupilRecords,
  replaceHeldJson,
  replaceNameInText,
  requestPupil,
  staffRecordsOfAccount,
  type RequestPupilRow,
} from './data-requests.queries';
import { pseudonymParts, scrubJson, sqlPatterns, sqlReplacement } from './names';

type Answer = Pick<DataRequestAnsweredV1, 'records' | 'actions'>;
type Retention = NonNullable<DataRequestOpenedV1['retention']>;

/** What anonymising one pupil changed: the record, texts naming them, JSON copies of their name. */
interface Anonymised {
  record: number;
  texts: number;
  copies: number;
}

/**
 * Scheduling's answer to a data request (issue 19): a pupil's export, their erasure, or the area's
 * retention run, published as `scheduling.data-request.answered` in the transaction that handles the
 * request (the consumer remembers the event, so it is answered exactly once).
 *
 * Erasure does not republish `scheduling.pupil.details-changed`: every service anonymises its own
 * copy on the same request, and the copies of the name still waiting in scheduling's outbox are
 * rewritten here, so that no late event carries the name back.
 */
@Injectable()
export class DataRequestsService {
  @HandlesEvent('identity.data-request.opened')
  async answer(event: EventEnvelope<'identity.data-request.opened'>, manager: EntityManager): Promise<void> {
    const request = event.payload;
    const answer = await this.answerOf(manager, event.tenantId, request);
    await emit(manager, 'scheduling.data-request.answered', event.tenantId, {
      version: 1,
      requestId: request.requestId,
      kind: request.kind,
      service: 'scheduling',
      records: answer.records,
      actions: answer.actions,
    });
  }

  private async answerOf(manager: EntityManager, tenantId: string, request: DataRequestOpenedV1): Promise<Answer> {
    if (request.kind === 'retention') {
      if (!request.retention) return { records: {}, actions: [] };
      return { records: {}, actions: await this.retention(manager, tenantId, request.retention) };
    }
    const subject = request.subject;
    if (!subject) return { records: {}, actions: [] };
    if (subject.type === 'guardian') return this.guardian(manager, tenantId, request.kind, subject.accountId);
    if (request.kind === 'export') return { records: await this.exportPupil(manager, tenantId, subject.pupilId), actions: [] };
    return { records: {}, actions: await this.erasePupil(manager, tenantId, subject.pupilId, request.pseudonym) };
  }

  /** Everything scheduling holds about a pupil, by what it is; empty lists for a pupil it never heard of. */
  private async exportPupil(manager: EntityManager, tenantId: string, pupilId: string): Promise<Record<string, unknown[]>> {
    const pupil = await requestPupil(manager, tenantId, pupilId);
    if (!pupil) return { pupil: [], classes: [], ensembles: [], attendance: [], notes: [], exams: [], imports: [] };
    const patterns = sqlPatterns(pupil);
    return {
      pupil: await pupilRecords(manager, tenantId, pupilId),
      classes: await classRecords(manager, tenantId, pupilId),
      ensembles: await ensembleRecords(manager, tenantId, pupilId),
      attendance: await attendanceRecords(manager, tenantId, pupilId),
      notes: await noteRecords(manager, tenantId, pupilId, patterns),
      exams: await examRecords(manager, tenantId, pupilId),
      imports: await importRecords(manager, tenantId, pupilId, patterns.full),
    };
  }

  /**
   * Scheduling keeps no guardian's details (families are parent-engagement's and the gateway's). An
   * account that is also a member of staff (a parent who tutors or volunteers) is exported as such;
   * a family's erasure does not erase a staff record, which the programme keeps as its own.
   */
  private async guardian(manager: EntityManager, tenantId: string, kind: 'export' | 'erasure', accountId: string): Promise<Answer> {
    const staff = await staffRecordsOfAccount(manager, tenantId, accountId);
    if (kind === 'export') return { records: { staff }, actions: [] };
    if (staff.length === 0) return { records: {}, actions: [] };
    return {
      records: {},
      actions: [
        {
          what: 'staff record of the account',
          rows: staff.length,
          action: 'kept',
          reason:
            'the account is also a member of staff: the programme keeps its staff records (sessions taught, registers taken) under its own schedule, not a family request',
        },
      ],
    };
  }

  private async erasePupil(
    manager: EntityManager,
    tenantId: string,
    pupilId: string,
    pseudonym: string | null,
  ): Promise<DataRequestActionV1[]> {
    const pupil = await requestPupil(manager, tenantId, pupilId);
    if (!pupil) return [];
    if (pupil.anonymisedAt)
      return [
        {
          what: 'pupil record',
          rows: 0,
          action: 'kept',
          reason: `already anonymised as "${pupil.firstName} ${pupil.lastName}": nothing more to change`,
        },
      ];
    const name = pseudonym ?? (await this.pseudonymFor(manager, tenantId, pupil));
    const done = await this.anonymise(manager, tenantId, pupil, name);
    const kept = await keptCounts(manager, tenantId, pupilId);
    return [
      ...anonymisedActions(done, name),
      {
        what: 'school, class and year group',
        rows: 1,
        action: 'kept',
        reason: 'the keys of the anonymised record, so that the area’s figures and its schools’ and classes’ numbers stay true',
      },
      {
        what: 'attendance marks',
        rows: kept.attendance,
        action: 'kept',
        reason: `registers and the annual return count them; they point to "${name}" now, and the retention schedule deletes them with their year`,
      },
      {
        what: 'ensemble memberships',
        rows: kept.memberships,
        action: 'kept',
        reason: 'other children’s registers and the ensembles’ numbers rely on them; they point to the anonymised record',
      },
      {
        what: 'graded exam entries',
        rows: kept.exams,
        action: 'kept',
        reason: 'progression figures count them; they carry no name and point to the anonymised record',
      },
    ];
  }

  /** The pupil's name replaced by `pseudonym` everywhere scheduling holds it; their keys kept. */
  private async anonymise(manager: EntityManager, tenantId: string, pupil: RequestPupilRow, pseudonym: string): Promise<Anonymised> {
    const patterns = sqlPatterns(pupil);
    // Texts first: they are found through the pupil's sessions and class, and by the name the record still has.
    const texts = await replaceNameInText(manager, tenantId, pupil.id, patterns, sqlReplacement(pseudonym));
    let copies = 0;
    for (const holder of JSON_HOLDERS) {
      for (const held of await heldJsonNaming(manager, tenantId, holder, pupil.id, patterns.full + '|' + patterns.words)) {
        const aboutPupil = held.kind === 'scheduling.data-request.answered';
        const scrubbed = scrubJson(held.value, pupil.id, pupil, pseudonym, aboutPupil);
        if (JSON.stringify(scrubbed) === JSON.stringify(held.value)) continue;
        await replaceHeldJson(manager, tenantId, holder, held.key, scrubbed);
        copies++;
      }
    }
    const record = await anonymisePupil(manager, tenantId, pupil.id, pseudonymParts(pseudonym));
    return { record, texts, copies };
  }

  /**
   * A retention run's pseudonym for a former pupil (an erasure request brings the gateway's): "Pupil"
   * and the last four hex digits of their id, longer when another anonymised pupil of the area has it.
   */
  private async pseudonymFor(manager: EntityManager, tenantId: string, pupil: RequestPupilRow): Promise<string> {
    const hex = pupil.id.replace(/-/g, '').toUpperCase();
    for (let length = 4; length < hex.length; length++) {
      const candidate = `Pupil ${hex.slice(-length)}`;
      if (!(await pseudonymTaken(manager, tenantId, pupil.id, pseudonymParts(candidate)))) return candidate;
    }
    return `Pupil ${hex}`;
  }

  /**
   * The area's retention schedule applied to scheduling, as of `asOf`. A dry run does the same work
   * inside a savepoint and rolls it back, so that its counts are exactly what the run would do.
   */
  private async retention(manager: EntityManager, tenantId: string, retention: Retention): Promise<DataRequestActionV1[]> {
    if (!retention.dryRun) return this.applyRetention(manager, tenantId, retention);
    await manager.query('SAVEPOINT retention_dry_run');
    try {
      return await this.applyRetention(manager, tenantId, retention);
    } finally {
      await manager.query('ROLLBACK TO SAVEPOINT retention_dry_run');
    }
  }

  private async applyRetention(manager: EntityManager, tenantId: string, retention: Retention): Promise<DataRequestActionV1[]> {
    const marksBefore = attendanceKeptFrom(retention.asOf, retention.attendanceYears);
    const marks = await deletePupilMarksBefore(manager, tenantId, marksBefore);
    const leftBy = yearsBefore(retention.asOf, retention.pupilRecordYearsAfterLeaving);
    const done: Anonymised = { record: 0, texts: 0, copies: 0 };
    for (const pupil of await formerPupilsLeftBy(manager, tenantId, leftBy)) {
      const one = await this.anonymise(manager, tenantId, pupil, await this.pseudonymFor(manager, tenantId, pupil));
      done.record += one.record;
      done.texts += one.texts;
      done.copies += one.copies;
    }
    return [
      {
        what: `pupils’ attendance marks on sessions before ${marksBefore}`,
        rows: marks,
        action: 'deleted',
        reason:
          `registers are kept for the current academic year and ${retention.attendanceYears} more; ` +
          'the annual returns of the years before were made long since and are not rebuilt, so the marks are deleted rather than kept unlinked ' +
          '(tutors’ own marks stay with the staff records)',
      },
      {
        what: `former pupils’ records (left on or before ${leftBy})`,
        rows: done.record,
        action: 'anonymised',
        reason: `kept ${retention.pupilRecordYearsAfterLeaving} years after leaving: name replaced by a pseudonym, MIS reference, characteristics and destination school cleared; ensembles and exams kept for figures`,
      },
      {
        what: 'free text naming those former pupils',
        rows: done.texts,
        action: 'anonymised',
        reason: 'their name replaced by the pseudonym',
      },
      {
        what: 'copies of those former pupils’ names in events, replies and import reports',
        rows: done.copies,
        action: 'anonymised',
        reason: 'their name replaced by the pseudonym',
      },
    ];
  }
}

function anonymisedActions(done: Anonymised, pseudonym: string): DataRequestActionV1[] {
  return [
    {
      what: 'pupil record (name, MIS reference, characteristics, destination school)',
      rows: done.record,
      action: 'anonymised',
      reason: `name replaced by "${pseudonym}", the other personal fields cleared`,
    },
    {
      what: 'free text naming the pupil (rehearsal notes, cancellation reasons, lesson plans)',
      rows: done.texts,
      action: 'anonymised',
      reason: `the name replaced by "${pseudonym}"`,
    },
    {
      what: 'copies of the name in events sent or waiting, replies kept for retries and import reports',
      rows: done.copies,
      action: 'anonymised',
      reason: `the name replaced by "${pseudonym}", so that no late event carries it back to another service`,
    },
  ];
}

/**
 * The first day whose attendance the schedule keeps: 1 September of the academic year `years`
 * before the one `asOf` falls in (the current year plus `years`).
 */
export function attendanceKeptFrom(asOf: string, years: number): string {
  const [year, month] = asOf.split('-').map(Number);
  const currentYearStarts = month >= 9 ? year : year - 1;
  return `${currentYearStarts - years}-09-01`;
}

/** `asOf` less whole years (29 February becomes 28 February in a common year). */
export function yearsBefore(asOf: string, years: number): string {
  const [year, month, day] = asOf.split('-').map(Number);
  const target = year - years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${target}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}
