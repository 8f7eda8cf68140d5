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
  familyEngagementCount,
  familyEngagementRecords,
  formerPupilsLeftBy,
  heldJsonPage,
  importRecords,
  JSON_HOLDERS,
  keptCounts,
  noteRecords,
  performanceRecords,
  pseudonymTaken,
  pupilRecords,
  replaceHeldJson,
  replaceNameInText,
  requestPupil,
  staffRecordsOfAccount,
  type RequestPupilRow,
} from './data-requests.queries';
import { jsPatterns, pseudonymParts, scrubJson, sqlPatterns, sqlReplacement } from './names';

/** Rows of a JSON column read at once when looking for names. */
const HELD_JSON_PAGE = 2000;

type Answer = Pick<DataRequestAnsweredV1, 'records' | 'actions'>;
type Retention = NonNullable<DataRequestOpenedV1['retention']>;

/** What anonymising one pupil changed: the record, texts naming them, JSON copies of their name. */
/** A pupil to anonymise and the pseudonym they get. */
interface Target {
  pupil: RequestPupilRow;
  pseudonym: string;
}

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

  /**
   * Everything scheduling holds about a pupil, by what it is; empty lists for a pupil it never heard
   * of. `performances` are its evidence copies of the performances they played in (performance-event
   * answers for its own records of them too).
   */
  private async exportPupil(manager: EntityManager, tenantId: string, pupilId: string): Promise<Record<string, unknown[]>> {
    const pupil = await requestPupil(manager, tenantId, pupilId);
    const performances = await performanceRecords(manager, tenantId, pupilId);
    if (!pupil) return { pupil: [], classes: [], ensembles: [], attendance: [], notes: [], exams: [], imports: [], performances };
    const patterns = sqlPatterns(pupil);
    return {
      pupil: await pupilRecords(manager, tenantId, pupilId),
      classes: await classRecords(manager, tenantId, pupilId),
      ensembles: await ensembleRecords(manager, tenantId, pupilId),
      attendance: await attendanceRecords(manager, tenantId, pupilId),
      notes: await noteRecords(manager, tenantId, pupilId, patterns),
      exams: await examRecords(manager, tenantId, pupilId),
      imports: await importRecords(manager, tenantId, pupilId, patterns.full),
      performances,
    };
  }

  /**
   * Scheduling keeps no guardian's details (families are parent-engagement's and the gateway's), only
   * its evidence copy of the family's RSVPs and family-session sign-ups, by account id and without a
   * name. An account that is also a member of staff (a parent who tutors or volunteers) is exported
   * as such; a family's erasure does not erase a staff record, which the programme keeps as its own.
   */
  private async guardian(manager: EntityManager, tenantId: string, kind: 'export' | 'erasure', accountId: string): Promise<Answer> {
    const staff = await staffRecordsOfAccount(manager, tenantId, accountId);
    if (kind === 'export')
      return { records: { staff, familyEngagement: await familyEngagementRecords(manager, tenantId, accountId) }, actions: [] };
    const actions: DataRequestActionV1[] = [];
    if (staff.length > 0)
      actions.push({
        what: 'staff record of the account',
        rows: staff.length,
        action: 'kept',
        reason:
          'the account is also a member of staff: the programme keeps its staff records (sessions taught, registers taken) under its own schedule, not a family request',
      });
    const engagement = await familyEngagementCount(manager, tenantId, accountId);
    if (engagement > 0)
      actions.push({
        what: 'the family’s RSVPs and family-session sign-ups (scheduling’s copy of parent-engagement’s)',
        rows: engagement,
        action: 'kept',
        reason:
          'they carry no name, only the account’s id, schools and head counts; the annual return’s family-engagement figures count them, and parent-engagement erases the family’s own records',
      });
    return { records: {}, actions };
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
    const done = await this.anonymise(manager, tenantId, [{ pupil, pseudonym: name }]);
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
      {
        what: 'performances played in (scheduling’s copy of performance-event’s)',
        rows: kept.performances,
        action: 'kept',
        reason:
          'the annual return counts performers; the copy carries no name, only the pupil’s id and school, and points to the anonymised record',
      },
    ];
  }

  /** The pupils' names replaced by their pseudonyms everywhere scheduling holds them; their keys kept. */
  private async anonymise(manager: EntityManager, tenantId: string, targets: Target[]): Promise<Anonymised> {
    const done: Anonymised = { record: 0, texts: 0, copies: 0 };
    if (targets.length === 0) return done;
    // Texts first: they are found through the pupil's sessions and class, and by the name the record still has.
    for (const { pupil, pseudonym } of targets)
      done.texts += await replaceNameInText(manager, tenantId, pupil.id, sqlPatterns(pupil), sqlReplacement(pseudonym));
    done.copies = await this.scrubHeldCopies(manager, tenantId, targets);
    for (const { pupil, pseudonym } of targets) done.record += await anonymisePupil(manager, tenantId, pupil.id, pseudonymParts(pseudonym));
    return done;
  }

  /** The JSON copies of the names (outbox, replies, reminders, import reports), one pass over each for all the pupils. */
  private async scrubHeldCopies(manager: EntityManager, tenantId: string, targets: Target[]): Promise<number> {
    const found = targets.map(({ pupil, pseudonym }) => ({ pupil, pseudonym, full: jsPatterns(pupil).full }));
    // A copy worth parsing carries a pupil's id or full name (accents aside, as the patterns match it).
    const needles = new RegExp([...targets.map(({ pupil }) => pupil.id), ...found.map(({ full }) => full.source)].join('|'), 'iu');
    let copies = 0;
    for (const holder of JSON_HOLDERS) {
      let after: string[] | null = null;
      for (;;) {
        const page = await heldJsonPage(manager, tenantId, holder, after, HELD_JSON_PAGE);
        for (const held of page) {
          if (!needles.test(held.text)) continue;
          const value: unknown = JSON.parse(held.text);
          let scrubbed = value;
          for (const { pupil, pseudonym, full } of found) {
            full.lastIndex = 0;
            const carriesId = held.text.includes(pupil.id);
            if (!carriesId && !full.test(held.text)) continue;
            scrubbed = scrubJson(scrubbed, pupil.id, pupil, pseudonym, held.kind === 'scheduling.data-request.answered' && carriesId);
          }
          if (JSON.stringify(scrubbed) === JSON.stringify(value)) continue;
          await replaceHeldJson(manager, tenantId, holder, held.key, scrubbed);
          copies++;
        }
        if (page.length < HELD_JSON_PAGE) break;
        after = page[page.length - 1].key;
      }
    }
    return copies;
  }

  /**
   * A retention run's pseudonym for a former pupil (an erasure request brings the gateway's): "Pupil"
   * and the last four hex digits of their id, longer when another anonymised pupil of the area has it.
   */
  private async pseudonymFor(manager: EntityManager, tenantId: string, pupil: RequestPupilRow, chosen: Target[] = []): Promise<string> {
    const hex = pupil.id.replace(/-/g, '').toUpperCase();
    for (let length = 4; length < hex.length; length++) {
      const candidate = `Pupil ${hex.slice(-length)}`;
      if (chosen.some((target) => target.pseudonym === candidate)) continue;
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
    const targets: Target[] = [];
    for (const pupil of await formerPupilsLeftBy(manager, tenantId, leftBy))
      targets.push({ pupil, pseudonym: await this.pseudonymFor(manager, tenantId, pupil, targets) });
    const done = await this.anonymise(manager, tenantId, targets);
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
