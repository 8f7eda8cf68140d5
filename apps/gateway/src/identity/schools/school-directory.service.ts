import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { TenantSchool } from './tenant-school.entity';

/** The schools of each area that grants and guardian links may name (a copy of scheduling's). */
@Injectable()
export class SchoolDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** For the consumer of `scheduling.school.created` / `.updated`: adds or renames the school. */
  async recordSchool(tenantId: string, school: { schoolId: string; name: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO tenant_schools (tenant_id, school_id, name) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, school_id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()`,
      [tenantId, school.schoolId, school.name],
    );
  }

  /** 404 naming the first id that is not a school of this area (another area's school is not found either). */
  async requireSchools(manager: EntityManager, tenantId: string, schoolIds: readonly string[]): Promise<void> {
    if (schoolIds.length === 0) return;
    const found = await manager.findBy(TenantSchool, { tenantId, schoolId: In([...schoolIds]) });
    const known = new Set(found.map((school) => school.schoolId));
    const missing = schoolIds.find((id) => !known.has(id));
    if (missing) throw new NotFoundException(`No school ${missing} in this area.`);
  }
}
