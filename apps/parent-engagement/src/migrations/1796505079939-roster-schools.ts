import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Parent engagement's own list of the area's schools, kept from scheduling's `school.created` and
 * `school.updated` (issue 16): a school is known here from the moment scheduling creates it, so
 * that a programme admin can give a new school its Reply-To before it has any family, class,
 * ensemble or pupil. Ids only, like the rest of the roster replica. Each row remembers the event it
 * was last set from (occurred-at, then id) so that an older event arriving late changes nothing;
 * none (NULL) for a school known before this table, which any event then replaces.
 *
 * Those schools are copied in here from the replica's other tables, so that a deployed system
 * answers as before at once; the roster republisher then adds the schools with nothing yet.
 */
export class RosterSchools1796505079939 implements MigrationInterface {
  name = 'RosterSchools1796505079939';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE roster_schools (
        tenant_id uuid NOT NULL,
        school_id uuid NOT NULL,
        event_at timestamptz,
        event_id uuid,
        PRIMARY KEY (tenant_id, school_id),
        CHECK ((event_at IS NULL) = (event_id IS NULL))
      )`);
    await runner.query(`
      INSERT INTO roster_schools (tenant_id, school_id)
      SELECT tenant_id, school_id FROM family_children
       UNION SELECT tenant_id, school_id FROM roster_pupils
       UNION SELECT tenant_id, school_id FROM roster_classes
       UNION SELECT tenant_id, school_id FROM roster_ensembles WHERE school_id IS NOT NULL
      ON CONFLICT DO NOTHING`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE roster_schools');
  }
}
