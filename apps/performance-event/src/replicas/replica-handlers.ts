import type { EventHandlers } from '@tutti/messaging';

/**
 * What this service learns from others, kept in local replica tables. Every handler is safe to run
 * twice (the consumer also remembers event ids) and ignores an update older than the one it holds,
 * since events of different ids may arrive out of order.
 */
export const REPLICA_HANDLERS: EventHandlers = {
  'scheduling.school.created': async (event, manager) => {
    await manager.query(
      `INSERT INTO replica_schools (tenant_id, school_id, name) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, school_id) DO UPDATE SET name = EXCLUDED.name`,
      [event.tenantId, event.payload.schoolId, event.payload.name],
    );
  },
  'scheduling.school.updated': async (event, manager) => {
    await manager.query(
      `INSERT INTO replica_schools (tenant_id, school_id, name) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, school_id) DO UPDATE SET name = EXCLUDED.name`,
      [event.tenantId, event.payload.schoolId, event.payload.name],
    );
  },

  'scheduling.pupil.enrolled': async (event, manager) => {
    const { pupilId, schoolId, firstName, lastName } = event.payload;
    await upsertPupil(manager, event.tenantId, pupilId, schoolId, `${firstName} ${lastName}`.trim());
  },
  'scheduling.pupil.moved': async (event, manager) => {
    await manager.query(`UPDATE replica_pupils SET school_id = $3 WHERE tenant_id = $1 AND pupil_id = $2`, [event.tenantId, event.payload.pupilId, event.payload.toSchoolId]);
  },
  'scheduling.pupil.details-changed': async (event, manager) => {
    const { pupilId, firstName, lastName } = event.payload;
    await manager.query(`UPDATE replica_pupils SET display_name = $3 WHERE tenant_id = $1 AND pupil_id = $2`, [event.tenantId, pupilId, `${firstName} ${lastName}`.trim()]);
  },
  'scheduling.pupil.left': async (event, manager) => {
    await manager.query(`UPDATE replica_pupils SET left_on = $3 WHERE tenant_id = $1 AND pupil_id = $2`, [event.tenantId, event.payload.pupilId, event.payload.leftOn]);
  },

  /** A full snapshot of one ensemble's pupils: replaces what we knew, unless we hold a newer one. */
  'scheduling.ensemble.membership-changed': async (event, manager) => {
    const { ensembleId, schoolId, ensembleName, members } = event.payload;
    const occurredAt = new Date(event.occurredAt);
    const applied: unknown[] = await manager.query(
      `INSERT INTO replica_ensembles (tenant_id, ensemble_id, school_id, name, snapshot_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, ensemble_id) DO UPDATE SET school_id = EXCLUDED.school_id, name = coalesce(EXCLUDED.name, replica_ensembles.name), snapshot_at = EXCLUDED.snapshot_at
       WHERE replica_ensembles.snapshot_at IS NULL OR replica_ensembles.snapshot_at <= EXCLUDED.snapshot_at
       RETURNING ensemble_id`,
      [event.tenantId, ensembleId, schoolId, ensembleName ?? null, occurredAt],
    );
    if (applied.length === 0) return;
    for (const member of members) await upsertPupil(manager, event.tenantId, member.pupilId, member.schoolId, member.displayName);
    await manager.query(`DELETE FROM replica_ensemble_members WHERE tenant_id = $1 AND ensemble_id = $2`, [event.tenantId, ensembleId]);
    if (members.length === 0) return;
    await manager.query(
      `INSERT INTO replica_ensemble_members (tenant_id, ensemble_id, pupil_id, instrument)
       SELECT $1, $2, m.pupil_id, m.instrument FROM unnest($3::uuid[], $4::text[]) AS m (pupil_id, instrument)
       ON CONFLICT DO NOTHING`,
      [event.tenantId, ensembleId, members.map((m) => m.pupilId), members.map((m) => m.instrument)],
    );
  },

  /** The per-member change scheduling publishes as it happens; pupils' names and schools come from enrolment. */
  'scheduling.ensemble-membership.changed': async (event, manager) => {
    const { ensembleId, pupilId, change, instrument } = event.payload;
    if (!pupilId) return;
    await manager.query(`INSERT INTO replica_ensembles (tenant_id, ensemble_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [event.tenantId, ensembleId]);
    if (change === 'joined') {
      await manager.query(
        `INSERT INTO replica_ensemble_members (tenant_id, ensemble_id, pupil_id, instrument) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, ensemble_id, pupil_id) DO UPDATE SET instrument = EXCLUDED.instrument`,
        [event.tenantId, ensembleId, pupilId, instrument],
      );
    } else {
      await manager.query(`DELETE FROM replica_ensemble_members WHERE tenant_id = $1 AND ensemble_id = $2 AND pupil_id = $3`, [event.tenantId, ensembleId, pupilId]);
    }
  },

  'engagement.consent.changed': async (event, manager) => {
    const { pupilId, kind, granted, note } = event.payload;
    await manager.query(
      `INSERT INTO replica_consents (tenant_id, pupil_id, kind, granted, note, changed_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, pupil_id, kind) DO UPDATE SET granted = EXCLUDED.granted, note = EXCLUDED.note, changed_at = EXCLUDED.changed_at
       WHERE replica_consents.changed_at <= EXCLUDED.changed_at`,
      [event.tenantId, pupilId, kind, granted, note, new Date(event.occurredAt)],
    );
  },
};

async function upsertPupil(manager: { query: (sql: string, params: unknown[]) => Promise<unknown> }, tenantId: string, pupilId: string, schoolId: string, displayName: string): Promise<void> {
  await manager.query(
    `INSERT INTO replica_pupils (tenant_id, pupil_id, school_id, display_name) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, pupil_id) DO UPDATE SET school_id = EXCLUDED.school_id, display_name = EXCLUDED.display_name`,
    [tenantId, pupilId, schoolId, displayName],
  );
}
