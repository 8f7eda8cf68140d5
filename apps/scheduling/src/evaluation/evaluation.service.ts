import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { recordAudit, type AuditOrigin } from '@tutti/messaging';
import { csvDocument, type CsvFile, PLATFORM_OPTIONS, type PlatformOptions, pseudonymOf } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { auditContext } from '../common/events';
import { ProvisionService } from '../provision/provision.service';
import { schoolUrns } from '../schools/schools.queries';

export const PROVISION_EXPORT_COLUMNS = [
  'pupil_pseudonym',
  'school_id',
  'school_urn',
  'year_group',
  'curriculum_minutes',
  'after_school_minutes',
  'weekend_minutes',
  'holiday_minutes',
  'total_minutes',
  'teaching_weeks',
  'weekly_average_minutes',
  'area_target_weekly_minutes',
  'meets_target',
  'sessions_attended',
  'sessions_registered',
  'attendance_rate',
] as const;

/**
 * Pseudonymised exports for evaluators: the provision service's own figures, with each pupil as
 * `pseudonymOf(key, tenant, pupil)` (the same in every service) and nothing that names a child.
 * Pupil flags are left out altogether: in small cohorts they would single children out.
 */
@Injectable()
export class EvaluationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly provision: ProvisionService,
    @Inject(PLATFORM_OPTIONS) private readonly platform: PlatformOptions,
  ) {}

  async provisionCsv(identity: Identity, termId: string, origin: AuditOrigin): Promise<CsvFile> {
    const tenantId = identity.tenantId;
    const report = await this.provision.areaPupils(tenantId, { termId });
    const schools = await schoolUrns(this.db.manager, tenantId);
    const urnOf = new Map(schools.map((school) => [school.id, school.urn]));
    const key = this.platform.config.evaluationPseudonymKey;
    const body = csvDocument(
      PROVISION_EXPORT_COLUMNS,
      report.pupils
        .map((pupil) => ({ pupil, pseudonym: pseudonymOf(key, tenantId, pupil.pupilId) }))
        // Sorted by pseudonym, so that the order gives nothing away (the roll is by name).
        .sort((a, b) => a.pseudonym.localeCompare(b.pseudonym))
        .map(({ pupil, pseudonym }) => [
          pseudonym,
          pupil.schoolId,
          urnOf.get(pupil.schoolId) ?? null,
          pupil.yearGroup,
          pupil.minutesByStrand.curriculum,
          pupil.minutesByStrand.after_school,
          pupil.minutesByStrand.weekend,
          pupil.minutesByStrand.holiday,
          pupil.totalMinutes,
          report.period.teachingWeeks,
          pupil.weeklyAverageMinutes,
          report.targetWeeklyMinutes,
          pupil.weeklyAverageMinutes === null ? null : !pupil.belowTarget,
          pupil.sessionsAttended,
          pupil.sessionsRegistered,
          pupil.sessionsRegistered > 0 ? Math.round((pupil.sessionsAttended / pupil.sessionsRegistered) * 1000) / 1000 : null,
        ]),
    );
    await this.db.transaction((manager) =>
      recordAudit(
        manager,
        auditContext(identity, origin),
        report.pupils.map((pupil) => ({
          action: 'read' as const,
          subjectType: 'pupil' as const,
          subjectId: pupil.pupilId,
          detail: { export: 'evaluation-provision', termId },
        })),
      ),
    );
    return { fileName: `provision-${report.period.from}-to-${report.period.to}.csv`, body };
  }
}
