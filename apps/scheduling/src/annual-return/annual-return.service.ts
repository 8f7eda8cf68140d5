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
import { annualReturnFigures, REGULAR_MIN_SESSIONS } from './annual-return.figures';
import { pupilsBehind } from './annual-return.pupils';
import { examEntryPupils, examsByGrade, regularPlayers, schoolsWorkedWith, wcetPupils, type AcademicYear } from './annual-return.queries';
import type { AnnualReturnDto, FigurePupilsDto, TransitionReportDto } from './dto/annual-return.dto';
import { transitionFigures } from './transition.figures';
import { alumniOfYear } from './transition.queries';

/** What the return asks for that scheduling does not hold: the services that own them would have to give them. */
export const NOT_INCLUDED = [
  {
    figure: 'Performances and audience (RSVPs, check-ins)',
    reason: 'owned by the performance-event and parent-engagement services; scheduling keeps no copy of them',
  },
  { figure: 'Family engagement', reason: 'owned by the parent-engagement service; scheduling keeps no copy of it' },
];

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
    const today = await this.today(tenantId);
    const [wcet, regular, exams, schools] = await this.reader.read((db) =>
      Promise.all([
        wcetPupils(db, tenantId, year, today),
        regularPlayers(db, tenantId, year, REGULAR_MIN_SESSIONS),
        examsByGrade(db, tenantId, year),
        schoolsWorkedWith(db, tenantId, year),
      ]),
    );
    await this.auditReads(identity, origin, wcet, 'annual-return', academicYear);
    return {
      academicYear,
      from: year.from,
      to: year.to,
      figures: annualReturnFigures({ wcet, regular, exams, schools }),
      schoolsWorkedWith: schools,
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
    const today = await this.today(tenantId);
    const [wcet, regular, exams, schools, examEntries] = await this.reader.read((db) =>
      Promise.all([
        wcetPupils(db, tenantId, year, today),
        regularPlayers(db, tenantId, year, REGULAR_MIN_SESSIONS),
        examsByGrade(db, tenantId, year),
        schoolsWorkedWith(db, tenantId, year),
        examEntryPupils(db, tenantId, year),
      ]),
    );
    const data = { wcet, regular, exams, schools };
    const behind = pupilsBehind({ ...data, examEntries }, annualReturnFigures(data), figureId, cellKey);
    const read = [...new Set([...wcet.map((pupil) => pupil.pupilId), ...behind.pupilIds])].map((pupilId) => ({ pupilId }));
    await this.auditReads(identity, origin, read, 'annual-return-pupils', academicYear);
    const key = this.platform.config.evaluationPseudonymKey;
    return {
      academicYear,
      figureId,
      figureTitle: behind.figure.title,
      cell: behind.cell?.key ?? null,
      cellLabel: behind.cell?.label ?? 'total',
      count: behind.count,
      suppressed: behind.count === null,
      pupils: behind.pupilIds
        .map((pupilId) => ({ pseudonym: pseudonymOf(key, tenantId, pupilId) }))
        .sort((a, b) => a.pseudonym.localeCompare(b.pseudonym)),
    };
  }

  /** Year 6 pupils who left primary school in the year, followed one term and one year on, by destination school and characteristics. */
  async transition(identity: Identity, academicYear: string, origin: AuditOrigin): Promise<TransitionReportDto> {
    const year = academicYearOf(academicYear);
    const today = await this.today(identity.tenantId);
    const alumni = await this.reader.read((db) => alumniOfYear(db, identity.tenantId, year, today));
    await this.auditReads(identity, origin, alumni, 'transition', academicYear);
    return { academicYear, from: year.from, to: year.to, figures: transitionFigures(alumni) };
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
