import { newId, rows, type Queryable } from '@tutti/platform';
import type { ConsentState } from '../rosters/dto/roster.dto';

/** The names of the area's schools (from scheduling's events), by school id. */
export async function schoolNames(db: Queryable, tenantId: string): Promise<Map<string, string>> {
  const found = await rows<{ school_id: string; name: string }>(db, 'SELECT school_id, name FROM replica_schools WHERE tenant_id = $1', [
    tenantId,
  ]);
  return new Map(found.map((school) => [school.school_id, school.name]));
}

/** A pupil a handed-out sheet listed (`named`: by name; a programme counts the others), with their consents then. Ids only, never names. */
export interface PrintedPupil {
  pupilId: string;
  named: boolean;
  photoFilm: ConsentState;
  performingInPublic: ConsentState;
}

/** Records a programme or run sheet handed out, for the consent audit. */
export async function recordPrintedSheet(
  db: Queryable,
  tenantId: string,
  performanceId: string,
  kind: 'programme' | 'run_sheet',
  printedBy: string,
  pupils: PrintedPupil[],
): Promise<void> {
  await db.query(
    'INSERT INTO printed_sheets (tenant_id, id, performance_id, kind, printed_by, pupils) VALUES ($1, $2, $3, $4, $5, $6::jsonb)',
    [tenantId, newId(), performanceId, kind, printedBy, JSON.stringify(pupils)],
  );
}
