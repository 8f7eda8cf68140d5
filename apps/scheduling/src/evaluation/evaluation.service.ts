import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { recordAudit, type AuditOrigin } from '@tutti/messaging';
import { csvDocument, type CsvFile, PLATFORM_OPTIONS, type PlatformOptions, pseudonymOf } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { auditContext } from '../common/events';
import { academicYearOf } from '../annual-return/annual-return.service';
import { suppressBreakdown, percentOf } from '../common/small-cells';
import { allComparisonSchools, programmeCohorts, type ProgrammeCohortRow } from '../comparison-schools/comparison-schools.queries';
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

export const SCHOOLS_EXPORT_COLUMNS = [
  'in_programme',
  'school_id',
  'urn',
  'name',
  'phase',
  'aggregates_year',
  'aggregates_source',
  'pupils',
  'percent_fsm',
  'percent_send',
  'percent_eal',
] as const;

/** What a suppressed count or percentage reads as in the file (as in the annual return's). */
const SUPPRESSED = 'suppressed';
const PROGRAMME_SOURCE = 'Tutti roll: pupils on roll in the year; per cent of those with the characteristic recorded';
const COMPARISON_SOURCE = 'recorded by a programme admin: aggregates of the school only (no pupil data held)';

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

  /**
   * Programme schools beside comparison schools, one row per school: the programme schools' cohorts
   * of the year counted from the roll (FSM/pupil premium, SEND, EAL as per cent of the pupils with
   * the characteristic recorded; unknown is neither), suppressed as the annual return is (a cohort
   * or a yes/no count of 1-4, then whatever would give one away from the total); the comparison
   * schools' aggregates as recorded. Each programme pupil counted is audited as read.
   */
  async schoolsCsv(identity: Identity, academicYear: string, origin: AuditOrigin): Promise<CsvFile> {
    const tenantId = identity.tenantId;
    const year = academicYearOf(academicYear);
    const [cohorts, comparison] = await Promise.all([
      programmeCohorts(this.db.manager, tenantId, year.from),
      allComparisonSchools(this.db.manager, tenantId),
    ]);
    const body = csvDocument(SCHOOLS_EXPORT_COLUMNS, [
      ...cohorts.map((school) => {
        const shares = cohortShares(school);
        return [true, school.schoolId, school.urn, school.name, school.phase, academicYear, PROGRAMME_SOURCE, ...shares];
      }),
      ...comparison.map((school) => [
        false,
        school.id,
        school.urn,
        school.name,
        school.phase,
        school.cohortYear,
        COMPARISON_SOURCE,
        school.pupils,
        school.percentFsm,
        school.percentSend,
        school.percentEal,
      ]),
    ]);
    await this.db.transaction((manager) =>
      recordAudit(
        manager,
        auditContext(identity, origin),
        cohorts.flatMap((school) =>
          school.pupilIds.map((pupilId) => ({
            action: 'read' as const,
            subjectType: 'pupil' as const,
            subjectId: pupilId,
            detail: { export: 'evaluation-schools', academicYear },
          })),
        ),
      ),
    );
    return { fileName: `schools-${academicYear}.csv`, body };
  }
}

/** A programme school's pupils and per cent FSM, SEND and EAL among those recorded, each suppressed as a breakdown of the cohort. */
function cohortShares(school: ProgrammeCohortRow): (number | string | null)[] {
  const total = school.pupilIds.length;
  const share = (yes: number, no: number) => {
    const published = suppressBreakdown({ yes, no, unknown: total - yes - no }, total, { partition: true });
    if (published.cells.yes === null || published.cells.no === null) return SUPPRESSED;
    return percentOf(published.cells.yes, published.cells.yes + published.cells.no);
  };
  const pupils = suppressBreakdown({ all: total }, total, { partition: false }).total;
  if (pupils === null) return [SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED];
  return [pupils, share(school.fsmYes, school.fsmNo), share(school.sendYes, school.sendNo), share(school.ealYes, school.ealNo)];
}
