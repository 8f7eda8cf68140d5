import type { EventHandlers } from '@tutti/messaging';

/**
 * What this service keeps of scheduling's roster: schools (for CSV owner URNs) and pupils (their
 * school, for staff access and active loans; their year group, for instrument sizes).
 */
export const ROSTER_PROJECTION_HANDLERS: EventHandlers = {
  'scheduling.school.created': async (event, manager) => {
    await upsertSchool(manager, event.tenantId, event.payload);
  },
  'scheduling.school.updated': async (event, manager) => {
    await upsertSchool(manager, event.tenantId, event.payload);
  },
  'scheduling.pupil.enrolled': async (event, manager) => {
    const pupil = event.payload;
    await manager.query(
      `INSERT INTO pupils (tenant_id, id, school_id, year_group, first_name, last_name) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, id) DO UPDATE SET school_id = EXCLUDED.school_id, year_group = EXCLUDED.year_group,
         first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name, left_on = NULL`,
      [event.tenantId, pupil.pupilId, pupil.schoolId, pupil.yearGroup, pupil.firstName, pupil.lastName],
    );
  },
  'scheduling.pupil.moved': async (event, manager) => {
    const move = event.payload;
    await manager.query('UPDATE pupils SET school_id = $3, year_group = $4 WHERE tenant_id = $1 AND id = $2', [event.tenantId, move.pupilId, move.toSchoolId, move.yearGroup]);
    // Active loans follow the child, so that the new school's staff see them.
    await manager.query('UPDATE loans SET school_id = $3 WHERE tenant_id = $1 AND pupil_id = $2 AND returned_at IS NULL', [event.tenantId, move.pupilId, move.toSchoolId]);
  },
  'scheduling.pupil.details-changed': async (event, manager) => {
    const pupil = event.payload;
    await manager.query('UPDATE pupils SET first_name = $3, last_name = $4, year_group = $5 WHERE tenant_id = $1 AND id = $2', [
      event.tenantId,
      pupil.pupilId,
      pupil.firstName,
      pupil.lastName,
      pupil.yearGroup,
    ]);
  },
  'scheduling.pupil.left': async (event, manager) => {
    await manager.query('UPDATE pupils SET left_on = $3 WHERE tenant_id = $1 AND id = $2', [event.tenantId, event.payload.pupilId, event.payload.leftOn]);
  },
};

async function upsertSchool(manager: { query: (sql: string, params: unknown[]) => Promise<unknown> }, tenantId: string, school: { schoolId: string; name: string; urn: string | null }): Promise<void> {
  await manager.query(
    `INSERT INTO schools (tenant_id, id, name, urn) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, id) DO UPDATE SET name = EXCLUDED.name, urn = EXCLUDED.urn`,
    [tenantId, school.schoolId, school.name, school.urn],
  );
}
