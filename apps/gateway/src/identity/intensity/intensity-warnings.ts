import type { EventEnvelope } from '@tutti/contracts';
import { afterCommit } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
import type { Mailer } from '../mail/mailer';
import { intensityWarningMail } from './intensity-warning-mail';
import { headteacherContacts } from './intensity-warnings.queries';

/**
 * Scheduling warned that a class fell below the area's weekly target two teaching weeks in a row:
 * each active headteacher of its school is mailed, once the event is recorded as processed (a
 * redelivered event is not applied again, so not mailed again).
 */
export async function mailIntensityWarning(
  mailer: Mailer,
  event: EventEnvelope<'scheduling.intensity.flagged'>,
  manager: EntityManager,
): Promise<void> {
  const { areaName, headteachers } = await headteacherContacts(manager, event.tenantId, event.payload.schoolId);
  afterCommit(manager, async () => {
    for (const head of headteachers)
      mailer.sendInBackground(() => intensityWarningMail(head, areaName, event.payload), 'intensity warning');
  });
}
