import { Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@tutti/contracts';
import {
  afterCommit,
  DeliversReminder,
  HandlesEvent,
  ReminderScheduler,
  reminderDeliveryKey,
  type ReminderDeliverer,
  type ReminderRow,
  type ScheduleReminderInput,
} from '@tutti/messaging';
import { zonedInstant } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { pupilGuardians } from '../families/families.queries';
import { MessageDelivery } from '../reminders/message-delivery.service';
import { LOAN_MESSAGE_KINDS, LOAN_SUBJECT, type LoanMessageKind } from '../reminders/reminder-kinds';
import { areaTranslator } from '../message-overrides/area-translator';
import { pupilSchools } from '../message-overrides/message-settings.queries';
import { renderLoanMessage } from '../reminders/templates';
import { TenantSettingsService } from '../tenant-settings/tenant-settings.service';
import { loanNoticeRecorded, startedInstrumentType } from './loan-notices.queries';

/** The return-due reminder goes out at this local hour on the day before the due date. */
const RETURN_REMINDER_HOUR = 9;

/**
 * Tells families about their child's instrument loan (from instrument-loan's events). Each message is
 * a reminder addressed to the pupil (subject: the loan); the guardians are looked up when it is sent,
 * so a family that signs in to Tutti only after the loan started is still told.
 */
@Injectable()
export class LoanNotices implements ReminderDeliverer {
  private readonly logger = new Logger(LoanNotices.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: ReminderScheduler,
    private readonly settings: TenantSettingsService,
    private readonly delivery: MessageDelivery,
  ) {}

  /** A "return due" message at 09:00 local time the day before the due date (at once if that has passed; none if the date has). */
  @HandlesEvent('loan.loan.started')
  async applyStarted(event: EventEnvelope<'loan.loan.started'>, manager: EntityManager): Promise<void> {
    const { tenantId, payload } = event;
    const now = new Date();
    if (!payload.dueOn) return;
    if (await loanNoticeRecorded(manager, tenantId, payload.loanId, 'loan.return-due')) return;
    const { timeZone } = await this.settings.settingsOf(manager, tenantId);
    const [year, month, day] = payload.dueOn.split('-').map(Number);
    const endOfDueDay = zonedInstant(year, month, day + 1, 0, 0, timeZone);
    if (endOfDueDay <= now) {
      this.logger.log(`No return reminder for loan ${payload.loanId}: its due date ${payload.dueOn} has passed`);
      return;
    }
    const dayBefore = zonedInstant(year, month, day - 1, RETURN_REMINDER_HOUR, 0, timeZone);
    const details = { loanId: payload.loanId, instrumentType: payload.instrumentType, assetTag: payload.assetTag, dueOn: payload.dueOn };
    await this.schedule(
      manager,
      this.notice(tenantId, 'loan.return-due', payload.pupilId, payload.loanId, dayBefore > now ? dayBefore : now, details),
    );
  }

  @HandlesEvent('loan.loan.returned')
  async applyReturned(event: EventEnvelope<'loan.loan.returned'>, manager: EntityManager): Promise<void> {
    const changes = await this.scheduler.cancelForSubjectIn(manager, event.tenantId, LOAN_SUBJECT, event.payload.loanId);
    afterCommit(manager, () => this.scheduler.syncJobs(changes));
  }

  /** Once per loan and due date (a loan given a new date and overdue again is told again). */
  @HandlesEvent('loan.loan.overdue')
  async applyOverdue(event: EventEnvelope<'loan.loan.overdue'>, manager: EntityManager): Promise<void> {
    const { tenantId, payload } = event;
    if (await loanNoticeRecorded(manager, tenantId, payload.loanId, 'loan.overdue', payload.dueOn)) return;
    const details = { loanId: payload.loanId, instrumentType: payload.instrumentType, assetTag: payload.assetTag, dueOn: payload.dueOn };
    await this.schedule(manager, this.notice(tenantId, 'loan.overdue', payload.pupilId, payload.loanId, new Date(), details));
  }

  @HandlesEvent('loan.loan.flagged')
  async applyFlagged(event: EventEnvelope<'loan.loan.flagged'>, manager: EntityManager): Promise<void> {
    const { tenantId, payload } = event;
    // The flag names no instrument: take it from what the loan's start told us, if we heard it.
    const details = {
      loanId: payload.loanId,
      reason: payload.reason,
      instrumentType: await startedInstrumentType(manager, tenantId, payload.loanId),
    };
    await this.schedule(manager, this.notice(tenantId, 'loan.flagged', payload.pupilId, payload.loanId, new Date(), details));
  }

  @DeliversReminder(...LOAN_MESSAGE_KINDS)
  async deliver(reminder: ReminderRow): Promise<void> {
    if (!isLoanMessageKind(reminder.kind)) throw new Error(`Not a loan message: ${reminder.kind}`);
    const guardians = await pupilGuardians(this.dataSource, reminder.tenantId, reminder.recipientId);
    if (guardians.length === 0) {
      this.logger.warn(`Reminder ${reminder.id} (${reminder.kind}) not sent: no family of the pupil is known to parent-engagement yet`);
      return;
    }
    const { payload } = reminder;
    const instrumentType = typeof payload.instrumentType === 'string' ? payload.instrumentType : 'instrument';
    const instrument = typeof payload.assetTag === 'string' ? `${instrumentType} (${payload.assetTag})` : instrumentType;
    // Replies about the child's loan reach the child's school's office, when it named one.
    const schools = await pupilSchools(this.dataSource, reminder.tenantId, reminder.recipientId);
    for (const guardian of guardians) {
      const translator = await areaTranslator(this.dataSource, reminder.tenantId, guardian.language);
      const message = renderLoanMessage(
        reminder.kind,
        translator,
        {
          familyName: guardian.display_name,
          instrument,
          dueOn: typeof payload.dueOn === 'string' ? formatDate(payload.dueOn, translator.locale) : undefined,
          reason: typeof payload.reason === 'string' ? payload.reason : undefined,
        },
        this.delivery.link,
      );
      await this.delivery.send(reminder.tenantId, guardian, message, `${reminderDeliveryKey(reminder)}.${guardian.guardian_id}`, schools);
    }
  }

  private notice(
    tenantId: string,
    kind: LoanMessageKind,
    pupilId: string,
    loanId: string,
    dueAt: Date,
    payload: Record<string, unknown>,
  ): ScheduleReminderInput {
    return { tenantId, kind, recipientId: pupilId, subjectType: LOAN_SUBJECT, subjectId: loanId, dueAt, payload };
  }

  private async schedule(manager: EntityManager, input: ScheduleReminderInput): Promise<void> {
    const reminder = await this.scheduler.schedule(manager, input);
    afterCommit(manager, () => this.scheduler.syncJobs({ staleJobIds: [], toEnqueue: [], newlyScheduled: [reminder] }));
  }
}

function isLoanMessageKind(kind: string): kind is LoanMessageKind {
  return (LOAN_MESSAGE_KINDS as readonly string[]).includes(kind);
}

/** A YYYY-MM-DD date as "Friday 12 December 2026" in the family's language. */
function formatDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
