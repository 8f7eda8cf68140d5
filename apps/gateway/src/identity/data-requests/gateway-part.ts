import type { DataRequestActionV1, RetentionScheduleV1 } from '@tutti/contracts';
import type { Queryable } from '@tutti/platform';
import {
  anonymiseAccount,
  deleteCredentials,
  expireAuditEntries,
  forgetExportsOf,
  forgetSessions,
  subjectAccount,
  subjectAuditEntries,
  subjectGrants,
  subjectGuardianLinks,
  subjectSessions,
} from './gateway-part.queries';
import type { SubjectType } from './data-requests.queries';

export interface GatewayPart {
  records: Record<string, unknown[]>;
  actions: DataRequestActionV1[];
}

/** Why the gateway keeps the audit entries about an erased subject. */
export const AUDIT_KEPT_REASON =
  'The record of who saw or changed this person’s data, and when, is the area’s evidence that it handled the data lawfully ' +
  '(UK GDPR Art. 5(2), accountability). It holds ids, not names, and is deleted when the retention schedule’s audit period ends.';
const LINKS_KEPT_REASON =
  'Keys only (account and pupil ids, relationship): the other guardian’s access and the other services’ records stay true. No name is stored on a link.';

/** Everything the gateway holds about the subject: the account (a guardian's), grants, sign-ins, guardian links, audit entries. */
export async function gatewayExport(db: Queryable, tenantId: string, subject: { type: SubjectType; id: string }): Promise<GatewayPart> {
  const records: Record<string, unknown[]> = {};
  if (subject.type === 'guardian') {
    records.account = await subjectAccount(db, tenantId, subject.id);
    records.grants = await subjectGrants(db, tenantId, subject.id);
    records.signIns = await subjectSessions(db, tenantId, subject.id);
  }
  records.guardianLinks = await subjectGuardianLinks(db, tenantId, subject);
  records.auditEntries = await subjectAuditEntries(db, tenantId, subject.id);
  return { records: plain(records), actions: [] };
}

/**
 * Erases what the gateway holds: a guardian's account gets the pseudonym for a name and an address
 * that cannot receive mail, loses its mobile number and password and is disabled; its sign-ins are
 * ended and their IP addresses forgotten. Guardian links and audit entries are kept (why: the actions say).
 * What earlier exports of the subject collected is emptied (the requests and their counts stay). A pupil's
 * name is otherwise not held by the gateway. Running it again changes nothing more.
 */
export async function gatewayErasure(
  db: Queryable,
  tenantId: string,
  subject: { type: SubjectType; id: string },
  pseudonym: string,
): Promise<GatewayPart> {
  const actions: DataRequestActionV1[] = [];
  if (subject.type === 'guardian') {
    actions.push({
      what: 'account name, email address and mobile number',
      rows: await anonymiseAccount(db, tenantId, subject.id, pseudonym),
      action: 'anonymised',
      reason: null,
    });
    actions.push({ what: 'password', rows: await deleteCredentials(db, tenantId, subject.id), action: 'deleted', reason: null });
    actions.push({
      what: 'sign-ins (IP address and browser)',
      rows: await forgetSessions(db, tenantId, subject.id),
      action: 'anonymised',
      reason: null,
    });
  }
  actions.push({
    what: 'earlier exports kept for download',
    rows: await forgetExportsOf(db, tenantId, subject.id),
    action: 'deleted',
    reason: null,
  });
  actions.push({
    what: 'guardian links',
    rows: (await subjectGuardianLinks(db, tenantId, subject)).length,
    action: 'kept',
    reason: LINKS_KEPT_REASON,
  });
  actions.push({
    what: 'audit entries',
    rows: (await subjectAuditEntries(db, tenantId, subject.id)).length,
    action: 'kept',
    reason: AUDIT_KEPT_REASON,
  });
  return { records: {}, actions };
}

/** The first instant an audit entry is kept for, applying the schedule as of `asOf` (YYYY-MM-DD). */
export function auditCutoff(asOf: string, schedule: Pick<RetentionScheduleV1, 'auditYears'>): Date {
  const [year, month, day] = asOf.split('-').map(Number);
  return new Date(Date.UTC(year - schedule.auditYears, month - 1, day));
}

/** Retention at the gateway: audit entries older than the schedule's audit period are deleted (or, in a dry run, counted). */
export async function gatewayRetention(
  db: Queryable,
  tenantId: string,
  schedule: RetentionScheduleV1,
  asOf: string,
  dryRun: boolean,
): Promise<GatewayPart> {
  const cutoff = auditCutoff(asOf, schedule);
  const rows = await expireAuditEntries(db, tenantId, cutoff, dryRun);
  return {
    records: {},
    actions: [
      {
        what: 'audit entries',
        rows,
        action: 'deleted',
        reason: `older than ${schedule.auditYears} years (before ${cutoff.toISOString().slice(0, 10)})${dryRun ? ': dry run, nothing deleted' : ''}`,
      },
    ],
  };
}

/** Dates as ISO strings, as the export's JSON carries them. */
function plain(records: Record<string, unknown[]>): Record<string, unknown[]> {
  return JSON.parse(JSON.stringify(records)) as Record<string, unknown[]>;
}
