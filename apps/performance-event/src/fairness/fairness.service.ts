import { Injectable, NotFoundException } from '@nestjs/common';
import { decodeCursor, rows, toPage } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { academicYearOf, periodBounds, termOf, type FairnessPeriod } from '../common/time';
import { seesSchool, type Viewer } from '../performances/viewer';
import type { FairnessQueryDto, PeriodDto, PupilFairnessPageDto, SchoolFairnessPageDto, SchoolPupilsQueryDto } from './dto/fairness.dto';
import { participationCtes } from './fairness.queries';

interface ResolvedPeriod {
  dto: PeriodDto;
  from: Date;
  to: Date;
}

function resolvePeriod(query: FairnessQueryDto, now = new Date()): ResolvedPeriod {
  const academicYear = query.academicYear ?? academicYearOf(now);
  const period: FairnessPeriod = !query.period ? 'year' : query.period === 'term' ? termOf(now) : query.period;
  const { from, to } = periodBounds(academicYear, period);
  return { dto: { academicYear, period, from: from.toISOString(), to: to.toISOString() }, from, to };
}

/** Who has had a chance to perform: per school at a glance, and per pupil. */
@Injectable()
export class FairnessService {
  constructor(private readonly db: DataSource) {}

  async schools(viewer: Viewer, query: FairnessQueryDto): Promise<SchoolFairnessPageDto> {
    const period = resolvePeriod(query);
    const after = decodeCursor(query.cursor, ['uuid']);
    const found = await rows<{ school_id: string; school_name: string | null; pupils: number; performed: number; offered: number }>(
      this.db,
      `WITH ${participationCtes(1, 2, 3)}
       SELECT p.school_id, s.name AS school_name, count(*)::int AS pupils,
              count(*) FILTER (WHERE coalesce(pa.performed, 0) > 0)::int AS performed,
              count(*) FILTER (WHERE coalesce(pa.performed, 0) + coalesce(pa.upcoming, 0) > 0)::int AS offered
       FROM replica_pupils p
       LEFT JOIN participation pa ON pa.pupil_id = p.pupil_id
       LEFT JOIN replica_schools s ON s.tenant_id = p.tenant_id AND s.school_id = p.school_id
       WHERE p.tenant_id = $1 AND p.left_on IS NULL AND ($4::boolean OR p.school_id = ANY($5::uuid[]))
         AND ($6::uuid IS NULL OR p.school_id > $6::uuid)
       GROUP BY p.school_id, s.name
       ORDER BY p.school_id LIMIT $7`,
      [viewer.tenantId, period.from, period.to, viewer.admin, viewer.staffSchoolIds, after?.[0] ?? null, query.limit + 1],
    );
    const page = toPage(
      found,
      query.limit,
      (row) => ({ schoolId: row.school_id, schoolName: row.school_name, pupils: row.pupils, performed: row.performed, notYetPerformed: row.pupils - row.performed, offered: row.offered, notYetOffered: row.pupils - row.offered }),
      (row) => [row.school_id],
    );
    return { period: period.dto, ...page };
  }

  async pupils(viewer: Viewer, schoolId: string, query: SchoolPupilsQueryDto): Promise<PupilFairnessPageDto> {
    if (!seesSchool(viewer, schoolId)) throw new NotFoundException('No such school.');
    const period = resolvePeriod(query);
    const after = decodeCursor(query.cursor, ['integer', 'text', 'uuid']);
    const found = await rows<{ pupil_id: string; display_name: string; performed: number; upcoming: number; featured: number }>(
      this.db,
      `WITH ${participationCtes(1, 2, 3)},
       pupils AS (
         SELECT p.pupil_id, p.display_name, coalesce(pa.performed, 0) AS performed, coalesce(pa.upcoming, 0) AS upcoming, coalesce(f.featured, 0) AS featured
         FROM replica_pupils p
         LEFT JOIN participation pa ON pa.pupil_id = p.pupil_id
         LEFT JOIN featured_turns f ON f.pupil_id = p.pupil_id
         WHERE p.tenant_id = $1 AND p.school_id = $4 AND p.left_on IS NULL
       )
       SELECT * FROM pupils
       WHERE (NOT $5::boolean OR performed = 0)
         AND ($6::int IS NULL OR (performed, display_name, pupil_id) > ($6::int, $7::text, $8::uuid))
       ORDER BY performed, display_name, pupil_id LIMIT $9`,
      [viewer.tenantId, period.from, period.to, schoolId, query.notYetPerformed ?? false, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, query.limit + 1],
    );
    const page = toPage(
      found,
      query.limit,
      (row) => ({ pupilId: row.pupil_id, displayName: row.display_name, performed: row.performed, upcoming: row.upcoming, featured: row.featured }),
      (row) => [row.performed, row.display_name, row.pupil_id],
    );
    return { period: period.dto, ...page };
  }
}
