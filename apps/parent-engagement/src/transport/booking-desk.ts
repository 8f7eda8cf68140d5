import { Injectable, NotFoundException } from '@nestjs/common';
import type { Identity } from '@tutti/auth';
import { recordAuditsWrites, type AuditOrigin, type ScheduledReminder } from '@tutti/messaging';
import {
  BatchQueue,
  answersOfWrites,
  claimIdempotencyKeysWrite,
  claimsOf,
  keyReusedProblem,
  newId,
  settledError,
  settledValue,
  settleIdempotencyKeysWrites,
  ValidationProblem,
  pipelinedTransaction,
  writesAsOneStatement,
  type IdempotencyScope,
  type PipelinedTransaction,
  type Settled,
} from '@tutti/platform';
import { DataSource } from 'typeorm';
import { auditContext } from '../common/audit';
import { conflict } from '../common/conflicts';
import { familyScopeOf } from '../common/family-scope';
import { FamilyReminders } from '../reminders/family-reminders.service';
import type { BookingDto, CreateBookingDto } from './dto/booking.dto';
import { bookingChange } from './booking-audit';
import { confirmedBookingOf, lockedRunsOf, lockRunsStatement, recipientOf, type LockedRun } from './run-locks.queries';
import { makeBookings } from './seat-ledger';
import type { BookingRequest } from './seat-ledger.queries';
import { toBookingDto } from './transport-rows';

/** A booking asked for, already checked against the caller's own children. */
export interface BookingAsk {
  identity: Identity;
  dto: CreateBookingDto;
  idempotencyKey: string | undefined;
  origin: AuditOrigin;
  /** Children travelling: the pupils named and other children. */
  children: number;
  schoolIds: string[];
}

/** A batch of bookings waits for the one in flight; more than this many are decided in two. */
const MOST_BOOKINGS_AT_ONCE = 100;
/**
 * Batches in flight. They usually need the same buses, so one holds their locks while the next
 * waits for them and a third is being prepared (measured at stop 12, before pipelining: about
 * 3,500 bookings/s with three against 3,300 with two, 200 families at once).
 */
const BATCHES_AT_ONCE = 3;

/**
 * Makes new bookings. When families book at the same moment (tickets just opened), their
 * bookings are decided together, in the order they came: one transaction of three round trips for
 * the whole batch (see decide), instead of nine round trips each. Two bookings of one family on the
 * same bus never share a batch. If a batch fails as a whole, each booking is decided again on its own.
 */
@Injectable()
export class BookingDesk {
  private readonly queue = new BatchQueue<BookingAsk, BookingDto>({
    maxBatchSize: MOST_BOOKINGS_AT_ONCE,
    concurrency: BATCHES_AT_ONCE,
    keysOf: batchKeysOf,
    run: async (asks) => {
      const { outcomes, scheduled } = await pipelinedTransaction(this.dataSource, (transaction) => this.decide(transaction, asks));
      // The bookings are committed: their answers go now, and the reminders' jobs follow (the rows are
      // the truth; the sweeper queues any job that Redis missed once its reminder is due). Queued here,
      // not with afterCommit: TypeORM does not see a pipelined COMMIT, and the answers need not wait for Redis.
      void this.reminders.queueJobs(scheduled);
      return outcomes;
    },
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly reminders: FamilyReminders,
  ) {}

  book(ask: BookingAsk): Promise<BookingDto> {
    return this.queue.submit(ask);
  }

  /**
   * Three round trips: BEGIN with the keys' claim and the buses' lock; the decision; the batch's
   * reminders, audit entries and idempotency answers with COMMIT. The buses stay locked from the
   * first to the last.
   */
  private async decide(
    transaction: PipelinedTransaction,
    asks: BookingAsk[],
  ): Promise<{ outcomes: Settled<BookingDto>[]; scheduled: ScheduledReminder[] }> {
    const { manager } = transaction;
    const outcomes = new Map<BookingAsk, Settled<BookingDto>>();
    const refuse = (ask: BookingAsk, error: unknown) => outcomes.set(ask, settledError(error));

    // Every ask's bus is locked, also for a retry that will be answered from its key: the claim's answer is not known yet.
    const scopes = asks.map(keyScopeOf);
    const claimKeys = claimIdempotencyKeysWrite(scopes);
    const lockRequests = asks.map((ask) => ({
      tenantId: ask.identity.tenantId,
      runId: ask.dto.runId,
      guardianId: ask.identity.userId,
      stopId: ask.dto.stopId,
      pupilIds: ask.dto.pupilIds,
    }));
    const opened = await transaction.begin([...(claimKeys ? [claimKeys] : []), lockRunsStatement(lockRequests)]);
    const claims = await claimsOf<BookingDto>(manager, scopes, claimKeys ? opened[0] : []);
    const runs = lockedRunsOf(lockRequests, opened[opened.length - 1]);

    const fresh: BookingAsk[] = [];
    const bookable: { ask: BookingAsk; run: LockedRun; request: BookingRequest }[] = [];
    asks.forEach((ask, i) => {
      const claim = claims[i];
      if (claim.kind === 'replay') return outcomes.set(ask, settledValue(claim.response));
      if (claim.kind === 'reused') return refuse(ask, keyReusedProblem());
      fresh.push(ask);
      const run = runs[i];
      const refusal = run ? refusalOf(run) : new NotFoundException('No such transport run.');
      if (refusal || !run) return refuse(ask, refusal);
      bookable.push({ ask, run, request: bookingRequestOf(ask, run) });
    });

    const decided = await makeBookings(
      manager,
      bookable.map(({ request }) => request),
    );
    const made = bookable.flatMap(({ ask, run }, i) => {
      const outcome = decided[i];
      if ('refusal' in outcome) {
        refuse(ask, outcome.refusal);
        return [];
      }
      const booking = toBookingDto(outcome.booking);
      outcomes.set(ask, settledValue(booking));
      return [{ ask, run, booking }];
    });

    const reminders = this.reminders.bookingsConfirmedWrite(
      manager,
      made
        .filter(({ booking }) => booking.status === 'confirmed')
        .map(({ ask, run, booking }) => ({
          to: recipientOf(ask.identity.tenantId, ask.identity.userId, run),
          booking: confirmedBookingOf(booking.id, run, run.pickup_at as Date),
        })),
    );
    const writes = [
      ...(reminders ? [reminders.write] : []),
      ...recordAuditsWrites(
        manager,
        made.map(({ ask, booking }) => ({
          context: auditContext(ask.identity, ask.origin),
          subject: bookingChange('create', booking.id, { status: booking.status }),
        })),
      ),
      ...settleIdempotencyKeysWrites({
        answered: made.map(({ ask, booking }) => ({ scope: keyScopeOf(ask), response: booking })),
        refused: fresh.filter((ask) => !outcomes.get(ask)?.ok).map(keyScopeOf),
      }),
    ];
    const [written] = await transaction.commit(writes.length > 0 ? [writesAsOneStatement(writes)] : []);
    const [remindersWritten] = written ? answersOfWrites(written) : [];
    return {
      outcomes: asks.map((ask) => outcomes.get(ask) ?? settledError(new Error('a booking of the batch was left undecided'))),
      scheduled: reminders ? reminders.scheduledOf(remindersWritten) : [],
    };
  }
}

/** Why a booking cannot be made on this run at all, before seats are looked at. */
function refusalOf(run: LockedRun): Error | undefined {
  if (!run.stop_id || !run.pickup_at)
    return new ValidationProblem([{ field: 'stopId', rule: 'stopOfRun', message: 'stopId must be a pick-up stop of this run' }]);
  // Only a recorded "no" stops a child: no answer yet is not a refusal.
  if (run.transport_refused.length > 0)
    return conflict('transport-consent-refused', 'Consent to travel was refused or withdrawn for a child named.', {
      pupilIds: run.transport_refused,
    });
  if (run.status !== 'open' || run.performance_status !== 'published')
    return conflict('run-cancelled', 'This bus (or its performance) is cancelled.', { runId: run.id });
  if (run.bookings_close_at <= new Date()) {
    return conflict('bookings-closed', 'Bookings for this bus have closed.', {
      runId: run.id,
      bookingsClosedAt: run.bookings_close_at.toISOString(),
    });
  }
  return undefined;
}

function bookingRequestOf(ask: BookingAsk, run: LockedRun): BookingRequest {
  const { identity, dto } = ask;
  return {
    tenantId: identity.tenantId,
    id: newId(),
    runId: run.id,
    performanceId: run.performance_id,
    stopId: run.stop_id as string,
    guardianId: identity.userId,
    guardianName: identity.displayName,
    pupilIds: dto.pupilIds,
    familyPupilIds: familyScopeOf(identity).pupilIds,
    schoolIds: [...new Set(ask.schoolIds)],
    adults: dto.adults,
    children: ask.children,
    seatLimit: run.seat_limit,
  };
}

/**
 * What two bookings of one batch must not share: a family on one bus (the family's seats and
 * children on that bus are read before the batch's own bookings exist), or a caller's
 * Idempotency-Key. One family's bookings on different buses may go together.
 */
function batchKeysOf(ask: BookingAsk): string[] {
  const onRun = `run:${ask.dto.runId}`;
  const keys = [
    `${onRun}:guardian:${ask.identity.userId}`,
    ...familyScopeOf(ask.identity).pupilIds.map((pupilId) => `${onRun}:pupil:${pupilId}`),
  ];
  return ask.idempotencyKey ? [...keys, `key:${ask.identity.userId}:${ask.idempotencyKey}`] : keys;
}

function keyScopeOf(ask: BookingAsk): IdempotencyScope {
  return {
    tenantId: ask.identity.tenantId,
    callerId: ask.identity.userId,
    operation: 'create-transport-booking',
    key: ask.idempotencyKey,
    request: ask.dto,
  };
}
