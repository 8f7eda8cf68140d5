import { Injectable, NotFoundException } from '@nestjs/common';
import { decodeCursor, ReportReader, toPage } from '@tutti/platform';
import { academicYearOf, periodBounds, termOf, type FairnessPeriod } from '../common/time';
import { seesSchool, type Viewer } from '../performances/viewer';
import type { FairnessQueryDto, PeriodDto, PupilFairnessPageDto, SchoolFairnessPageDto, SchoolPupilsQueryDto } from './dto/fairness.dto';
import { pupilFairness, schoolFairness } from './fairness.queries';

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

/** Who has had a chance to perform: per school at a glance, and per pupil. Read-only: the replica within its staleness bound (ReportReader). */
@Injectable()
export class FairnessService {
  constructor(private readonly reader: ReportReader) {}

  async schools(viewer: Viewer, query: FairnessQueryDto): Promise<SchoolFairnessPageDto> {
    const period = resolvePeriod(query);
    const after = decodeCursor(query.cursor, ['uuid']);
    const found = await this.reader.read((db) =>
      schoolFairness(db, viewer.tenantId, viewer, period.from, period.to, after, query.limit + 1),
    );
    const page = toPage(
      found,
      query.limit,
      (row) => ({
        schoolId: row.school_id,
        schoolName: row.school_name,
        pupils: row.pupils,
        performed: row.performed,
        notYetPerformed: row.pupils - row.performed,
        offered: row.offered,
        notYetOffered: row.pupils - row.offered,
      }),
      (row) => [row.school_id],
    );
    return { period: period.dto, ...page };
  }

  async pupils(viewer: Viewer, schoolId: string, query: SchoolPupilsQueryDto): Promise<PupilFairnessPageDto> {
    if (!seesSchool(viewer, schoolId)) throw new NotFoundException('No such school.');
    const period = resolvePeriod(query);
    const after = decodeCursor(query.cursor, ['integer', 'text', 'uuid']);
    const found = await this.reader.read((db) =>
      pupilFairness(db, viewer.tenantId, schoolId, period.from, period.to, query.notYetPerformed ?? false, after, query.limit + 1),
    );
    const page = toPage(
      found,
      query.limit,
      (row) => ({
        pupilId: row.pupil_id,
        displayName: row.display_name,
        performed: row.performed,
        upcoming: row.upcoming,
        featured: row.featured,
      }),
      (row) => [row.performed, row.display_name, row.pupil_id],
    );
    return { period: period.dto, ...page };
  }
}
