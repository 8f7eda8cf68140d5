/** Everyone who was a member on the day ($4) of the occurrence ($2) of an ensemble ($3), with their mark if taken. (The tutor-today bench EXPLAINs it.) */
export const REGISTER_ENTRIES_SQL = `SELECT m.pupil_id AS "pupilId", m.staff_id AS "staffId", coalesce(p.first_name || ' ' || p.last_name, s.display_name) AS name,
              m.instrument, m.section, a.status, a.id AS "markId"
       FROM ensemble_members m
       LEFT JOIN pupils p ON p.tenant_id = m.tenant_id AND p.id = m.pupil_id
       LEFT JOIN staff s ON s.tenant_id = m.tenant_id AND s.id = m.staff_id
       LEFT JOIN attendance a ON a.tenant_id = m.tenant_id AND a.occurrence_id = $2 AND (a.pupil_id = m.pupil_id OR a.staff_id = m.staff_id)
       WHERE m.tenant_id = $1 AND m.ensemble_id = $3 AND m.joined_on <= $4::date AND (m.left_on IS NULL OR m.left_on >= $4::date)
       ORDER BY m.staff_id IS NOT NULL, name`;

/** The occurrence's ($2) latest register submission that still has its marks. (The tutor-today bench EXPLAINs it.) */
export const LATEST_SUBMISSION_SQL = `SELECT rs.id, rs.submitted_at AS "submittedAt" FROM register_submissions rs
       WHERE rs.tenant_id = $1 AND rs.occurrence_id = $2
         -- Through the occurrence's marks (an index look-up), not every mark ever made: attendance has no index by submission.
         AND EXISTS (SELECT 1 FROM attendance a WHERE a.tenant_id = rs.tenant_id AND a.occurrence_id = rs.occurrence_id AND a.submission_id = rs.id)
       ORDER BY rs.submitted_at DESC LIMIT 1`;
