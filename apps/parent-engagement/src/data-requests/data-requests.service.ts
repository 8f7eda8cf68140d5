import { Injectable } from '@nestjs/common';
import type { DataRequestActionV1, DataRequestAnsweredV1, DataRequestOpenedV1, EventEnvelope } from '@tutti/contracts';
import { HandlesEvent, publishEvent } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
import { TransportBookingsService } from '../transport/transport-bookings.service';
import {
  announcementRows,
  anonymiseConsentsGivenBy,
  anonymiseFamily,
  bookingRows,
  calendarFeedRows,
  cancelPendingMessages,
  cancelUpcomingSignUps,
  childLinkRows,
  childrenOfGuardian,
  clearConsentNotesInOutbox,
  clearConsentTextOfPupil,
  clearMessageTextOfPupil,
  consentRows,
  consentsGivenBy,
  deleteCalendarFeed,
  deleteIdempotencyAnswers,
  deleteTextMessagesTo,
  redactEarlierExports,
  familiesWhoseChildrenLeftBy,
  familyRows,
  guardiansOfPupil,
  keptRows,
  knownStringsOfGuardian,
  messageRows,
  oldMessages,
  renameGuardianCopies,
  replaceInText,
  rosterRows,
  rsvpRows,
  signUpRows,
  smsRows,
  upcomingLiveBookings,
  waitlistRows,
  type HeldRow,
} from './data-requests.queries';

type Answer = Pick<DataRequestAnsweredV1, 'records' | 'actions'>;
type Retention = NonNullable<DataRequestOpenedV1['retention']>;

/** The name a family's rows carry once the retention schedule removed its contact details. */
export const FORMER_FAMILY = 'Former family';

/** What erasing one guardian changed. */
interface GuardianErased {
  exports: number;
  family: number;
  copies: number;
  consents: number;
  bookingsCancelled: number;
  signUpsCancelled: number;
  messagesCancelled: number;
  feeds: number;
  texts: number;
  textMessages: number;
  keptAnswers: number;
}

/**
 * Parent-engagement's answer to a data request (issue 19): a family's or a child's export, their
 * erasure, or the area's retention run, published as `engagement.data-request.answered` in the
 * transaction that handles the request (the consumer remembers the event: answered once).
 *
 * Parent-engagement keeps no copy of a child's name (the roster replica holds ids only); a child's
 * name can only reach it in text people wrote about the child (consent notes, a loan flag's
 * reason), which an erasure clears. Guardians' names, addresses and numbers it does hold, and
 * copies of them in text (bookings, consents, messages, the outbox's published events) are
 * replaced by the pseudonym.
 */
@Injectable()
export class DataRequestsService {
  constructor(private readonly bookings: TransportBookingsService) {}

  @HandlesEvent('identity.data-request.opened')
  async answer(event: EventEnvelope<'identity.data-request.opened'>, manager: EntityManager): Promise<void> {
    const request = event.payload;
    const answer = await this.answerOf(manager, event.tenantId, request);
    await publishEvent(manager, {
      source: 'parent-engagement',
      type: 'engagement.data-request.answered',
      tenantId: event.tenantId,
      payload: {
        version: 1,
        requestId: request.requestId,
        kind: request.kind,
        service: 'parent-engagement',
        records: answer.records,
        actions: answer.actions,
      },
    });
  }

  private async answerOf(manager: EntityManager, tenantId: string, request: DataRequestOpenedV1): Promise<Answer> {
    if (request.kind === 'retention') {
      return { records: {}, actions: request.retention ? await this.retention(manager, tenantId, request.retention) : [] };
    }
    const subject = request.subject;
    if (!subject) return { records: {}, actions: [] };
    if (subject.type === 'guardian') {
      if (request.kind === 'export') return { records: await this.exportGuardian(manager, tenantId, subject.accountId), actions: [] };
      const name = request.pseudonym ?? `Guardian ${subject.accountId.replace(/-/g, '').slice(-4).toUpperCase()}`;
      return { records: {}, actions: await this.eraseGuardianRequest(manager, tenantId, subject.accountId, name) };
    }
    if (request.kind === 'export') return { records: await this.exportPupil(manager, tenantId, subject.pupilId), actions: [] };
    const name = request.pseudonym ?? `Pupil ${subject.pupilId.replace(/-/g, '').slice(-4).toUpperCase()}`;
    return { records: {}, actions: await this.erasePupil(manager, tenantId, subject.pupilId, name) };
  }

  // ------------------------------------------------------------ export

  /** A guardian's family: contacts and preferences, children, consents with their history, bookings, RSVPs, messages. */
  private async exportGuardian(manager: EntityManager, tenantId: string, guardianId: string): Promise<Record<string, HeldRow[]>> {
    const family = await familyRows(manager, tenantId, [guardianId]);
    const children = await childrenOfGuardian(manager, tenantId, guardianId);
    const bookings = await bookingRows(manager, tenantId, guardianId, null);
    return {
      family,
      children: await childLinkRows(manager, tenantId, [guardianId], null),
      consents: await consentRows(manager, tenantId, children),
      bookings,
      waitlist: await waitlistRows(manager, tenantId, guardianId, null),
      rsvps: await rsvpRows(manager, tenantId, guardianId, null),
      familySessionSignUps: await signUpRows(manager, tenantId, guardianId, null),
      messages: await messageRows(manager, tenantId, [guardianId, ...children], []),
      textMessages: await smsRows(manager, tenantId, (family[0]?.phone as string | null | undefined) ?? null),
      announcements: await announcementRows(manager, tenantId, [guardianId], null),
      calendarFeed: await calendarFeedRows(manager, tenantId, guardianId),
    };
  }

  /** A child: their family's contacts (whom to reach about them), their consents with history, and what names them. */
  private async exportPupil(manager: EntityManager, tenantId: string, pupilId: string): Promise<Record<string, HeldRow[]>> {
    const guardians = await guardiansOfPupil(manager, tenantId, pupilId);
    const bookings = await bookingRows(manager, tenantId, null, pupilId);
    const rsvps = await rsvpRows(manager, tenantId, null, pupilId);
    return {
      families: await familyRows(manager, tenantId, guardians),
      children: await childLinkRows(manager, tenantId, guardians, pupilId),
      roster: await rosterRows(manager, tenantId, pupilId),
      consents: await consentRows(manager, tenantId, [pupilId]),
      bookings,
      waitlist: await waitlistRows(manager, tenantId, null, pupilId),
      rsvps,
      familySessionSignUps: await signUpRows(manager, tenantId, null, pupilId),
      messages: await messageRows(
        manager,
        tenantId,
        [pupilId],
        bookings.map((row) => String(row.id)),
      ),
      announcements: await announcementRows(manager, tenantId, guardians, pupilId),
    };
  }

  // ------------------------------------------------------------ erasure

  private async eraseGuardianRequest(
    manager: EntityManager,
    tenantId: string,
    guardianId: string,
    name: string,
  ): Promise<DataRequestActionV1[]> {
    const known = (await familyRows(manager, tenantId, [guardianId])).length > 0;
    const done = await this.eraseGuardian(manager, tenantId, guardianId, name, true);
    const kept = await keptRows(manager, tenantId, guardianId, null);
    const given = await consentsGivenBy(manager, tenantId, guardianId);
    const actions = [...guardianActions(done, name, 'the family'), ...keptActions(kept, name)];
    if (given > 0) {
      actions.push({
        what: 'consent decisions the guardian gave',
        rows: given,
        action: 'kept',
        reason: `the decision (granted, refused, withdrawn), who gave it (now "${name}") and when stay: they are the school’s evidence of consent for the child`,
      });
    }
    return known || actions.length > 0 ? actions : [];
  }

  /**
   * A child: the text written about them cleared; their ids stay on bookings and RSVPs (no name is
   * kept with them). A guardian whose only child this is leaves with them (anonymised as "Family of
   * <pseudonym>"); a guardian with other children in the programme keeps their contact details.
   */
  private async erasePupil(manager: EntityManager, tenantId: string, pupilId: string, name: string): Promise<DataRequestActionV1[]> {
    const guardians = await guardiansOfPupil(manager, tenantId, pupilId);
    const consents = await clearConsentTextOfPupil(manager, tenantId, pupilId);
    const published = await clearConsentNotesInOutbox(manager, tenantId, pupilId);
    const notices = await clearMessageTextOfPupil(manager, tenantId, pupilId);
    const exports = await redactEarlierExports(manager, tenantId, pupilId);
    const actions: DataRequestActionV1[] = (
      [
        { what: 'consent notes and reasons written about the child', rows: consents, action: 'anonymised', reason: null },
        { what: 'consent changes already published (their note)', rows: published, action: 'anonymised', reason: null },
        { what: 'instrument loan notices (the reason staff wrote)', rows: notices, action: 'anonymised', reason: null },
        { what: 'earlier exports about the child (the outbox’s copy)', rows: exports, action: 'deleted', reason: null },
      ] satisfies DataRequestActionV1[]
    ).filter((action) => action.rows > 0);
    const stayingFamilies: string[] = [];
    for (const guardianId of guardians) {
      const [family] = await familyRows(manager, tenantId, [guardianId]);
      if (family?.anonymised_at) continue; // erased already (their own request, or this one before): their pseudonym stays
      const children = await childrenOfGuardian(manager, tenantId, guardianId);
      if (children.some((child) => child !== pupilId)) {
        stayingFamilies.push(guardianId);
        continue;
      }
      const familyName = `Family of ${name}`;
      const done = await this.eraseGuardian(manager, tenantId, guardianId, familyName, true);
      actions.push(...guardianActions(done, familyName, 'the family (the child was their only child in the programme)'));
    }
    if (stayingFamilies.length > 0) {
      actions.push({
        what: 'family contact details of guardians with other children',
        rows: stayingFamilies.length,
        action: 'kept',
        reason: 'they are still a family of the programme for their other children; they may ask for their own erasure',
      });
    }
    const kept = await keptRows(manager, tenantId, null, pupilId);
    if (
      guardians.length === 0 &&
      consents + published + notices + exports === 0 &&
      kept.bookings + kept.rsvps + kept.signUps + kept.messages === 0
    ) {
      return [];
    }
    actions.push(...keptActions(kept, name));
    const decisions = (await consentRows(manager, tenantId, [pupilId])).length;
    if (decisions > 0) {
      actions.push({
        what: 'consent decisions about the child',
        rows: decisions,
        action: 'kept',
        reason: 'the decision, who gave it and when stay as the school’s evidence of consent; the text written about the child is cleared',
      });
    }
    return actions;
  }

  /**
   * A guardian's names, address and number removed everywhere parent-engagement keeps them. With
   * `cancelUpcoming`, their bookings on buses still to leave and sign-ups to sessions still to come
   * are cancelled first, the seats and places given back: a family that asked to be forgotten
   * cannot be reached about a pick-up, and a driver must not carry a child nobody can be called about.
   */
  private async eraseGuardian(
    manager: EntityManager,
    tenantId: string,
    guardianId: string,
    name: string,
    cancelUpcoming: boolean,
  ): Promise<GuardianErased> {
    const strings = (await knownStringsOfGuardian(manager, tenantId, guardianId)).filter((value) => value !== name);
    const [family] = await familyRows(manager, tenantId, [guardianId]);
    const phones = family?.phone ? [String(family.phone)] : [];
    const bookingsCancelled = cancelUpcoming
      ? await this.bookings.cancelForErasure(manager, tenantId, await upcomingLiveBookings(manager, tenantId, guardianId))
      : 0;
    const signUpsCancelled = cancelUpcoming ? await cancelUpcomingSignUps(manager, tenantId, guardianId) : 0;
    return {
      exports: await redactEarlierExports(manager, tenantId, guardianId),
      bookingsCancelled,
      signUpsCancelled,
      messagesCancelled: await cancelPendingMessages(manager, tenantId, guardianId),
      textMessages: await deleteTextMessagesTo(manager, tenantId, phones),
      family: await anonymiseFamily(manager, tenantId, guardianId, name),
      copies: await renameGuardianCopies(manager, tenantId, guardianId, name),
      consents: await anonymiseConsentsGivenBy(manager, tenantId, guardianId, name),
      feeds: await deleteCalendarFeed(manager, tenantId, guardianId),
      keptAnswers: await deleteIdempotencyAnswers(manager, tenantId, guardianId),
      texts: await replaceInText(manager, tenantId, strings, name),
    };
  }

  // ------------------------------------------------------------ retention

  private async retention(manager: EntityManager, tenantId: string, retention: Retention): Promise<DataRequestActionV1[]> {
    const leftBy = monthsBefore(retention.asOf, retention.familyContactMonthsAfterLeaving);
    const messagesBefore = monthsBefore(retention.asOf, retention.messageMonths);
    const families = await familiesWhoseChildrenLeftBy(manager, tenantId, leftBy);
    // Old messages first, so that they are counted here rather than with a family's contact details.
    const old = await oldMessages(manager, tenantId, messagesBefore, !retention.dryRun);
    const verb = retention.dryRun ? 'would be' : 'were';
    const familyRule = `contact details ${retention.familyContactMonthsAfterLeaving} months after the family’s last child left (on or before ${leftBy}); ${verb} replaced by "${FORMER_FAMILY}"`;
    let copies = 0;
    if (!retention.dryRun) {
      for (const guardianId of families) {
        const done = await this.eraseGuardian(manager, tenantId, guardianId, FORMER_FAMILY, false);
        copies += done.copies + done.consents + done.texts;
      }
    }
    const messageRule = `messages older than ${retention.messageMonths} months (before ${messagesBefore})`;
    const actions: DataRequestActionV1[] = [
      { what: 'family contact details', rows: families.length, action: 'anonymised', reason: familyRule },
      { what: 'messages to families and their delivery', rows: old.messages, action: 'deleted', reason: messageRule },
      { what: 'text messages', rows: old.textMessages, action: 'deleted', reason: messageRule },
      { what: 'announcement deliveries', rows: old.announcementDeliveries, action: 'deleted', reason: messageRule },
      { what: 'announcements', rows: old.announcements, action: 'deleted', reason: messageRule },
    ];
    if (!retention.dryRun && copies > 0) {
      actions.splice(1, 0, {
        what: 'copies of those families’ names (bookings, RSVPs, consents, messages)',
        rows: copies,
        action: 'anonymised',
        reason: familyRule,
      });
    }
    return actions;
  }
}

/** The day `months` months before `asOf` (YYYY-MM-DD), the last day of the month when it has fewer days. */
export function monthsBefore(asOf: string, months: number): string {
  const [year, month, day] = asOf.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

function guardianActions(done: GuardianErased, name: string, whose: string): DataRequestActionV1[] {
  return [
    {
      what: `bus bookings of ${whose} on buses still to leave`,
      rows: done.bookingsCancelled,
      action: 'deleted' as const,
      reason: `cancelled, seats given back to the waiting list: nobody could be reached about the pick-up`,
    },
    {
      what: `sign-ups of ${whose} to family sessions still to come`,
      rows: done.signUpsCancelled,
      action: 'deleted' as const,
      reason: 'cancelled, places given back',
    },
    { what: `messages still to be sent to ${whose}`, rows: done.messagesCancelled, action: 'deleted' as const, reason: 'cancelled' },
    { what: `contact details and preferences of ${whose}`, rows: done.family, action: 'anonymised' as const, reason: `name now "${name}"` },
    {
      what: 'the guardian’s name on bookings, RSVPs and sign-ups',
      rows: done.copies,
      action: 'anonymised' as const,
      reason: `now "${name}"`,
    },
    {
      what: 'consent decisions the guardian gave (name, note, reason)',
      rows: done.consents,
      action: 'anonymised' as const,
      reason: `name now "${name}", text cleared`,
    },
    { what: 'earlier exports about the family (the outbox’s copy)', rows: done.exports, action: 'deleted' as const, reason: null },
    { what: 'private calendar feed', rows: done.feeds, action: 'deleted' as const, reason: null },
    { what: 'text messages sent to the family’s number', rows: done.textMessages, action: 'deleted' as const, reason: null },
    { what: 'kept answers to retried requests', rows: done.keptAnswers, action: 'deleted' as const, reason: null },
    {
      what: 'copies of the guardian’s name, address or number in texts (announcements, messages, published events)',
      rows: done.texts,
      action: 'anonymised' as const,
      reason: `replaced by "${name}"`,
    },
  ].filter((action) => action.rows > 0);
}

function keptActions(kept: { bookings: number; rsvps: number; signUps: number; messages: number }, name: string): DataRequestActionV1[] {
  return [
    {
      what: 'bus bookings (past and cancelled)',
      rows: kept.bookings,
      action: 'kept' as const,
      reason: `by id only, naming "${name}": buses’ seat counts and the area’s transport figures stay true`,
    },
    {
      what: 'performance RSVPs',
      rows: kept.rsvps,
      action: 'kept' as const,
      reason: 'by id only: head counts of performances stay true',
    },
    {
      what: 'family session sign-ups',
      rows: kept.signUps,
      action: 'kept' as const,
      reason: 'by id only: places and attendance of sessions stay true',
    },
    {
      what: 'messages and their delivery',
      rows: kept.messages,
      action: 'kept' as const,
      reason: 'by id only, their free text cleared: deleted with the retention schedule (messages older than its months)',
    },
  ].filter((action) => action.rows > 0);
}
