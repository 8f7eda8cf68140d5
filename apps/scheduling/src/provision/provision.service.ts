import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { ValidationProblem } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { requireSchoolInScope, schoolIdsInScope } from '../common/scope';
import { allSchoolIds, schoolName, schoolNames } from '../schools/schools.queries';
import { weeklyProvisionTarget } from '../tenant-settings/tenant-settings.queries';
import { termDates } from '../terms/terms.queries';
import { openIntensityWarnings, type IntensityWarningRow } from '../intensity/intensity.queries';
import type {
  AreaProvisionDto,
  IntensityWarningDto,
  ClassProvisionDto,
  PeriodDto,
  ProvisionQueryDto,
  PupilProvisionDto,
  SchoolProvisionDto,
  SchoolProvisionSummaryDto,
  SessionsDeliveredDto,
} from './dto/provision.dto';
import { countedTeachingWeeks, pupilMinutes, sessionCounts, weekOf, type PupilMinutesRow, type SessionCountRow } from './provision.queries';

/** One pupil's provision over a period, with where they are and how often they came when registered. */
export interface PupilPeriodProvision extends PupilProvisionDto {
  schoolId: string;
  yearGroup: number;
  /** Sessions the pupil was marked present or late at. */
  sessionsAttended: number;
  /** Sessions with a register mark for the pupil (any status). */
  sessionsRegistered: number;
}

export interface AreaPupilProvision {
  period: PeriodDto;
  targetWeeklyMinutes: number;
  pupils: PupilPeriodProvision[];
}

/**
 * Provision intensity: the minutes of sessions each pupil actually attended (present or late), by
 * strand, averaged over the teaching weeks of the period and held against the area's weekly target.
 */
@Injectable()
export class ProvisionService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async school(identity: Identity, schoolId: string, query: ProvisionQueryDto): Promise<SchoolProvisionDto> {
    requireSchoolInScope(identity, schoolId, 'school', ['headteacher']);
    const name = await schoolName(this.db.manager, identity.tenantId, schoolId);
    if (name === undefined) throw new NotFoundException('No such school.');
    const period = await this.period(identity.tenantId, query);
    const target = await this.target(identity.tenantId);
    const minutes = await this.pupilMinutes(identity.tenantId, [schoolId], period);
    const pupils = minutes.map((row) => toPupil(row, period.teachingWeeks, target));
    const sessions = await this.sessionCounts(identity.tenantId, [schoolId], period);
    const warnings = (await openIntensityWarnings(this.db.manager, identity.tenantId, [schoolId])).map(toWarning);
    const classes = new Map<string | null, { name: string; pupils: PupilProvisionDto[] }>();
    for (const [index, row] of minutes.entries()) {
      const entry = classes.get(row.classId) ?? { name: row.className ?? 'No class', pupils: [] };
      entry.pupils.push(pupils[index]);
      classes.set(row.classId, entry);
    }
    return {
      period,
      targetWeeklyMinutes: target,
      school: summarise(
        schoolId,
        name,
        pupils,
        sessions.find((s) => s.schoolId === schoolId),
        warnings,
      ),
      classes: [...classes.entries()]
        .map(([classId, entry]): ClassProvisionDto => ({
          classId,
          name: entry.name,
          ...aggregate(entry.pupils),
          intensityWarning: warnings.find((warning) => warning.classId === classId) ?? null,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      pupils,
    };
  }

  async area(identity: Identity, query: ProvisionQueryDto): Promise<AreaProvisionDto> {
    const scope = schoolIdsInScope(identity, ['headteacher']);
    const schools = await schoolNames(this.db.manager, identity.tenantId, scope);
    const period = await this.period(identity.tenantId, query);
    const target = await this.target(identity.tenantId);
    const ids = schools.map((school) => school.id);
    const minutes = await this.pupilMinutes(identity.tenantId, ids, period);
    const sessions = await this.sessionCounts(identity.tenantId, ids, period);
    const warnings = (await openIntensityWarnings(this.db.manager, identity.tenantId, ids)).map(toWarning);
    return {
      period,
      targetWeeklyMinutes: target,
      schools: schools.map((school) =>
        summarise(
          school.id,
          school.name,
          minutes.filter((row) => row.schoolId === school.id).map((row) => toPupil(row, period.teachingWeeks, target)),
          sessions.find((s) => s.schoolId === school.id),
          warnings.filter((warning) => warning.schoolId === school.id),
        ),
      ),
    };
  }

  /** Every pupil of the area on roll during the period, one by one (for the evaluation export). */
  async areaPupils(tenantId: string, query: ProvisionQueryDto): Promise<AreaPupilProvision> {
    const schoolIds = await allSchoolIds(this.db.manager, tenantId);
    const period = await this.period(tenantId, query);
    const target = await this.target(tenantId);
    const minutes = await this.pupilMinutes(tenantId, schoolIds, period);
    return {
      period,
      targetWeeklyMinutes: target,
      pupils: minutes.map((row) => ({
        ...toPupil(row, period.teachingWeeks, target),
        schoolId: row.schoolId,
        yearGroup: row.yearGroup,
        sessionsAttended: row.sessionsAttended,
        sessionsRegistered: row.sessionsRegistered,
      })),
    };
  }

  private async period(tenantId: string, query: ProvisionQueryDto): Promise<PeriodDto> {
    if ((query.termId === undefined) === (query.weekOf === undefined)) {
      throw new ValidationProblem([{ field: 'termId', rule: 'exactlyOne', message: 'give exactly one of termId and weekOf' }]);
    }
    let range: { from: string; to: string } | undefined;
    if (query.termId) {
      range = await termDates(this.db.manager, tenantId, query.termId);
      if (!range) throw new NotFoundException('No such term.');
    } else {
      // Exactly one of termId and weekOf is given (checked above).
      range = await weekOf(this.db.manager, query.weekOf as string);
    }
    // A period still under way is counted up to today: weeks yet to come have no minutes to average.
    const counted = await countedTeachingWeeks(this.db.manager, tenantId, range.from, range.to);
    return { from: range.from, to: range.to, countedTo: counted?.counted_to ?? range.to, teachingWeeks: counted?.weeks ?? 0 };
  }

  private async target(tenantId: string): Promise<number> {
    return weeklyProvisionTarget(this.db.manager, tenantId);
  }

  private pupilMinutes(tenantId: string, schoolIds: string[], period: PeriodDto): Promise<PupilMinutesRow[]> {
    return pupilMinutes(this.db.manager, tenantId, schoolIds, period.from, period.countedTo);
  }

  private sessionCounts(tenantId: string, schoolIds: string[], period: PeriodDto): Promise<SessionCountRow[]> {
    return sessionCounts(this.db.manager, tenantId, schoolIds, period.from, period.to);
  }
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function toPupil(row: PupilMinutesRow, weeks: number, target: number): PupilProvisionDto {
  const minutesByStrand = { curriculum: row.curriculum, after_school: row.after_school, weekend: row.weekend, holiday: row.holiday };
  const totalMinutes = row.curriculum + row.after_school + row.weekend + row.holiday;
  const weeklyAverageMinutes = weeks > 0 ? round1(totalMinutes / weeks) : null;
  return {
    pupilId: row.pupilId,
    name: row.name,
    classId: row.classId,
    minutesByStrand,
    totalMinutes,
    weeklyAverageMinutes,
    belowTarget: weeklyAverageMinutes !== null && weeklyAverageMinutes < target,
  };
}

/** The pupils' averages, and intensity as headteachers mean it: the share of pupils (with an average) at or above the area's weekly target. */
function aggregate(pupils: PupilProvisionDto[]): Omit<ClassProvisionDto, 'classId' | 'name' | 'intensityWarning'> {
  const averages = pupils.map((pupil) => pupil.weeklyAverageMinutes).filter((value): value is number => value !== null);
  const atOrAbove = pupils.filter((pupil) => pupil.weeklyAverageMinutes !== null && !pupil.belowTarget).length;
  return {
    pupils: pupils.length,
    averageWeeklyMinutes: averages.length > 0 ? round1(averages.reduce((sum, value) => sum + value, 0) / averages.length) : null,
    pupilsBelowTarget: pupils.filter((pupil) => pupil.belowTarget).length,
    pupilsAtOrAboveTarget: atOrAbove,
    percentAtOrAboveTarget: averages.length > 0 ? round1((atOrAbove / averages.length) * 100) : null,
  };
}

function summarise(
  schoolId: string,
  name: string,
  pupils: PupilProvisionDto[],
  sessions: SessionsDeliveredDto | undefined,
  warnings: (IntensityWarningDto & { schoolId: string })[],
): SchoolProvisionSummaryDto {
  return {
    schoolId,
    name,
    ...aggregate(pupils),
    sessions: { planned: sessions?.planned ?? 0, delivered: sessions?.delivered ?? 0, cancelled: sessions?.cancelled ?? 0 },
    intensityWarnings: warnings.map(({ schoolId: _school, ...warning }) => warning),
  };
}

function toWarning(row: IntensityWarningRow): IntensityWarningDto & { schoolId: string } {
  return { ...row, notifiedAt: row.notifiedAt.toISOString() };
}
