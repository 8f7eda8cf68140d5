import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hasRole, type Identity } from '@tutti/auth';
import { afterCommit, recordAudit, ReminderScheduler, type AuditOrigin, type AuditSubject } from '@tutti/messaging';
import {
  addDays,
  ConflictProblem,
  decodeCursor,
  isoDate,
  isUniqueViolation,
  newId,
  onceForKey,
  PLANNING_TIME_ZONE,
  todayIn,
  toPage,
  ValidationProblem,
  zonedDateTime,
  type Queryable,
} from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { canActForPupilAsStaff, canSeeLoan, loanVisibility } from '../common/access';
import { auditContext, emit } from '../common/events';
import { lockLookedAfterInstrument, type LookedAfterInstrument } from '../instruments/instrument-access';
import { pupilPlace, type PupilPlaceRecord } from '../pupils/pupils.queries';
import { openTicketOf } from '../repairs/repairs.queries';
import type {
  CheckOutDto,
  LoanDto,
  LoanListQueryDto,
  LoanPageDto,
  ProblemReportDto,
  ProblemReportResultDto,
  ReturnLoanDto,
  SwapLoanDto,
  SwapResultDto,
} from './dto/loan.dto';
import { toLoanDto } from './loan-row';
import {
  bringInstrumentBack,
  clearLoanFlag,
  endLoan,
  insertLoan,
  insertProblemReport,
  listLoans,
  loanById,
  lockLoan,
  takeInstrumentOut,
  type LoanRecord,
} from './loans.queries';

export const OVERDUE_REMINDER_KIND = 'loan.overdue-check';

type PupilRecord = PupilPlaceRecord;

function requireStillEnrolled(pupil: PupilRecord): void {
  if (pupil.left_on)
    throw new ConflictProblem('This pupil has left the programme.', [{ pupilId: pupil.id, leftOn: isoDate(pupil.left_on) }]);
}

/** What a check-out needs beyond the request: who the pupil is, who acts. */
interface CheckOutInput extends Omit<CheckOutDto, 'pupilId'> {
  pupil: PupilRecord;
  actorId: string;
}

@Injectable()
export class LoansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reminders: ReminderScheduler,
  ) {}

  async checkOut(identity: Identity, input: CheckOutDto, idempotencyKey: string | undefined, origin: AuditOrigin): Promise<LoanDto> {
    const tenantId = identity.tenantId;
    this.requireDueDateAhead(input.dueOn);
    return this.dataSource.transaction((manager) =>
      onceForKey(
        manager,
        { tenantId, callerId: identity.userId, operation: 'check-out', key: idempotencyKey, request: input },
        async () => {
          // Who may see the pupil and the instrument is decided before anything is said of their state.
          const pupil = await this.staffPupil(manager, identity, input.pupilId);
          const instrument = await lockLookedAfterInstrument(manager, identity, input.instrumentId);
          requireStillEnrolled(pupil);
          const loan = await this.checkOutIn(manager, tenantId, instrument, { ...input, pupil, actorId: identity.userId });
          await recordAudit(manager, auditContext(identity, origin), {
            action: 'create',
            subjectType: 'loan',
            subjectId: loan.id,
            detail: { change: 'check-out' },
          });
          return loan;
        },
      ),
    );
  }

  /**
   * Takes the instrument (locked, and looked after by the caller) from 'available' to 'on_loan'
   * with a conditional UPDATE, so that of many concurrent check-outs exactly one wins; the partial
   * unique index on active loans backs it up. The overdue check's job is queued once the caller's
   * transaction commits.
   */
  private async checkOutIn(
    manager: EntityManager,
    tenantId: string,
    lookedAfter: LookedAfterInstrument,
    input: CheckOutInput,
  ): Promise<LoanDto> {
    if (lookedAfter.instrument.status !== 'available') return this.explainUnavailable(manager, tenantId, lookedAfter);
    const instrument = await takeInstrumentOut(manager, tenantId, input.instrumentId);
    if (!instrument)
      throw new ConflictProblem('This instrument is already out on loan.', [{ instrumentId: input.instrumentId, status: 'on_loan' }]);
    const loanId = newId();
    try {
      await insertLoan(manager, tenantId, {
        id: loanId,
        instrumentId: input.instrumentId,
        pupilId: input.pupil.id,
        schoolId: input.pupil.school_id,
        dueOn: input.dueOn,
        accessories: input.accessories ?? [],
        conditionOut: input.conditionOut,
        agreedByName: input.agreement.agreedByName,
        agreedByUserId: input.agreement.agreedByUserId ?? null,
        agreedAt: input.agreement.agreedAt,
        termsVersion: input.agreement.termsVersion,
        conditionEnsembleId: input.condition?.ensembleId ?? null,
        conditionNote: input.condition?.note ?? null,
        checkedOutBy: input.actorId,
      });
    } catch (error) {
      if (isUniqueViolation(error, 'loans_one_active_per_instrument'))
        throw new ConflictProblem('This instrument is already out on loan.', [{ instrumentId: input.instrumentId, status: 'on_loan' }]);
      throw error;
    }
    const loan = await this.loadLoan(manager, tenantId, loanId);
    await emit(manager, 'loan.loan.started', tenantId, {
      version: 1,
      loanId,
      instrumentId: instrument.id,
      assetTag: instrument.asset_tag,
      instrumentType: instrument.type,
      size: instrument.size,
      pupilId: input.pupil.id,
      schoolId: input.pupil.school_id,
      dueOn: input.dueOn,
      startedAt: loan.startedAt,
      termsVersion: input.agreement.termsVersion,
    });
    const reminder = await this.reminders.schedule(manager, {
      tenantId,
      kind: OVERDUE_REMINDER_KIND,
      recipientId: input.pupil.id,
      subjectType: 'loan',
      subjectId: loanId,
      dueAt: zonedDateTime(addDays(input.dueOn, 1), '09:00', PLANNING_TIME_ZONE),
    });
    afterCommit(manager, () => this.reminders.syncJobs({ staleJobIds: [], toEnqueue: [reminder] }));
    return loan;
  }

  /** Why the instrument (which the caller looks after) cannot go out: 409 naming its state. */
  private async explainUnavailable(
    manager: EntityManager,
    tenantId: string,
    { instrument, activeLoan }: LookedAfterInstrument,
  ): Promise<never> {
    const instrumentId = instrument.id;
    if (instrument.status === 'in_repair') {
      const ticket = await openTicketOf(manager, tenantId, instrumentId);
      throw new ConflictProblem(
        `Instrument ${instrument.asset_tag} is in repair${ticket ? ` (${ticket.fault}, since ${isoDate(ticket.opened_on)})` : ''}; it can go out once the repair is closed.`,
        [
          {
            instrumentId,
            assetTag: instrument.asset_tag,
            status: 'in_repair',
            repairTicketId: ticket?.id ?? null,
            fault: ticket?.fault ?? null,
          },
        ],
      );
    }
    if (instrument.status === 'on_loan') {
      throw new ConflictProblem(
        `Instrument ${instrument.asset_tag} is already out on loan${activeLoan ? ` until ${isoDate(activeLoan.due_on)}` : ''}.`,
        [{ instrumentId, assetTag: instrument.asset_tag, status: 'on_loan', loanId: activeLoan?.id ?? null }],
      );
    }
    throw new ConflictProblem(`Instrument ${instrument.asset_tag} is ${instrument.status} and cannot go out.`, [
      { instrumentId, assetTag: instrument.asset_tag, status: instrument.status },
    ]);
  }

  async returnLoan(identity: Identity, loanId: string, input: ReturnLoanDto, origin: AuditOrigin): Promise<LoanDto> {
    const tenantId = identity.tenantId;
    return this.dataSource.transaction(async (manager) => {
      const current = await this.staffLoanForUpdate(manager, identity, loanId);
      const returned = await this.returnIn(manager, tenantId, current, {
        outcome: 'returned',
        conditionIn: input.conditionIn,
        notes: input.notes ?? null,
        actorId: identity.userId,
      });
      await recordAudit(manager, auditContext(identity, origin), {
        action: 'update',
        subjectType: 'loan',
        subjectId: loanId,
        detail: { change: 'return' },
      });
      return returned;
    });
  }

  /** Ends an active loan and frees (or writes off) its instrument, in the caller's transaction; its reminders' jobs go once that commits. */
  private async returnIn(
    manager: EntityManager,
    tenantId: string,
    current: LoanRecord,
    input: { outcome: 'returned' | 'swapped' | 'lost'; conditionIn: string | null; notes: string | null; actorId: string },
  ): Promise<LoanDto> {
    const ended = await endLoan(manager, tenantId, current.id, input);
    if (!ended)
      throw new ConflictProblem('This loan has already ended.', [
        { loanId: current.id, returnedAt: current.returned_at?.toISOString() ?? null },
      ]);
    await bringInstrumentBack(manager, tenantId, current.instrument_id, input.outcome === 'lost' ? 'lost' : 'available', input.conditionIn);
    await emit(manager, 'loan.loan.returned', tenantId, {
      version: 1,
      loanId: current.id,
      instrumentId: current.instrument_id,
      pupilId: current.pupil_id,
      returnedAt: ended.returned_at.toISOString(),
      outcome: input.outcome,
      conditionIn: input.conditionIn,
    });
    const changes = await this.reminders.cancelForSubjectIn(manager, tenantId, 'loan', current.id);
    afterCommit(manager, () => this.reminders.syncJobs(changes));
    return this.loadLoan(manager, tenantId, current.id);
  }

  /** A size upgrade: the old instrument comes back and the new one goes out, both or neither. */
  async swap(identity: Identity, loanId: string, input: SwapLoanDto, origin: AuditOrigin): Promise<SwapResultDto> {
    const tenantId = identity.tenantId;
    if (input.dueOn) this.requireDueDateAhead(input.dueOn);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.staffLoanForUpdate(manager, identity, loanId);
      if (current.instrument_id === input.newInstrumentId) {
        throw new ValidationProblem([
          { field: 'newInstrumentId', rule: 'different', message: 'newInstrumentId must be another instrument than the one on loan' },
        ]);
      }
      const next = await lockLookedAfterInstrument(manager, identity, input.newInstrumentId);
      const returned = await this.returnIn(manager, tenantId, current, {
        outcome: 'swapped',
        conditionIn: input.conditionIn,
        notes: 'size swap',
        actorId: identity.userId,
      });
      const started = await this.checkOutIn(manager, tenantId, next, {
        instrumentId: input.newInstrumentId,
        pupil: { id: current.pupil_id, school_id: current.school_id, left_on: null },
        dueOn: input.dueOn ?? (isoDate(current.due_on) as string),
        accessories: input.accessories ?? current.accessories,
        conditionOut: input.conditionOut,
        agreement: {
          agreedByName: current.agreed_by_name,
          agreedByUserId: current.agreed_by_user_id ?? undefined,
          agreedAt: current.agreed_at.toISOString(),
          termsVersion: current.terms_version,
        },
        condition: current.condition_ensemble_id
          ? { ensembleId: current.condition_ensemble_id, note: current.condition_note ?? undefined }
          : undefined,
        actorId: identity.userId,
      });
      await recordAudit(manager, auditContext(identity, origin), [
        { action: 'update', subjectType: 'loan', subjectId: loanId, detail: { change: 'swap', newLoanId: started.id } },
        { action: 'create', subjectType: 'loan', subjectId: started.id, detail: { change: 'swap', previousLoanId: loanId } },
      ]);
      return { returned, started };
    });
  }

  /** Damage or loss, from a guardian (own child only) or staff. A loss ends the loan and writes the instrument off. */
  async reportProblem(identity: Identity, loanId: string, input: ProblemReportDto, origin: AuditOrigin): Promise<ProblemReportResultDto> {
    const tenantId = identity.tenantId;
    const visibility = loanVisibility(identity);
    return this.dataSource.transaction(async (manager) => {
      const current = await lockLoan(manager, tenantId, loanId);
      if (!current || !canSeeLoan(visibility, { schoolId: current.school_id, pupilId: current.pupil_id }))
        throw new NotFoundException('No such loan.');
      if (current.returned_at)
        throw new ConflictProblem('This loan has already ended; report problems with the instrument to the programme.', [
          { loanId, returnedAt: current.returned_at.toISOString() },
        ]);
      const reporterRole =
        visibility.pupilIds.includes(current.pupil_id) && !canActForPupilAsStaff(identity, current.school_id) ? 'guardian' : 'staff';
      const stored = await insertProblemReport(manager, tenantId, {
        id: newId(),
        loanId,
        kind: input.kind,
        description: input.description,
        reportedBy: identity.userId,
        reporterRole,
      });
      let loan = toLoanDto(current);
      if (input.kind === 'lost') {
        loan = await this.returnIn(manager, tenantId, current, {
          outcome: 'lost',
          conditionIn: null,
          notes: input.description,
          actorId: identity.userId,
        });
      }
      await recordAudit(manager, auditContext(identity, origin), {
        action: 'update',
        subjectType: 'loan',
        subjectId: loanId,
        detail: { change: 'problem-report', kind: input.kind, reportId: stored.id },
      });
      return { id: stored.id, kind: input.kind, reportedAt: stored.reported_at.toISOString(), loan };
    });
  }

  /** Staff have reviewed a flagged conditional loan and keep it going. */
  async clearFlag(identity: Identity, loanId: string, origin: AuditOrigin): Promise<LoanDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.staffLoanForUpdate(manager, identity, loanId);
      if (!current.flagged_at) throw new ConflictProblem('This loan is not flagged for review.', [{ loanId, flaggedAt: null }]);
      await clearLoanFlag(manager, identity.tenantId, loanId);
      await recordAudit(manager, auditContext(identity, origin), {
        action: 'update',
        subjectType: 'loan',
        subjectId: loanId,
        detail: { change: 'review-cleared' },
      });
      return this.loadLoan(manager, identity.tenantId, loanId);
    });
  }

  async get(identity: Identity, loanId: string, origin: AuditOrigin): Promise<LoanDto> {
    const row = await loanById(this.dataSource, identity.tenantId, loanId);
    if (!row || !canSeeLoan(loanVisibility(identity), { schoolId: row.school_id, pupilId: row.pupil_id }))
      throw new NotFoundException('No such loan.');
    await this.auditReads(identity, origin, [row]);
    return toLoanDto(row);
  }

  /** A guardian's view of their children's loans and any list of one pupil's loans are reads of that pupil's loans. */
  async list(identity: Identity, query: LoanListQueryDto, origin: AuditOrigin): Promise<LoanPageDto> {
    const after = decodeCursor(query.cursor, ['uuid']);
    const found = await listLoans(this.dataSource, identity.tenantId, loanVisibility(identity), query, after?.[0], query.limit + 1);
    const page = toPage(found, query.limit, toLoanDto, (row) => [row.id]);
    if (query.pupilId || hasRole(identity, 'guardian')) await this.auditReads(identity, origin, page.items);
    return page;
  }

  private async auditReads(identity: Identity, origin: AuditOrigin, loans: readonly { id: string }[]): Promise<void> {
    if (loans.length === 0) return;
    const entries = loans.map((loan): AuditSubject => ({ action: 'read', subjectType: 'loan', subjectId: loan.id }));
    await this.dataSource.transaction((manager) => recordAudit(manager, auditContext(identity, origin), entries));
  }

  loadLoan(manager: Queryable, tenantId: string, loanId: string): Promise<LoanDto> {
    return loanById(manager, tenantId, loanId).then((row) => {
      if (!row) throw new NotFoundException('No such loan.');
      return toLoanDto(row);
    });
  }

  /** A pupil this staff caller may lend to; 404 for unknown pupils and pupils of other schools. */
  async staffPupil(manager: Queryable, identity: Identity, pupilId: string): Promise<PupilRecord> {
    const pupil = await pupilPlace(manager, identity.tenantId, pupilId);
    if (!pupil || !canActForPupilAsStaff(identity, pupil.school_id)) throw new NotFoundException('No such pupil.');
    return pupil;
  }

  /** The loan, locked, if this staff caller may act on it; 404 otherwise (guardians included). */
  private async staffLoanForUpdate(manager: EntityManager, identity: Identity, loanId: string): Promise<LoanRecord> {
    const row = await lockLoan(manager, identity.tenantId, loanId);
    if (
      !row ||
      !hasRole(identity, 'programme_admin', 'headteacher', 'tutor', 'school_staff') ||
      !canActForPupilAsStaff(identity, row.school_id)
    ) {
      throw new NotFoundException('No such loan.');
    }
    return row;
  }

  private requireDueDateAhead(dueOn: string): void {
    if (dueOn <= todayIn(PLANNING_TIME_ZONE))
      throw new ValidationProblem([{ field: 'dueOn', rule: 'future', message: 'dueOn must be after today' }]);
  }
}
