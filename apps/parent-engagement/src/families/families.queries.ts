import { eventIsNewerSql } from '@tutti/messaging';
import { oneRow, rows, type Queryable } from '@tutti/platform';

/** How a family is reached: its contact and the channels it allows. */
export interface GuardianContact {
  guardian_id: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  language: string;
  email_enabled: boolean;
  sms_enabled: boolean;
}

export interface FamilyRow extends GuardianContact {
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
  version: number;
  children: { pupilId: string; schoolId: string }[];
}

export interface QuietHoursRow {
  guardian_id: string;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
}

const FAMILY_SELECT = `
  SELECT f.*, COALESCE((SELECT json_agg(json_build_object('pupilId', c.pupil_id, 'schoolId', c.school_id) ORDER BY c.pupil_id)
                          FROM family_children c WHERE c.tenant_id = f.tenant_id AND c.guardian_id = f.guardian_id), '[]') AS children
    FROM families f`;

/** The account's contact (columns of `from`) over a family row; what the family chose itself stays. */
const accountContactSet = (from: string) => `
  display_name = ${from}.display_name, account_email = ${from}.account_email, account_language = ${from}.account_language,
  email = CASE WHEN families.email_chosen THEN families.email ELSE ${from}.account_email END,
  language = CASE WHEN families.language_chosen THEN families.language ELSE ${from}.account_language END,
  account_event_at = ${from}.account_event_at, account_event_id = ${from}.account_event_id, version = families.version + 1, updated_at = now()`;

export function familyById(db: Queryable, tenantId: string, guardianId: string): Promise<FamilyRow | undefined> {
  return oneRow<FamilyRow>(db, `${FAMILY_SELECT} WHERE f.tenant_id = $1 AND f.guardian_id = $2`, [tenantId, guardianId]);
}

/** A page of families by guardian id: all of them, or those with a child in one of `schoolIds`. */
export function familiesPage(
  db: Queryable,
  tenantId: string,
  filter: { allSchools: boolean; schoolIds: string[]; after: string | number | null; limit: number },
): Promise<FamilyRow[]> {
  return rows<FamilyRow>(
    db,
    `${FAMILY_SELECT}
      WHERE f.tenant_id = $1 AND ($2::boolean OR EXISTS (SELECT 1 FROM family_children c WHERE c.tenant_id = f.tenant_id AND c.guardian_id = f.guardian_id AND c.school_id = ANY($3::uuid[])))
        AND ($4::uuid IS NULL OR f.guardian_id > $4) ORDER BY f.guardian_id LIMIT $5`,
    [tenantId, filter.allSchools, filter.schoolIds, filter.after, filter.limit],
  );
}

/** The family row exists with the guardian's name as the identity has it now. */
export async function upsertFamilyName(db: Queryable, tenantId: string, guardianId: string, displayName: string): Promise<void> {
  await db.query(
    `INSERT INTO families (tenant_id, guardian_id, display_name) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, guardian_id) DO UPDATE SET display_name = EXCLUDED.display_name WHERE families.display_name <> EXCLUDED.display_name`,
    [tenantId, guardianId, displayName],
  );
}

/** The family's children become exactly these (with their schools). */
export async function replaceFamilyChildren(
  db: Queryable,
  tenantId: string,
  guardianId: string,
  children: readonly { pupilId: string; schoolId: string }[],
): Promise<void> {
  await db.query(`DELETE FROM family_children WHERE tenant_id = $1 AND guardian_id = $2 AND NOT (pupil_id = ANY($3::uuid[]))`, [
    tenantId,
    guardianId,
    children.map((child) => child.pupilId),
  ]);
  await db.query(
    `INSERT INTO family_children (tenant_id, guardian_id, pupil_id, school_id)
     SELECT $1, $2, p.pupil_id, p.school_id FROM unnest($3::uuid[], $4::uuid[]) AS p(pupil_id, school_id)
     ON CONFLICT (tenant_id, guardian_id, pupil_id) DO UPDATE SET school_id = EXCLUDED.school_id`,
    [tenantId, guardianId, children.map((child) => child.pupilId), children.map((child) => child.schoolId)],
  );
}

export interface ContactPreferences {
  email: string | null;
  phone: string | null;
  language: string;
  emailEnabled: boolean;
  smsEnabled: boolean;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
}

/**
 * The family's own contact choices, if its row is still at `expectedVersion` (any version when
 * null); undefined when it is not. No email, or the account's, follows the account (and its
 * changes); another address or language is the family's own choice.
 */
export function updateContactPreferences(
  db: Queryable,
  tenantId: string,
  guardianId: string,
  prefs: ContactPreferences,
  expectedVersion: number | null,
): Promise<{ version: number } | undefined> {
  return oneRow<{ version: number }>(
    db,
    `UPDATE families SET email = COALESCE($3, account_email), email_chosen = ($3::text IS NOT NULL AND lower($3) IS DISTINCT FROM lower(account_email)),
            phone = $4, language = $5, language_chosen = ($5 IS DISTINCT FROM COALESCE(account_language, 'en')),
            email_enabled = $6, sms_enabled = $7, quiet_hours_start = $8, quiet_hours_end = $9,
            version = version + 1, updated_at = now()
      WHERE tenant_id = $1 AND guardian_id = $2 AND ($10::int IS NULL OR version = $10) RETURNING version`,
    [
      tenantId,
      guardianId,
      prefs.email,
      prefs.phone,
      prefs.language,
      prefs.emailEnabled,
      prefs.smsEnabled,
      prefs.quietHoursStart,
      prefs.quietHoursEnd,
      expectedVersion,
    ],
  );
}

/** An account's contact as an identity event carries it, with the event's time and id (the newer event wins). */
export interface AccountContact {
  guardianId: string;
  displayName: string;
  email: string;
  language: string;
  eventAt: string;
  eventId: string;
}

/** The family exists from the guardian's link on, with the account's contact unless the family chose its own. */
export async function upsertFamilyFromAccount(db: Queryable, tenantId: string, contact: AccountContact): Promise<void> {
  await db.query(
    `INSERT INTO families (tenant_id, guardian_id, display_name, email, language, account_email, account_language, account_event_at, account_event_id)
     VALUES ($1, $2, $3, $4, $5, $4, $5, $6, $7)
     ON CONFLICT (tenant_id, guardian_id) DO UPDATE SET ${accountContactSet('EXCLUDED')} WHERE ${eventIsNewerSql('families.account_event', 'EXCLUDED.account_event_at', 'EXCLUDED.account_event_id')}`,
    [tenantId, contact.guardianId, contact.displayName, contact.email, contact.language, contact.eventAt, contact.eventId],
  );
}

/** An account's new contact reaches its family, if it has one, unless the family chose its own. */
export async function updateFamilyFromAccount(db: Queryable, tenantId: string, contact: AccountContact): Promise<void> {
  await db.query(
    `UPDATE families SET ${accountContactSet('new')}
       FROM (SELECT $3::text AS display_name, $4::text AS account_email, $5::text AS account_language, $6::timestamptz AS account_event_at, $7::uuid AS account_event_id) new
      WHERE families.tenant_id = $1 AND families.guardian_id = $2 AND ${eventIsNewerSql('families.account_event', 'new.account_event_at', 'new.account_event_id')}`,
    [tenantId, contact.guardianId, contact.displayName, contact.email, contact.language, contact.eventAt, contact.eventId],
  );
}

/** The quiet hours of these guardians' families (none for a guardian without a family row). */
export function familiesQuietHours(db: Queryable, tenantId: string, guardianIds: readonly string[]): Promise<QuietHoursRow[]> {
  return rows<QuietHoursRow>(
    db,
    'SELECT guardian_id, quiet_hours_start, quiet_hours_end FROM families WHERE tenant_id = $1 AND guardian_id = ANY($2::uuid[])',
    [tenantId, guardianIds],
  );
}

/** The families known to have this pupil as a child, by guardian. */
export function pupilGuardians(db: Queryable, tenantId: string, pupilId: string): Promise<GuardianContact[]> {
  return rows<GuardianContact>(
    db,
    `SELECT f.guardian_id, f.display_name, f.email, f.phone, f.language, f.email_enabled, f.sms_enabled
       FROM family_children c JOIN families f ON f.tenant_id = c.tenant_id AND f.guardian_id = c.guardian_id
      WHERE c.tenant_id = $1 AND c.pupil_id = $2 ORDER BY f.guardian_id`,
    [tenantId, pupilId],
  );
}
