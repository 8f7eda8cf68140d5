import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { ALL_SCHOOLS, inSchoolScope, staffSchoolScope, type Identity, type SchoolScope } from '@tutti/auth';
import { DeliversReminder, reminderDeliveryKey, type ReminderRow } from '@tutti/messaging';
import { ConflictProblem, notFoundField, decodeCursor, newId, onceForKey, toPage, type Page } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { familyScopeOf } from '../common/family-scope';
import { performanceExists } from '../performances/performances.queries';
import { EmailChannel } from '../reminders/channels/email.channel';
import { FamilyReminders } from '../reminders/family-reminders.service';
import { ANNOUNCEMENT_KIND } from '../reminders/reminder-kinds';
import { areaTranslator } from '../message-overrides/area-translator';
import { familySchoolsForPerformance, replyToFor } from '../message-overrides/message-settings.queries';
import { PARENT_ENGAGEMENT_CONFIG } from '../config.token';
import type { ParentEngagementConfig } from '../config';
import { renderAnnouncement, toHtml, toText } from '../reminders/templates';
import { RosterService, type RosterAudience } from '../roster/roster.service';
import type { MessagePreviewDto } from '../message-overrides/dto/message-override.dto';
import type {
  AnnouncementDto,
  AnnouncementQueryDto,
  CreateAnnouncementDto,
  DeliveryDto,
  PreviewAnnouncementDto,
} from './dto/announcement.dto';
import {
  announcementById,
  announcementEmail,
  announcementsPage,
  deliveriesOf,
  insertAnnouncement,
  markDelivery,
  markDeliveryRead,
  performanceFamilies,
  schoolFamilies,
  visibleAnnouncement,
  type AnnouncementRow,
} from './announcements.queries';

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
    @Inject(PARENT_ENGAGEMENT_CONFIG) private readonly config: ParentEngagementConfig,
  ) {}

  async create(identity: Identity, dto: CreateAnnouncementDto, idempotencyKey: string | undefined): Promise<AnnouncementDto> {
    const tenantId = identity.tenantId;
    const scope = familyScopeOf(identity);
    const schools = staffSchoolScope(identity);
    if (dto.audience === 'school' && !inSchoolScope(schools, dto.schoolId ?? '')) throw notFoundField('schoolId', 'school among yours');
    const id = await this.dataSource.transaction((manager) =>
      onceForKey(
        manager,
        { tenantId, callerId: identity.userId, operation: 'create-announcement', key: idempotencyKey, request: dto },
        async () => {
          let guardianIds: string[];
          let schoolId: string | null = dto.audience === 'school' ? (dto.schoolId ?? null) : null;
          // Staff's schools come vouched for in their identity; the programme admin may name any school, but only one of their own area.
          if (schoolId !== null && schools === ALL_SCHOOLS && !(await this.roster.knowsSchool(manager, tenantId, schoolId)))
            throw notFoundField('schoolId', 'school of your area');
          if (dto.audience === 'performance') {
            if (!(await performanceExists(manager, tenantId, dto.performanceId ?? null)))
              throw notFoundField('performanceId', 'performance');
            // Staff reach only their schools' families among those coming (the programme admin reaches all).
            guardianIds = await performanceFamilies(
              manager,
              tenantId,
              { ...scope, callerId: '00000000-0000-0000-0000-000000000000', pupilIds: [] },
              dto.performanceId ?? null,
            );
          } else if (dto.audience === 'class' || dto.audience === 'ensemble') {
            const reached = await this.rosterAudience(manager, identity, dto);
            schoolId = reached.schoolId;
            guardianIds = reached.guardianIds;
          } else {
            guardianIds = await schoolFamilies(manager, tenantId, dto.schoolId ?? null);
          }
          const announcementId = newId();
          await insertAnnouncement(
            manager,
            tenantId,
            {
              id: announcementId,
              senderId: identity.userId,
              senderName: identity.displayName,
              audience: dto.audience,
              schoolId,
              performanceId: dto.audience === 'performance' ? (dto.performanceId ?? null) : null,
              classId: dto.audience === 'class' ? (dto.classId ?? null) : null,
              ensembleId: dto.audience === 'ensemble' ? (dto.ensembleId ?? null) : null,
              subject: dto.subject,
              body: dto.body,
            },
            guardianIds,
          );
          await this.reminders.announcement(manager, tenantId, announcementId, guardianIds);
          return announcementId;
        },
      ),
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
  private async rosterAudience(
    manager: EntityManager,
    identity: Identity,
    dto: CreateAnnouncementDto,
  ): Promise<{ schoolId: string | null; guardianIds: string[] }> {
    const scope = staffSchoolScope(identity);
    const isClass = dto.audience === 'class';
    const what = isClass ? 'class' : 'ensemble';
    const field = isClass ? 'classId' : 'ensembleId';
    const id = dto[field] ?? '';
    const found = isClass
      ? await this.roster.classAudience(manager, identity.tenantId, id)
      : await this.roster.ensembleAudience(manager, identity.tenantId, id);
    const members = found ? reachableMembers(found, scope) : [];
    // Staff see a cross-school ensemble through its pupils at their schools.
    const visible =
      !!found && (found.schoolId !== null ? inSchoolScope(scope, found.schoolId) : scope === ALL_SCHOOLS || members.length > 0);
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
    const found = await announcementsPage(this.dataSource, identity, { before: after?.[0] ?? null, limit: query.limit + 1 });
    return toPage(
      found,
      query.limit,
      (row) => ({ ...toAnnouncementDto(row), ...(row.delivery_counts ? { deliveryCounts: row.delivery_counts } : {}) }),
      (row) => [row.id],
    );
  }

  /** One announcement on the list's terms: anyone else (another school's staff, a tutor not assigned to it, another family) gets 404. */
  async get(identity: Identity, announcementId: string): Promise<AnnouncementDto> {
    const row = await visibleAnnouncement(this.dataSource, identity, announcementId);
    if (!row) throw new NotFoundException('No such announcement.');
    if (!row.staff_sees) return toAnnouncementDto(row);
    const deliveries = await deliveriesOf(this.dataSource, identity.tenantId, announcementId);
    const count = (status: string) => deliveries.filter((d) => d.status === status).length;
    return {
      ...toAnnouncementDto(row),
      deliveryCounts: { queued: count('queued'), sent: count('sent'), failed: count('failed') },
      deliveries: deliveries.map((d): DeliveryDto => ({
        guardianId: d.guardian_id,
        familyName: d.family_name,
        status: d.status,
        error: d.error,
      })),
    };
  }

  /** A family marks its copy read (the first time counts; repeating is harmless); another family's announcement is 404. */
  async markRead(identity: Identity, announcementId: string): Promise<AnnouncementDto> {
    const readAt = await markDeliveryRead(this.dataSource, identity.tenantId, announcementId, identity.userId);
    if (!readAt) throw new NotFoundException('No such announcement.');
    const row = await announcementById(this.dataSource, identity.tenantId, announcementId);
    if (!row) throw new NotFoundException('No such announcement.');
    return toAnnouncementDto({ ...row, read_at: readAt, is_recipient: true });
  }

  /** The announcement in the frame a family of `dto.language` gets (the area's wording first), signed by the caller. */
  async preview(identity: Identity, dto: PreviewAnnouncementDto): Promise<MessagePreviewDto> {
    const message = renderAnnouncement(
      await areaTranslator(this.dataSource, identity.tenantId, dto.language),
      dto.familyName ?? null,
      dto.subject,
      dto.body,
      identity.displayName,
      (path) => this.config.publicLink(path),
    );
    return { language: message.language, dir: message.dir, subject: message.subject, text: toText(message), html: toHtml(message) };
  }

  /** The reminder worker's delivery of one family's copy: sent, or failed with the reason (rethrown so the worker retries). */
  @DeliversReminder(ANNOUNCEMENT_KIND)
  async deliver(reminder: ReminderRow): Promise<void> {
    const announcementId = String(reminder.payload.announcementId);
    const found = await announcementEmail(this.dataSource, reminder.tenantId, announcementId, reminder.recipientId);
    if (!found) return;
    if (!found.email || !found.email_enabled) {
      await this.mark(this.dataSource.manager, reminder, announcementId, 'failed', 'the family has no email address enabled');
      return;
    }
    const message = renderAnnouncement(
      await areaTranslator(this.dataSource, reminder.tenantId, found.language),
      found.display_name,
      found.subject,
      found.body,
      found.sender_name,
      (path) => this.config.publicLink(path),
    );
    try {
      await this.email.send({
        to: found.email,
        subject: message.subject,
        text: toText(message),
        html: toHtml(message),
        language: message.language,
        // A school's announcement replies to that school's office; one about a performance to the
        // office of the family's children's school there; the area's where none is named.
        replyTo: await replyToFor(
          this.dataSource,
          reminder.tenantId,
          found.school_id
            ? [found.school_id]
            : found.performance_id
              ? await familySchoolsForPerformance(this.dataSource, reminder.tenantId, reminder.recipientId, found.performance_id)
              : [],
        ),
        deliveryKey: reminderDeliveryKey(reminder),
      });
    } catch (error) {
      await this.mark(this.dataSource.manager, reminder, announcementId, 'failed', error instanceof Error ? error.message : String(error));
      throw error;
    }
    await this.mark(this.dataSource.manager, reminder, announcementId, 'sent', null);
  }

  private async mark(
    manager: EntityManager,
    reminder: ReminderRow,
    announcementId: string,
    status: 'sent' | 'failed',
    error: string | null,
  ): Promise<void> {
    await markDelivery(manager, reminder.tenantId, announcementId, reminder.recipientId, status, error);
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
