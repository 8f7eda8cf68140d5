import type { EventEnvelope } from '@tutti/contracts';
import { afterCommit } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
import type { Mailer } from '../mail/mailer';
import { safeguardingFlagMail } from './safeguarding-flag-mail';
import { programmeAdminContacts } from './safeguarding-flags.queries';

/**
 * Scheduling flagged someone rostered with children whose DBS check or training runs out in 30 days
 * or ran out today: each active programme admin of the area is mailed, once the event is recorded
 * as processed (a redelivered event is not applied again, so not mailed again).
 */
export async function mailSafeguardingFlag(
  mailer: Mailer,
  event: EventEnvelope<'scheduling.safeguarding.flagged'>,
  manager: EntityManager,
): Promise<void> {
  const { areaName, admins } = await programmeAdminContacts(manager, event.tenantId);
  afterCommit(manager, async () => {
    for (const admin of admins) mailer.sendInBackground(() => safeguardingFlagMail(admin, areaName, event.payload), 'safeguarding flag');
  });
}
