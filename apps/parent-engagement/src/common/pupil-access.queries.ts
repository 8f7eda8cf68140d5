import { oneRow, type Queryable } from '@tutti/platform';

/** The school this service knows a pupil at: from their family (as the gateway vouched) or a consent given for them. */
export async function knownSchoolOf(db: Queryable, tenantId: string, pupilId: string): Promise<string | undefined> {
  const row = await oneRow<{ school_id: string }>(
    db,
    `SELECT school_id FROM (
       SELECT school_id, 1 AS rank FROM family_children WHERE tenant_id = $1 AND pupil_id = $2
       UNION ALL
       (SELECT school_id, 2 FROM consent_records WHERE tenant_id = $1 AND pupil_id = $2 ORDER BY seq DESC LIMIT 1)
     ) AS known ORDER BY rank LIMIT 1`,
    [tenantId, pupilId],
  );
  return row?.school_id;
}
