import { Injectable, NotFoundException } from '@nestjs/common';
import { ALL_SCHOOLS, inSchoolScope, staffSchoolScope, type Identity, type SchoolScope } from '@tutti/auth';
import { reminderDeliveryKey, type ReminderRow } from '@tutti/messaging';
import { ConflictProblem, notFoundField, decodeCursor, newId, onceForKey, oneRow, rows, toPage, type Page } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { familyScopeCondition, familyScopeOf, familyScopeParams } from '../common/family-scope';
import { EmailChannel } from '../reminders/channels/email.channel';
import { FamilyReminders } from '../reminders/family-reminders.service';
import { toHtml, toText } from '../reminders/templates';
import { RosterService, type RosterAudience } from '../roster/roster.service';
import type { Audience, AnnouncementDto, AnnouncementQueryDto, CreateAnnouncementDto, DeliveryDto } from './dto/announcement.dto';

interface AnnouncementRow {
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

/**
 * SQL condition: staff see announcement `a` (its text and deliveries): the programme admin every
 * one, others those they sent and those to their schools. Three parameters from `$first`: admin
 * flag, caller id, staff school ids. A family sees instead the ones it received (its delivery row).
 */
const staffSeesSql = (first: number): string => `($${first}::boolean OR a.sender_id = $${first + 1} OR a.school_id = ANY($${first + 2}::uuid[]))`;

function staffSeesParams(identity: Identity): unknown[] {
  const scope = staffSchoolScope(identity);
  return [scope === ALL_SCHOOLS, identity.userId, scope === ALL_SCHOOLS ? [] : [...scope]];
}

/** Families coming to a performance: a live bus booking or an attending RSVP. */
const PERFORMANCE_FAMILIES = `
  SELECT b.guardian_id FROM transport_bookings b JOIN transport_runs r ON r.tenant_id = b.tenant_id AND r.id = b.run_id
   WHERE b.tenant_id = $1 AND r.performance_id = $6 AND b.status IN ('confirmed', 'waitlisted', 'offered') AND ${familyScopeCondition('b', 2)}
  UNION
  SELECT v.guardian_id FROM rsvps v WHERE v.tenant_id = $1 AND v.performance_id = $6 AND v.attending AND ${familyScopeCondition('v', 2)}`;

/**
 * Announcements from a school or tutor to an audience of families, by email, with a delivery row
 * per family (queued → sent or failed). Each family's email is a reminder row due now, so that the
 * reminder worker sends it, retries it, and a crash never loses it.
 */
@Injectable()
export class AnnouncementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reminders: FamilyReminders,
    private readonly email: EmailChannel,
    private readonly roster: RosterService,
  ) {}

  async create(identity: Identity, dto: CreateAnnouncementDto, idempotencyKey: string | undefined): Promise<AnnouncementDto> {
    const tenantId = identity.tenantId;
    const scope = familyScopeOf(identity);
    const schools = staffSchoolScope(identity);
    if (dto.audience === 'school' && !inSchoolScope(schools, dto.schoolId ?? '')) throw notFoundField('schoolId', 'school among yours');
    const id = await this.dataSource.transaction((manager) =>
      onceForKey(manager, { tenantId, callerId: identity.userId, operation: 'create-announcement', key: idempotencyKey, request: dto }, async () => {
        let guardianIds: string[];
        let schoolId: string | null = dto.audience === 'school' ? (dto.schoolId ?? null) : null;
        // Staff's schools come vouched for in their identity; the programme admin may name any school, but only one of their own area.
        if (schoolId !== null && schools === ALL_SCHOOLS && !(await this.roster.knowsSchool(manager, tenantId, schoolId))) throw notFoundField('schoolId', 'school of your area');
        if (dto.audience === 'performance') {
          const performance = await oneRow<{ id: string }>(manager, 'SELECT id FROM performances WHERE tenant_id = $1 AND id = $2', [tenantId, dto.performanceId]);
          if (!performance) throw notFoundField('performanceId', 'performance');
          // Staff reach only their schools' families among those coming (the programme admin reaches all).
          const recipients = await rows<{ guardian_id: string }>(manager, PERFORMANCE_FAMILIES, [tenantId, ...familyScopeParams({ ...scope, callerId: '00000000-0000-0000-0000-000000000000', pupilIds: [] }), dto.performanceId]);
          guardianIds = recipients.map((row) => row.guardian_id);
        } else if (dto.audience === 'class' || dto.audience === 'ensemble') {
          const reached = await this.rosterAudience(manager, identity, dto);
          schoolId = reached.schoolId;
          guardianIds = reached.guardianIds;
        } else {
          const recipients = await rows<{ guardian_id: string }>(manager, 'SELECT DISTINCT guardian_id FROM family_children WHERE tenant_id = $1 AND school_id = $2', [tenantId, dto.schoolId]);
          guardianIds = recipients.map((row) => row.guardian_id);
        }
        const announcementId = newId();
        await manager.query(
          `INSERT INTO announcements (tenant_id, id, sender_id, sender_name, audience, school_id, performance_id, class_id, ensemble_id, subject, body)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            tenantId,
            announcementId,
            identity.userId,
            identity.displayName,
            dto.audience,
            schoolId,
            dto.audience === 'performance' ? dto.performanceId : null,
            dto.audience === 'class' ? dto.classId : null,
            dto.audience === 'ensemble' ? dto.ensembleId : null,
            dto.subject,
            dto.body,
          ],
        );
        await manager.query(
          `INSERT INTO announcement_deliveries (tenant_id, announcement_id, guardian_id) SELECT $1, $2, g FROM unnest($3::uuid[]) AS g`,
          [tenantId, announcementId, guardianIds],
        );
        await this.reminders.announcement(manager, tenantId, announcementId, guardianIds);
        return announcementId;
      }),
    );
    return this.get(identity, id);
  }

  /**
   * Whom a class or ensemble announcement reaches, as the caller may send it: a class or a school's
   * ensemble of one of the caller's schools reaches the families of all its current pupils; a
   * cross-school ensemble (an area orchestra) reaches, from staff, the families of its pupils at
   * their schools only (as a performance's audience does), from the programme admin, every family.
   * An ensemble or class the caller may not reach is "not found"; one whose pupils' families do not
   * use Tutti yet is a 409, so that the sender learns that nobody would hear it.
   */
  private async rosterAudience(manager: EntityManager, identity: Identity, dto: CreateAnnouncementDto): Promise<{ schoolId: string | null; guardianIds: string[] }> {
    const scope = staffSchoolScope(identity);
    const isClass = dto.audience === 'class';
    const what = isClass ? 'class' : 'ensemble';
    const field = isClass ? 'classId' : 'ensembleId';
    const id = dto[field] ?? '';
    const found = isClass ? await this.roster.classAudience(manager, identity.tenantId, id) : await this.roster.ensembleAudience(manager, identity.tenantId, id);
    const members = found ? reachableMembers(found, scope) : [];
    // Staff see a cross-school ensemble through its pupils at their schools.
    const visible = !!found && (found.schoolId !== null ? inSchoolScope(scope, found.schoolId) : scope === ALL_SCHOOLS || members.length > 0);
    if (!found || !visible) throw notFoundField(field, `${what} among yours`);
    const guardianIds = [...new Set(members.flatMap((member) => member.guardianIds))];
    if (guardianIds.length === 0) {
      throw new ConflictProblem(
        members.length === 0
          ? `The ${what} has no pupils now, so nobody would receive this announcement.`
          : `None of the families of the ${members.length} ${members.length === 1 ? 'pupil' : 'pupils'} in this ${what} uses Tutti yet, so nobody would receive this announcement.`,
        [{ [field]: id, pupils: members.length, familiesUsingTutti: 0 }],
      );
    }
    return { schoolId: found.schoolId, guardianIds };
  }

  /** Staff see announcements to their schools or their own; a family sees those sent to it. The same rule as `get`. */
  async list(identity: Identity, query: AnnouncementQueryDto): Promise<Page<AnnouncementDto>> {
    const after = decodeCursor(query.cursor, ['uuid']);
    const found = await rows<AnnouncementRow>(
      this.dataSource,
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
      [identity.tenantId, ...staffSeesParams(identity), after?.[0] ?? null, query.limit + 1],
    );
    return toPage(found, query.limit, (row) => ({ ...toAnnouncementDto(row), ...(row.delivery_counts ? { deliveryCounts: row.delivery_counts } : {}) }), (row) => [row.id]);
  }

  /** One announcement on the list's terms: anyone else (another school's staff, a tutor not assigned to it, another family) gets 404. */
  async get(identity: Identity, announcementId: string): Promise<AnnouncementDto> {
    const row = await oneRow<AnnouncementRow & { staff_sees: boolean }>(
      this.dataSource,
      `SELECT a.*, ${staffSeesSql(3)} AS staff_sees, mine.read_at, mine.guardian_id IS NOT NULL AS is_recipient
         FROM announcements a
         LEFT JOIN announcement_deliveries mine ON mine.tenant_id = a.tenant_id AND mine.announcement_id = a.id AND mine.guardian_id = $4
        WHERE a.tenant_id = $1 AND a.id = $2 AND (${staffSeesSql(3)} OR mine.guardian_id IS NOT NULL)`,
      [identity.tenantId, announcementId, ...staffSeesParams(identity)],
    );
    if (!row) throw new NotFoundException('No such announcement.');
    if (!row.staff_sees) return toAnnouncementDto(row);
    const deliveries = await rows<{ guardian_id: string; family_name: string | null; status: string; error: string | null }>(
      this.dataSource,
      `SELECT d.guardian_id, f.display_name AS family_name, d.status, d.error
         FROM announcement_deliveries d LEFT JOIN families f ON f.tenant_id = d.tenant_id AND f.guardian_id = d.guardian_id
        WHERE d.tenant_id = $1 AND d.announcement_id = $2 ORDER BY d.guardian_id`,
      [identity.tenantId, announcementId],
    );
    const count = (status: string) => deliveries.filter((d) => d.status === status).length;
    return {
      ...toAnnouncementDto(row),
      deliveryCounts: { queued: count('queued'), sent: count('sent'), failed: count('failed') },
      deliveries: deliveries.map((d): DeliveryDto => ({ guardianId: d.guardian_id, familyName: d.family_name, status: d.status, error: d.error })),
    };
  }

  /** A family marks its copy read (the first time counts; repeating is harmless); another family's announcement is 404. */
  async markRead(identity: Identity, announcementId: string): Promise<AnnouncementDto> {
    const marked = await oneRow<{ read_at: Date }>(
      this.dataSource,
      `UPDATE announcement_deliveries SET read_at = COALESCE(read_at, now()), updated_at = now()
        WHERE tenant_id = $1 AND announcement_id = $2 AND guardian_id = $3 RETURNING read_at`,
      [identity.tenantId, announcementId, identity.userId],
    );
    if (!marked) throw new NotFoundException('No such announcement.');
    const row = await oneRow<AnnouncementRow>(this.dataSource, 'SELECT * FROM announcements WHERE tenant_id = $1 AND id = $2', [identity.tenantId, announcementId]);
    if (!row) throw new NotFoundException('No such announcement.');
    return toAnnouncementDto({ ...row, read_at: marked.read_at, is_recipient: true });
  }

  /** The reminder worker's delivery of one family's copy: sent, or failed with the reason (rethrown so the worker retries). */
  async deliver(reminder: ReminderRow): Promise<void> {
    const announcementId = String(reminder.payload.announcementId);
    const found = await oneRow<{ subject: string; body: string; sender_name: string; display_name: string | null; email: string | null; email_enabled: boolean | null }>(
      this.dataSource,
      `SELECT a.subject, a.body, a.sender_name, f.display_name, f.email, f.email_enabled
         FROM announcements a LEFT JOIN families f ON f.tenant_id = a.tenant_id AND f.guardian_id = $3
        WHERE a.tenant_id = $1 AND a.id = $2`,
      [reminder.tenantId, announcementId, reminder.recipientId],
    );
    if (!found) return;
    if (!found.email || !found.email_enabled) {
      await this.mark(this.dataSource.manager, reminder, announcementId, 'failed', 'the family has no email address enabled');
      return;
    }
    const paragraphs = [`Dear ${found.display_name ?? 'family'},`, ...found.body.split(/\n{2,}/), `— ${found.sender_name}`];
    try {
      await this.email.send({ to: found.email, subject: found.subject, text: toText({ subject: found.subject, paragraphs }), html: toHtml({ subject: found.subject, paragraphs }), deliveryKey: reminderDeliveryKey(reminder) });
    } catch (error) {
      await this.mark(this.dataSource.manager, reminder, announcementId, 'failed', error instanceof Error ? error.message : String(error));
      throw error;
    }
    await this.mark(this.dataSource.manager, reminder, announcementId, 'sent', null);
  }

  private async mark(manager: EntityManager, reminder: ReminderRow, announcementId: string, status: 'sent' | 'failed', error: string | null): Promise<void> {
    await manager.query(
      `UPDATE announcement_deliveries SET status = $4, error = $5, sent_at = CASE WHEN $4 = 'sent' THEN now() END, updated_at = now()
        WHERE tenant_id = $1 AND announcement_id = $2 AND guardian_id = $3 AND status <> 'sent'`,
      [reminder.tenantId, announcementId, reminder.recipientId, status, error],
    );
  }
}

function toAnnouncementDto(row: AnnouncementRow): AnnouncementDto {
  return {
    id: row.id,
    audience: row.audience,
    schoolId: row.school_id,
    performanceId: row.performance_id,
    classId: row.class_id,
    ensembleId: row.ensemble_id,
    senderName: row.sender_name,
    subject: row.subject,
    body: row.body,
    createdAt: row.created_at.toISOString(),
    ...(row.is_recipient ? { readAt: row.read_at?.toISOString() ?? null } : {}),
  };
}

/** A cross-school ensemble's members the caller reaches: those at the caller's schools (every one, for the programme admin). */
function reachableMembers(audience: RosterAudience, scope: SchoolScope): RosterAudience['members'] {
  if (audience.schoolId !== null) return audience.members;
  return audience.members.filter((member) => inSchoolScope(scope, member.schoolId));
}
