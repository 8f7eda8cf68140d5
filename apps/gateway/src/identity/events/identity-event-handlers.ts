import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tutti/contracts';
import { HandlesEvent, type EventHandler } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
import { auditEntryHandler } from '../audit/audit-entry-handler';
import { AuditLogService } from '../audit/audit-log.service';
import { GuardianLinksService } from '../guardians/guardian-links.service';
import { Mailer } from '../mail/mailer';
import { mailIntensityWarning } from '../intensity/intensity-warnings';
import { mailSafeguardingFlag } from '../safeguarding/safeguarding-flags';
import { SchoolDirectory } from '../schools/school-directory.service';

/**
 * Other services' events the gateway follows: it keeps the school ids it needs for scopes, guardian
 * links follow a pupil who moves, other services' audit entries join the audit log, and the
 * programme admins are mailed about staff whose safeguarding clearance runs out, and headteachers
 * about a class below the area's weekly target two weeks in a row.
 */
@Injectable()
export class IdentityEventHandlers {
  private readonly recordAuditEntry: EventHandler<'audit.entry.recorded'>;

  constructor(
    @Inject(SchoolDirectory) private readonly schools: SchoolDirectory,
    @Inject(GuardianLinksService) private readonly guardianLinks: GuardianLinksService,
    @Inject(AuditLogService) audit: AuditLogService,
    @Inject(Mailer) private readonly mailer: Mailer,
  ) {
    this.recordAuditEntry = auditEntryHandler(audit);
  }

  @HandlesEvent('scheduling.school.created', 'scheduling.school.updated')
  async applySchool(event: EventEnvelope<'scheduling.school.created' | 'scheduling.school.updated'>): Promise<void> {
    await this.schools.recordSchool(event.tenantId, event.payload);
  }

  @HandlesEvent('scheduling.pupil.moved')
  async applyPupilMoved(event: EventEnvelope<'scheduling.pupil.moved'>): Promise<void> {
    await this.guardianLinks.movePupil(event.tenantId, event.payload.pupilId, event.payload.toSchoolId);
  }

  @HandlesEvent('audit.entry.recorded')
  async applyAuditEntry(event: EventEnvelope<'audit.entry.recorded'>, manager: EntityManager): Promise<void> {
    await this.recordAuditEntry(event, manager);
  }

  @HandlesEvent('scheduling.safeguarding.flagged')
  async applySafeguardingFlag(event: EventEnvelope<'scheduling.safeguarding.flagged'>, manager: EntityManager): Promise<void> {
    await mailSafeguardingFlag(this.mailer, event, manager);
  }

  @HandlesEvent('scheduling.intensity.flagged')
  async applyIntensityWarning(event: EventEnvelope<'scheduling.intensity.flagged'>, manager: EntityManager): Promise<void> {
    await mailIntensityWarning(this.mailer, event, manager);
  }
}
