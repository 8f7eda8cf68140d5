import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { recordAudit, type AuditOrigin } from '@tutti/messaging';
import {
  PLANNING_TIME_ZONE,
  PLATFORM_OPTIONS,
  pseudonymOf,
  ReportReader,
  todayIn,
  ValidationProblem,
  type PlatformOptions,
} from '@tutti/platform';
import { DataSource } from 'typeorm';
import { auditContext } from '../common/events';
import { tenantTimeZone } from '../tenant-settings/tenant-settings.queries';
import { annualReturnFigures, REGULAR_MIN_SESSIONS, type AnnualReturnData } from './annual-return.figures';
import { pupilsBehind, type FigurePupils } from './annual-return.pupils';
import {
  examEntryPupils,
  examsByGrade,
  familyEngagement,
  performancesGiven,
  performers,
  regularPlayers,
  schoolsWorkedWith,
  wcetPupils,
  type AcademicYear,
} from './annual-return.queries';
import type { AnnualReturnDto, FigurePupilsDto, TransitionReportDto } from './dto/annual-return.dto';
import { transitionFigures } from './transition.figures';
import { transitionPupilsBehind } from './transition.pupils';
import { alumniOfYear } from './transition.queries';

/**
 * What the return asks for that it cannot give: nothing now. Performances, their audience and
 * family engagement come from scheduling's copies of performance-event's and parent-engagement's
 * events (evidence-copies).
 */
export const NOT_INCLUDED: { figure: string; reason: string }[] = [];

/**
 * The annual data return of an area for funders: figures from the registers, ensembles, exams and
 * pupils' characteristics of one academic year, small counts suppressed. Reading characteristics,
 * even to count them, is a read of each pupil counted: each goes to the audit log.
 */
@Injectable()
export class AnnualReturnService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PLATFORM_OPTIONS) private readonly platform: PlatformOptions,
    private readonly reader: ReportReader,
  ) {}

  async build(identity: Identity, academicYear: string, origin: AuditOrigin): Promise<AnnualReturnDto> {
    const tenantId = identity.tenantId;
    const year = academicYearOf(academicYear);
    const data = await this.yearData(tenantId, year);
    await this.auditReads(identity, origin, data.wcet, 'annual-return', academicYear);
    return {
      academicYear,
      from: year.from,
      to: year.to,
      figures: annualReturnFigures(data),
      schoolsWorkedWith: data.schools,
      notIncluded: NOT_INCLUDED,
    };
  }

  /**
   * The pseudonymised pupils behind one figure of the return, or one cell of it (`cell`, a key of
   * the figure's cells): computed and suppressed exactly as the return is, and a suppressed count
   * lists nobody. Pseudonyms as the evaluation exports make them. Reading the figures reads every
   * WCET pupil's characteristics, as the return does: those and the pupils listed are audited.
   */
  async pupils(
    identity: Identity,
    academicYear: string,
    figureId: string,
    cellKey: string | undefined,
    origin: AuditOrigin,
  ): Promise<FigurePupilsDto> {
    const tenantId = identity.tenantId;
    const year = academicYearOf(academicYear);
    const [data, examEntries] = await Promise.all([
      this.yearData(tenantId, year),
      this.reader.read((db) => examEntryPupils(db, tenantId, year)),
    ]);
    const behind = pupilsBehind({ ...data, examEntries }, annualReturnFigures(data), figureId, cellKey);
    const read = [...new Set([...data.wcet.map((pupil) => pupil.pupilId), ...behind.pupilIds])].map((pupilId) => ({ pupilId }));
    await this.auditReads(identity, origin, read, 'annual-return-pupils', academicYear);
    return this.figurePupils(tenantId, academicYear, figureId, behind);
  }

  /** Year 6 pupils who left primary school in the year, followed one term and one year on, by destination school and characteristics. */
  async transition(identity: Identity, academicYear: string, origin: AuditOrigin): Promise<TransitionReportDto> {
    const year = academicYearOf(academicYear);
    const today = await this.today(identity.tenantId);
    const alumni = await this.reader.read((db) => alumniOfYear(db, identity.tenantId, year, today));
    await this.auditReads(identity, origin, alumni, 'transition', academicYear);
    return { academicYear, from: year.from, to: year.to, figures: transitionFigures(alumni) };
  }

  /** Everything the return's figures count, read from the replica within its staleness bound. */
  private async yearData(tenantId: string, year: AcademicYear): Promise<AnnualReturnData> {
    const timeZone = (await tenantTimeZone(this.db.manager, tenantId)) ?? PLANNING_TIME_ZONE;
    const today = todayIn(timeZone);
    const [wcet, regular, exams, schools, performances, performed, families] = await this.reader.read((db) =>
      Promise.all([
        wcetPupils(db, tenantId, year, today),
        regularPlayers(db, tenantId, year, REGULAR_MIN_SESSIONS),
        examsByGrade(db, tenantId, year),
        schoolsWorkedWith(db, tenantId, year),
        performancesGiven(db, tenantId, year, timeZone),
        performers(db, tenantId, year, timeZone),
        familyEngagement(db, tenantId, year, timeZone),
      ]),
    );
    return { wcet, regular, exams, schools, performances, performers: performed, families };
  }

  /**
   * The pseudonymised alumni behind one transition figure, or one cell of it: computed and
   * suppressed exactly as the report is (a suppressed count lists nobody). Reading the figures
   * reads every alumnus's characteristics, as the report does: all of them are audited.
   */
  async transitionPupils(
    identity: Identity,
    academicYear: string,
    figureId: string,
    cellKey: string | undefined,
    origin: AuditOrigin,
  ): Promise<FigurePupilsDto> {
    const tenantId = identity.tenantId;
    const year = academicYearOf(academicYear);
    const today = await this.today(tenantId);
    const alumni = await this.reader.read((db) => alumniOfYear(db, tenantId, year, today));
    const behind = transitionPupilsBehind(alumni, transitionFigures(alumni), figureId, cellKey);
    await this.auditReads(identity, origin, alumni, 'transition-pupils', academicYear);
    return this.figurePupils(tenantId, academicYear, figureId, behind);
  }

  private figurePupils(tenantId: string, academicYear: string, figureId: string, behind: FigurePupils): FigurePupilsDto {
    const key = this.platform.config.evaluationPseudonymKey;
    return {
      academicYear,
      figureId,
      figureTitle: behind.figure.title,
      cell: behind.cell?.key ?? null,
      cellLabel: behind.cell?.label ?? 'total',
      count: behind.count,
      suppressed: behind.count === null,
      pupils: [...new Set(behind.pupilIds)]
        .map((pupilId) => ({ pseudonym: pseudonymOf(key, tenantId, pupilId) }))
        .sort((a, b) => a.pseudonym.localeCompare(b.pseudonym)),
    };
  }

  private async today(tenantId: string): Promise<string> {
    return todayIn((await tenantTimeZone(this.db.manager, tenantId)) ?? PLANNING_TIME_ZONE);
  }

  /** Counting pupils by their characteristics reads them: each pupil counted is audited. */
  private async auditReads(
    identity: Identity,
    origin: AuditOrigin,
    pupils: readonly { pupilId: string }[],
    report: string,
    academicYear: string,
  ): Promise<void> {
    await this.db.transaction((manager) =>
      recordAudit(
        manager,
        auditContext(identity, origin),
        pupils.map((pupil) => ({
          action: 'read' as const,
          subjectType: 'pupil' as const,
          subjectId: pupil.pupilId,
          detail: { report, academicYear },
        })),
      ),
    );
  }
}

/** `2025-26` as 1 September 2025 to 31 August 2026; 400 naming academicYear when its two years do not follow each other. */
export function academicYearOf(name: string): AcademicYear {
  const first = Number(name.slice(0, 4));
  if ((first + 1) % 100 !== Number(name.slice(5, 7)))
    throw new ValidationProblem([
      { field: 'academicYear', rule: 'academicYear', message: 'academicYear must name two following years, like 2025-26' },
    ]);
  return { name, from: `${first}-09-01`, to: `${first + 1}-08-31` };
}
