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
 * pupils' characteristics of one academic year, small counts suppressed. Each read is audited (see
 * auditReport): the report as one entry, and each pupil a click-through lists as one entry per pupil.
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
    await this.auditReport(identity, origin, { report: 'annual-return', academicYear, pupilsCounted: data.wcet.length }, []);
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
   * lists nobody. Pseudonyms as the evaluation exports make them. Audited as the return is (one
   * entry for the figures it computed), and each pupil listed as a read of that pupil.
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
    await this.auditReport(
      identity,
      origin,
      { report: 'annual-return-pupils', academicYear, pupilsCounted: data.wcet.length, figureId, cell: behind.cell?.key ?? null },
      behind.pupilIds,
    );
    return this.figurePupils(tenantId, academicYear, figureId, behind);
  }

  /** Year 6 pupils who left primary school in the year, followed one term and one year on, by destination school and characteristics. */
  async transition(identity: Identity, academicYear: string, origin: AuditOrigin): Promise<TransitionReportDto> {
    const year = academicYearOf(academicYear);
    const today = await this.today(identity.tenantId);
    const alumni = await this.reader.read((db) => alumniOfYear(db, identity.tenantId, year, today));
    await this.auditReport(identity, origin, { report: 'transition', academicYear, pupilsCounted: alumni.length }, []);
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
   * suppressed exactly as the report is (a suppressed count lists nobody). Audited as the report is,
   * and each alumnus listed as a read of that pupil.
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
    await this.auditReport(
      identity,
      origin,
      { report: 'transition-pupils', academicYear, pupilsCounted: alumni.length, figureId, cell: behind.cell?.key ?? null },
      behind.pupilIds,
    );
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

  /**
   * Why one entry for the figures and one per pupil listed: a figure is a count over the area
   * (suppressed under 5), from which no child's characteristics can be read back, so computing it is
   * not a read of each child's record the way opening a pupil, or a list that names pupils, is. One
   * entry per report read (subject the area, with the report, the year and how many pupils were
   * counted) says who looked at the figures and when, without ~30,000 entries per view in the
   * request's transaction. A click-through lists (pseudonymised) pupils: each of them is audited with
   * the pupil as subject, so a family's subject access request ("who read my child's data", which
   * finds entries by subject id) shows it. A suppressed cell lists nobody and audits nobody.
   */
  private async auditReport(
    identity: Identity,
    origin: AuditOrigin,
    detail: { report: string; academicYear: string; pupilsCounted: number; figureId?: string; cell?: string | null },
    pupilsListed: readonly string[],
  ): Promise<void> {
    const listed = { report: detail.report, academicYear: detail.academicYear, figureId: detail.figureId, cell: detail.cell };
    await this.db.transaction((manager) =>
      recordAudit(manager, auditContext(identity, origin), [
        { action: 'read', subjectType: 'report', subjectId: identity.tenantId, detail: { ...detail, area: identity.tenantId } },
        ...[...new Set(pupilsListed)].map((pupilId) => ({
          action: 'read' as const,
          subjectType: 'pupil' as const,
          subjectId: pupilId,
          detail: listed,
        })),
      ]),
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
