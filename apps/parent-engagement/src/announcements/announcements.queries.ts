import { ALL_SCHOOLS, staffSchoolScope, type Identity } from '@tutti/auth';
import { oneRow, rows, type Queryable } from '@tutti/platform';
import { familyScopeCondition, familyScopeParams, type FamilyScope } from '../common/family-scope';
import { ACTIVE_BOOKING_STATUSES } from '../transport/seat-ledger.queries';
import type { Audience } from './dto/announcement.dto';

export interface AnnouncementRow {
  id: string;
  audience: Audience;
  school_id: string | null;
  performance_id: string | null;
  class_id: string | null;
  ensemble_id: string | null;
  delivery_counts?: { queued: number; sent: number; failed: number } | null;
  sender_name: string;
  subject: string;
  body: string;
  created_at: Date;
  /** Present when read for a caller who is a recipient: when they first opened it (null: not yet). */
  read_at?: Date | null;
  is_recipient?: boolean;
}

export interface DeliveryRow {
  guardian_id: string;
  family_name: string | null;
  status: string;
  error: string | null;
}

/** What one family's email of an announcement needs. */
export interface AnnouncementEmailRow {
  subject: string;
  body: string;
  sender_name: string;
  display_name: string | null;
  email: string | null;
  email_enabled: boolean | null;
  language: string | null;
  /** The school a school announcement is from, or the performance one is about: whose office the family's reply reaches. */
  school_id: string | null;
  performance_id: string | null;
}

/**
 * SQL condition: staff see announcement `a` (its text and deliveries): the programme admin every
 * one, others those they sent and those to their schools. Three parameters from `$first`: admin
 * flag, caller id, staff school ids. A family sees instead the ones it received (its delivery row).
 */
const staffSeesSql = (first: number): string =>
  `($${first}::boolean OR a.sender_id = $${first + 1} OR a.school_id = ANY($${first + 2}::uuid[]))`;

function staffSeesParams(identity: Identity): unknown[] {
  const scope = staffSchoolScope(identity);
  return [scope === ALL_SCHOOLS, identity.userId, scope === ALL_SCHOOLS ? [] : [...scope]];
}

/** Families coming to a performance: a live bus booking or an attending RSVP. */
const PERFORMANCE_FAMILIES = `
  SELECT b.guardian_id FROM transport_bookings b JOIN transport_runs r ON r.tenant_id = b.tenant_id AND r.id = b.run_id
   WHERE b.tenant_id = $1 AND r.performance_id = $6 AND b.status IN ${ACTIVE_BOOKING_STATUSES} AND ${familyScopeCondition('b', 2)}
  UNION
  SELECT v.guardian_id FROM rsvps v WHERE v.tenant_id = $1 AND v.performance_id = $6 AND v.attending AND ${familyScopeCondition('v', 2)}`;

/** The guardians of the families coming to a performance whom the scope reaches. */
export async function performanceFamilies(
  db: Queryable,
  tenantId: string,
  scope: FamilyScope,
  performanceId: string | null,
): Promise<string[]> {
  const found = await rows<{ guardian_id: string }>(db, PERFORMANCE_FAMILIES, [tenantId, ...familyScopeParams(scope), performanceId]);
  return found.map((row) => row.guardian_id);
}

/** The guardians of the families with a child at the school. */
export async function schoolFamilies(db: Queryable, tenantId: string, schoolId: string | null): Promise<string[]> {
  const found = await rows<{ guardian_id: string }>(
    db,
    'SELECT DISTINCT guardian_id FROM family_children WHERE tenant_id = $1 AND school_id = $2',
    [tenantId, schoolId],
  );
  return found.map((row) => row.guardian_id);
}

export interface NewAnnouncement {
  id: string;
  senderId: string;
  senderName: string;
  audience: Audience;
  schoolId: string | null;
  performanceId: string | null;
  classId: string | null;
  ensembleId: string | null;
  subject: string;
  body: string;
}

/** The announcement and a queued delivery row for each of its families. */
export async function insertAnnouncement(
  db: Queryable,
  tenantId: string,
  announcement: NewAnnouncement,
  guardianIds: readonly string[],
): Promise<void> {
  await db.query(
    `INSERT INTO announcements (tenant_id, id, sender_id, sender_name, audience, school_id, performance_id, class_id, ensemble_id, subject, body)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      tenantId,
      announcement.id,
      announcement.senderId,
      announcement.senderName,
      announcement.audience,
      announcement.schoolId,
      announcement.performanceId,
      announcement.classId,
      announcement.ensembleId,
      announcement.subject,
      announcement.body,
    ],
  );
  await db.query(
    `INSERT INTO announcement_deliveries (tenant_id, announcement_id, guardian_id) SELECT $1, $2, g FROM unnest($3::uuid[]) AS g`,
    [tenantId, announcement.id, guardianIds],
  );
}

/** A page of the announcements the caller sees (as staff, with delivery counts; as a family, its own copies), newest first. */
export function announcementsPage(
  db: Queryable,
  identity: Identity,
  filter: { before: string | number | null; limit: number },
): Promise<AnnouncementRow[]> {
  return rows<AnnouncementRow>(
    db,
    `SELECT a.*, mine.read_at, mine.guardian_id IS NOT NULL AS is_recipient,
            -- Staff see how delivery is going; a family sees only its own copy.
            CASE WHEN ${staffSeesSql(2)} THEN
              (SELECT jsonb_build_object('queued', count(*) FILTER (WHERE d.status = 'queued'), 'sent', count(*) FILTER (WHERE d.status = 'sent'),
                                         'failed', count(*) FILTER (WHERE d.status = 'failed'))
                 FROM announcement_deliveries d WHERE d.tenant_id = a.tenant_id AND d.announcement_id = a.id)
            END AS delivery_counts
       FROM announcements a
       LEFT JOIN announcement_deliveries mine ON mine.tenant_id = a.tenant_id AND mine.announcement_id = a.id AND mine.guardian_id = $3
      WHERE a.tenant_id = $1 AND (${staffSeesSql(2)} OR mine.guardian_id IS NOT NULL)
        AND ($5::uuid IS NULL OR a.id < $5)
      ORDER BY a.id DESC LIMIT $6`,
    [identity.tenantId, ...staffSeesParams(identity), filter.before, filter.limit],
  );
}

/** One announcement on the list's terms, and whether the caller sees it as staff. */
export function visibleAnnouncement(
  db: Queryable,
  identity: Identity,
  announcementId: string,
): Promise<(AnnouncementRow & { staff_sees: boolean }) | undefined> {
  return oneRow<AnnouncementRow & { staff_sees: boolean }>(
    db,
    `SELECT a.*, ${staffSeesSql(3)} AS staff_sees, mine.read_at, mine.guardian_id IS NOT NULL AS is_recipient
       FROM announcements a
       LEFT JOIN announcement_deliveries mine ON mine.tenant_id = a.tenant_id AND mine.announcement_id = a.id AND mine.guardian_id = $4
      WHERE a.tenant_id = $1 AND a.id = $2 AND (${staffSeesSql(3)} OR mine.guardian_id IS NOT NULL)`,
    [identity.tenantId, announcementId, ...staffSeesParams(identity)],
  );
}

export function deliveriesOf(db: Queryable, tenantId: string, announcementId: string): Promise<DeliveryRow[]> {
  return rows<DeliveryRow>(
    db,
    `SELECT d.guardian_id, f.display_name AS family_name, d.status, d.error
       FROM announcement_deliveries d LEFT JOIN families f ON f.tenant_id = d.tenant_id AND f.guardian_id = d.guardian_id
      WHERE d.tenant_id = $1 AND d.announcement_id = $2 ORDER BY d.guardian_id`,
    [tenantId, announcementId],
  );
}

/** The family's copy marked read (the first time counts); undefined when it has none. */
export async function markDeliveryRead(
  db: Queryable,
  tenantId: string,
  announcementId: string,
  guardianId: string,
): Promise<Date | undefined> {
  const marked = await oneRow<{ read_at: Date }>(
    db,
    `UPDATE announcement_deliveries SET read_at = COALESCE(read_at, now()), updated_at = now()
      WHERE tenant_id = $1 AND announcement_id = $2 AND guardian_id = $3 RETURNING read_at`,
    [tenantId, announcementId, guardianId],
  );
  return marked?.read_at;
}

export function announcementById(db: Queryable, tenantId: string, announcementId: string): Promise<AnnouncementRow | undefined> {
  return oneRow<AnnouncementRow>(db, 'SELECT * FROM announcements WHERE tenant_id = $1 AND id = $2', [tenantId, announcementId]);
}

export function announcementEmail(
  db: Queryable,
  tenantId: string,
  announcementId: string,
  guardianId: string,
): Promise<AnnouncementEmailRow | undefined> {
  return oneRow<AnnouncementEmailRow>(
    db,
    `SELECT a.subject, a.body, a.sender_name, f.display_name, f.email, f.email_enabled, f.language, a.school_id, a.performance_id
       FROM announcements a LEFT JOIN families f ON f.tenant_id = a.tenant_id AND f.guardian_id = $3
      WHERE a.tenant_id = $1 AND a.id = $2`,
    [tenantId, announcementId, guardianId],
  );
}

/** A family's copy sent or failed (with why); a copy already sent stays sent. */
export async function markDelivery(
  db: Queryable,
  tenantId: string,
  announcementId: string,
  guardianId: string,
  status: 'sent' | 'failed',
  error: string | null,
): Promise<void> {
  await db.query(
    `UPDATE announcement_deliveries SET status = $4, error = $5, sent_at = CASE WHEN $4 = 'sent' THEN now() END, updated_at = now()
      WHERE tenant_id = $1 AND announcement_id = $2 AND guardian_id = $3 AND status <> 'sent'`,
    [tenantId, announcementId, guardianId, status, error],
  );
}
