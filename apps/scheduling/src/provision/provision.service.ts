import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { oneRow, rows, ValidationProblem } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { requireSchoolInScope, schoolIdsInScope } from '../common/scope';
import type { AreaProvisionDto, ClassProvisionDto, PeriodDto, ProvisionQueryDto, PupilProvisionDto, SchoolProvisionDto, SchoolProvisionSummaryDto, SessionsDeliveredDto } from './dto/provision.dto';

interface PupilMinutesRow {
  pupilId: string;
  name: string;
  schoolId: string;
  classId: string | null;
  className: string | null;
  yearGroup: number;
  curriculum: number;
  after_school: number;
  weekend: number;
  holiday: number;
  sessionsAttended: number;
  sessionsRegistered: number;
}

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

interface SessionCountRow extends SessionsDeliveredDto {
  schoolId: string;
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
    const school = await oneRow<{ name: string }>(this.db, 'SELECT name FROM schools WHERE tenant_id = $1 AND id = $2', [identity.tenantId, schoolId]);
    if (!school) throw new NotFoundException('No such school.');
    const period = await this.period(identity.tenantId, query);
    const target = await this.target(identity.tenantId);
    const minutes = await this.pupilMinutes(identity.tenantId, [schoolId], period);
    const pupils = minutes.map((row) => toPupil(row, period.teachingWeeks, target));
    const sessions = await this.sessionCounts(identity.tenantId, [schoolId], period);
    const classes = new Map<string | null, { name: string; pupils: PupilProvisionDto[] }>();
    for (const [index, row] of minutes.entries()) {
      const entry = classes.get(row.classId) ?? { name: row.className ?? 'No class', pupils: [] };
      entry.pupils.push(pupils[index]);
      classes.set(row.classId, entry);
    }
    return {
      period,
      targetWeeklyMinutes: target,
      school: summarise(schoolId, school.name, pupils, sessions.find((s) => s.schoolId === schoolId)),
      classes: [...classes.entries()].map(([classId, entry]): ClassProvisionDto => ({ classId, name: entry.name, ...aggregate(entry.pupils) })).sort((a, b) => a.name.localeCompare(b.name)),
      pupils,
    };
  }

  async area(identity: Identity, query: ProvisionQueryDto): Promise<AreaProvisionDto> {
    const scope = schoolIdsInScope(identity, ['headteacher']);
    const schools = await rows<{ id: string; name: string }>(this.db, 'SELECT id, name FROM schools WHERE tenant_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2)) ORDER BY name, id', [identity.tenantId, scope]);
    const period = await this.period(identity.tenantId, query);
    const target = await this.target(identity.tenantId);
    const ids = schools.map((school) => school.id);
    const minutes = await this.pupilMinutes(identity.tenantId, ids, period);
    const sessions = await this.sessionCounts(identity.tenantId, ids, period);
    return {
      period,
      targetWeeklyMinutes: target,
      schools: schools.map((school) =>
        summarise(school.id, school.name, minutes.filter((row) => row.schoolId === school.id).map((row) => toPupil(row, period.teachingWeeks, target)), sessions.find((s) => s.schoolId === school.id)),
      ),
    };
  }

  /** Every pupil of the area on roll during the period, one by one (for the evaluation export). */
  async areaPupils(tenantId: string, query: ProvisionQueryDto): Promise<AreaPupilProvision> {
    const schools = await rows<{ id: string }>(this.db, 'SELECT id FROM schools WHERE tenant_id = $1', [tenantId]);
    const period = await this.period(tenantId, query);
    const target = await this.target(tenantId);
    const minutes = await this.pupilMinutes(tenantId, schools.map((school) => school.id), period);
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
      range = await oneRow(this.db, `SELECT to_char(starts_on, 'YYYY-MM-DD') AS "from", to_char(ends_on, 'YYYY-MM-DD') AS "to" FROM terms WHERE tenant_id = $1 AND id = $2`, [tenantId, query.termId]);
      if (!range) throw new NotFoundException('No such term.');
    } else {
      range = await oneRow(
        this.db,
        `SELECT to_char(d, 'YYYY-MM-DD') AS "from", to_char(d + 6, 'YYYY-MM-DD') AS "to" FROM (SELECT $1::date - (extract(isodow FROM $1::date)::int - 1) AS d) w`,
        [query.weekOf],
      );
      if (!range) throw new Error('week query returned nothing');
    }
    // A period still under way is counted up to today: weeks yet to come have no minutes to average.
    const counted = await oneRow<{ counted_to: string; weeks: number }>(
      this.db,
      `WITH bounds AS (SELECT to_char(LEAST($3::date, (now() AT TIME ZONE 'Europe/London')::date), 'YYYY-MM-DD') AS counted_to)
       SELECT b.counted_to,
              (SELECT count(DISTINCT date_trunc('week', g.d))::int FROM generate_series($2::date, b.counted_to::date, interval '1 day') AS g(d)
                WHERE extract(isodow FROM g.d) < 6
                  AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.tenant_id = $1 AND h.school_id IS NULL AND h.starts_on <= g.d::date AND h.ends_on >= g.d::date)) AS weeks
         FROM bounds b`,
      [tenantId, range.from, range.to],
    );
    return { from: range.from, to: range.to, countedTo: counted?.counted_to ?? range.to, teachingWeeks: counted?.weeks ?? 0 };
  }

  private async target(tenantId: string): Promise<number> {
    const settings = await oneRow<{ target: number }>(this.db, 'SELECT weekly_provision_target_minutes AS target FROM tenant_settings WHERE tenant_id = $1', [tenantId]);
    return settings?.target ?? 0;
  }

  /** Every pupil on the school's roll during the period, with the minutes they attended and their register marks. */
  private async pupilMinutes(tenantId: string, schoolIds: string[], period: PeriodDto): Promise<PupilMinutesRow[]> {
    return rows<PupilMinutesRow>(
      this.db,
      `SELECT p.id AS "pupilId", p.first_name || ' ' || p.last_name AS name, p.school_id AS "schoolId", p.class_id AS "classId", c.name AS "className", p.year_group AS "yearGroup",
              coalesce(sum(x.minutes) FILTER (WHERE x.attended AND x.strand = 'curriculum'), 0)::int AS curriculum,
              coalesce(sum(x.minutes) FILTER (WHERE x.attended AND x.strand = 'after_school'), 0)::int AS after_school,
              coalesce(sum(x.minutes) FILTER (WHERE x.attended AND x.strand = 'weekend'), 0)::int AS weekend,
              coalesce(sum(x.minutes) FILTER (WHERE x.attended AND x.strand = 'holiday'), 0)::int AS holiday,
              count(*) FILTER (WHERE x.attended)::int AS "sessionsAttended",
              count(x.attended)::int AS "sessionsRegistered"
       FROM pupils p
       LEFT JOIN classes c ON c.tenant_id = p.tenant_id AND c.id = p.class_id
       LEFT JOIN LATERAL (
         SELECT e.strand, a.status IN ('present', 'late') AS attended, extract(epoch FROM o.ends_at - o.starts_at) / 60 AS minutes
         FROM attendance a
         JOIN occurrences o ON o.tenant_id = a.tenant_id AND o.id = a.occurrence_id
         JOIN ensembles e ON e.tenant_id = o.tenant_id AND e.id = o.ensemble_id
         WHERE a.tenant_id = p.tenant_id AND a.pupil_id = p.id
           AND o.status = 'scheduled' AND o.local_date BETWEEN $3::date AND $4::date
       ) x ON true
       WHERE p.tenant_id = $1 AND p.school_id = ANY($2::uuid[]) AND (p.left_on IS NULL OR p.left_on >= $3::date)
       GROUP BY p.id, c.name
       ORDER BY p.last_name, p.first_name, p.id`,
      [tenantId, schoolIds, period.from, period.countedTo],
    );
  }

  private async sessionCounts(tenantId: string, schoolIds: string[], period: PeriodDto): Promise<SessionCountRow[]> {
    return rows<SessionCountRow>(
      this.db,
      `SELECT school_id AS "schoolId", count(*)::int AS planned,
              count(*) FILTER (WHERE status = 'scheduled' AND delivered_at IS NOT NULL)::int AS delivered,
              count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled
       FROM occurrences WHERE tenant_id = $1 AND school_id = ANY($2::uuid[]) AND local_date BETWEEN $3::date AND $4::date
       GROUP BY school_id`,
      [tenantId, schoolIds, period.from, period.to],
    );
  }
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function toPupil(row: PupilMinutesRow, weeks: number, target: number): PupilProvisionDto {
  const minutesByStrand = { curriculum: row.curriculum, after_school: row.after_school, weekend: row.weekend, holiday: row.holiday };
  const totalMinutes = row.curriculum + row.after_school + row.weekend + row.holiday;
  const weeklyAverageMinutes = weeks > 0 ? round1(totalMinutes / weeks) : null;
  return { pupilId: row.pupilId, name: row.name, classId: row.classId, minutesByStrand, totalMinutes, weeklyAverageMinutes, belowTarget: weeklyAverageMinutes !== null && weeklyAverageMinutes < target };
}

function aggregate(pupils: PupilProvisionDto[]): { pupils: number; averageWeeklyMinutes: number | null; pupilsBelowTarget: number } {
  const averages = pupils.map((pupil) => pupil.weeklyAverageMinutes).filter((value): value is number => value !== null);
  return {
    pupils: pupils.length,
    averageWeeklyMinutes: averages.length > 0 ? round1(averages.reduce((sum, value) => sum + value, 0) / averages.length) : null,
    pupilsBelowTarget: pupils.filter((pupil) => pupil.belowTarget).length,
  };
}

function summarise(schoolId: string, name: string, pupils: PupilProvisionDto[], sessions: SessionsDeliveredDto | undefined): SchoolProvisionSummaryDto {
  return { schoolId, name, ...aggregate(pupils), sessions: { planned: sessions?.planned ?? 0, delivered: sessions?.delivered ?? 0, cancelled: sessions?.cancelled ?? 0 } };
}
