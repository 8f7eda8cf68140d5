import type { DynamicModule } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { MessagingModule, type EventHandlers, type ReminderDeliverers, type ReminderRow } from '@tutti/messaging';
import type { ParentEngagementConfig } from '../config';
import { FamiliesService } from '../families/families.service';
import { LoanNotices } from '../loans/loan-notices.service';
import { PerformancesService } from '../performances/performances.service';
import { AnnouncementsService } from '../announcements/announcements.service';
import { MessageDelivery } from '../reminders/message-delivery.service';
import { RosterService } from '../roster/roster.service';
import { ANNOUNCEMENT_KIND, LOAN_MESSAGE_KINDS, MESSAGE_KINDS, OFFER_EXPIRY_KIND } from '../reminders/reminder-kinds';
import { TenantSettingsService } from '../tenant-settings/tenant-settings.service';
import { TransportBookingsService } from '../transport/transport-bookings.service';

/** Providers are looked up when an event or reminder arrives, after the app is built (they need the scheduler this module makes). */
type Resolve = <T>(type: new (...args: never[]) => T) => T;

export function engagementEventHandlers(resolve: Resolve): EventHandlers {
  return {
    'identity.tenant.created': (event, manager) => resolve(TenantSettingsService).applyTenantChanged(event, manager),
    'identity.tenant.updated': (event, manager) => resolve(TenantSettingsService).applyTenantChanged(event, manager),
    'identity.guardian.linked': (event, manager) => resolve(FamiliesService).applyGuardianLinked(event, manager),
    'identity.account.updated': (event, manager) => resolve(FamiliesService).applyAccountUpdated(event, manager),
    'performance.performance.published': (event, manager) => resolve(PerformancesService).applySchedule(event, manager),
    'performance.performance.rescheduled': (event, manager) => resolve(PerformancesService).applySchedule(event, manager),
    'performance.performance.cancelled': (event, manager) => resolve(PerformancesService).applyCancelled(event, manager),
    'scheduling.pupil.enrolled': (event, manager) => resolve(RosterService).applyPupilEnrolled(event, manager),
    'scheduling.pupil.moved': (event, manager) => resolve(RosterService).applyPupilMoved(event, manager),
    'scheduling.pupil.left': (event, manager) => resolve(RosterService).applyPupilLeft(event, manager),
    'scheduling.ensemble.membership-changed': (event, manager) => resolve(RosterService).applyEnsembleMembers(event, manager),
    'loan.loan.started': (event, manager) => resolve(LoanNotices).applyStarted(event, manager),
    'loan.loan.returned': (event, manager) => resolve(LoanNotices).applyReturned(event, manager),
    'loan.loan.overdue': (event, manager) => resolve(LoanNotices).applyOverdue(event, manager),
    'loan.loan.flagged': (event, manager) => resolve(LoanNotices).applyFlagged(event, manager),
  };
}

export function engagementReminderDeliverers(resolve: Resolve): ReminderDeliverers {
  const messages = { deliver: (reminder: Parameters<MessageDelivery['deliver']>[0]) => resolve(MessageDelivery).deliver(reminder) };
  return {
    ...Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, messages])),
    [OFFER_EXPIRY_KIND]: { deliver: (reminder) => resolve(TransportBookingsService).expireOffer(reminder) },
    ...Object.fromEntries(LOAN_MESSAGE_KINDS.map((kind) => [kind, { deliver: (reminder: ReminderRow) => resolve(LoanNotices).deliver(reminder) }])),
    [ANNOUNCEMENT_KIND]: { deliver: (reminder) => resolve(AnnouncementsService).deliver(reminder) },
  };
}

/** Messaging for the whole app (global, so that every feature module gets the ReminderScheduler). */
export function engagementMessagingModule(config: ParentEngagementConfig): DynamicModule {
  return {
    ...MessagingModule.forServiceAsync({
      inject: [ModuleRef],
      useFactory: (moduleRef: ModuleRef) => {
        const resolve: Resolve = (type) => moduleRef.get(type, { strict: false });
        return {
          service: 'parent-engagement',
          redis: config.REDIS_URL,
          queuePrefix: config.QUEUE_PREFIX,
          runWorkers: config.runsWorkers,
          handlers: engagementEventHandlers(resolve),
          reminderDeliverers: engagementReminderDeliverers(resolve),
        };
      },
    }),
    global: true,
  };
}
