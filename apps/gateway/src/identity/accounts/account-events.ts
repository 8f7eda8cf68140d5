import type { AccountContactV1 } from '@tutti/contracts';
import { publishEvent } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
import type { GuardianLinkRow } from '../guardians/guardian-links.queries';
import type { AccountRow } from './accounts.queries';

function contactOf(account: AccountRow): AccountContactV1 {
  return { accountId: account.id, email: account.email, displayName: account.displayName, preferredLanguage: account.preferredLanguage };
}

/** Tells parent engagement that the account is a pupil's guardian, with how to reach them, in the link's transaction. */
export async function publishGuardianLinked(manager: EntityManager, account: AccountRow, link: GuardianLinkRow): Promise<void> {
  await publishEvent(manager, {
    source: 'gateway',
    type: 'identity.guardian.linked',
    tenantId: account.tenantId,
    payload: { version: 1, ...contactOf(account), guardianLinkId: link.id, pupilId: link.pupilId, schoolId: link.schoolId },
  });
}

/** The account as it now is, after a change of name, language or status, in the change's transaction. */
export async function publishAccountUpdated(manager: EntityManager, account: AccountRow): Promise<void> {
  await publishEvent(manager, {
    source: 'gateway',
    type: 'identity.account.updated',
    tenantId: account.tenantId,
    payload: { version: 1, ...contactOf(account), status: account.status },
  });
}
