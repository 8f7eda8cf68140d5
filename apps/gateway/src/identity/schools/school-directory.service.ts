import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '@tutti/platform';
import { knownSchoolIds, recordTenantSchool } from './tenant-schools.queries';

/** The schools of each area that grants and guardian links may name (a copy of scheduling's). */
@Injectable()
export class SchoolDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** For the consumer of `scheduling.school.created` / `.updated`: adds or renames the school. */
  async recordSchool(tenantId: string, school: { schoolId: string; name: string }): Promise<void> {
    await recordTenantSchool(this.dataSource, tenantId, school.schoolId, school.name);
  }

  /** 404 naming the first id that is not a school of this area (another area's school is not found either). */
  async requireSchools(db: Queryable, tenantId: string, schoolIds: readonly string[]): Promise<void> {
    if (schoolIds.length === 0) return;
    const known = await knownSchoolIds(db, tenantId, schoolIds);
    const missing = schoolIds.find((id) => !known.has(id));
    if (missing) throw new NotFoundException(`No school ${missing} in this area.`);
  }
}
