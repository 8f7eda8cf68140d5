import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarAndTimetable1764060500000 implements MigrationInterface {
  name = 'CalendarAndTimetable1764060500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE terms (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        CHECK (ends_on >= starts_on AND ends_on - starts_on <= 200),
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, name)
      )`);
    await runner.query('CREATE INDEX terms_tenant_starts ON terms (tenant_id, starts_on)');
    // Area holidays and bank holidays have no school; INSET days always belong to one school.
    await runner.query(`
      CREATE TABLE holidays (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        school_id uuid,
        kind text NOT NULL CHECK (kind IN ('holiday', 'bank_holiday', 'inset')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        CHECK (ends_on >= starts_on),
        CHECK ((kind = 'inset') = (school_id IS NOT NULL)),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, school_id) REFERENCES schools (tenant_id, id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX holidays_tenant_bank_holiday ON holidays (tenant_id, starts_on) WHERE kind = 'bank_holiday'`);
    await runner.query('CREATE INDEX holidays_tenant_starts ON holidays (tenant_id, starts_on, ends_on)');
    await runner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        ensemble_id uuid NOT NULL,
        school_id uuid,
        room_id uuid,
        term_id uuid,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        recurrence text NOT NULL CHECK (recurrence IN ('weekly', 'once')),
        weekday smallint CHECK (weekday BETWEEN 1 AND 7),
        start_time time NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 720),
        first_on date NOT NULL,
        last_on date NOT NULL,
        time_zone text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        CHECK (last_on >= first_on),
        CHECK ((recurrence = 'weekly') = (weekday IS NOT NULL)),
        FOREIGN KEY (tenant_id, ensemble_id) REFERENCES ensembles (tenant_id, id),
        FOREIGN KEY (tenant_id, room_id) REFERENCES rooms (tenant_id, id),
        FOREIGN KEY (tenant_id, term_id) REFERENCES terms (tenant_id, id)
      )`);
    await runner.query('CREATE INDEX sessions_tenant_ensemble ON sessions (tenant_id, ensemble_id)');
    await runner.query(`
      CREATE TABLE session_tutors (
        tenant_id uuid NOT NULL,
        session_id uuid NOT NULL,
        staff_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, session_id, staff_id),
        FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, staff_id) REFERENCES staff (tenant_id, id)
      )`);
    // Occurrences are materialised so that clashes, registers and provision are plain indexed queries.
    // Sessions never exceed 12 hours, which bounds every overlap search to an index range scan.
    await runner.query(`
      CREATE TABLE occurrences (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        session_id uuid NOT NULL,
        ensemble_id uuid NOT NULL,
        school_id uuid,
        room_id uuid,
        local_date date NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
        cancel_reason text,
        moved_from timestamptz,
        clash_override boolean NOT NULL DEFAULT false,
        delivered_at timestamptz,
        UNIQUE (tenant_id, id),
        CHECK (ends_at > starts_at AND ends_at - starts_at <= interval '12 hours'),
        FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, room_id) REFERENCES rooms (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX occurrences_tenant_starts ON occurrences (tenant_id, starts_at) WHERE status = 'scheduled'`);
    await runner.query(
      `CREATE INDEX occurrences_tenant_room_starts ON occurrences (tenant_id, room_id, starts_at) WHERE status = 'scheduled' AND room_id IS NOT NULL`,
    );
    await runner.query('CREATE INDEX occurrences_tenant_session_starts ON occurrences (tenant_id, session_id, starts_at)');
    await runner.query('CREATE INDEX occurrences_tenant_ensemble_starts ON occurrences (tenant_id, ensemble_id, starts_at)');
    await runner.query('CREATE INDEX occurrences_tenant_school_starts ON occurrences (tenant_id, school_id, starts_at)');
    // Times are copied here so that "this tutor's sessions in this range" is one index range scan.
    await runner.query(`
      CREATE TABLE occurrence_tutors (
        tenant_id uuid NOT NULL,
        occurrence_id uuid NOT NULL,
        staff_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, occurrence_id, staff_id),
        FOREIGN KEY (tenant_id, occurrence_id) REFERENCES occurrences (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, staff_id) REFERENCES staff (tenant_id, id)
      )`);
    await runner.query(
      'CREATE INDEX occurrence_tutors_tenant_staff_starts ON occurrence_tutors (tenant_id, staff_id, starts_at) INCLUDE (ends_at, occurrence_id)',
    );
    await runner.query(`
      CREATE TABLE register_submissions (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        occurrence_id uuid NOT NULL,
        submitted_by uuid NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (tenant_id, occurrence_id) REFERENCES occurrences (tenant_id, id) ON DELETE CASCADE
      )`);
    await runner.query(
      'CREATE INDEX register_submissions_tenant_occurrence ON register_submissions (tenant_id, occurrence_id, submitted_at)',
    );
    await runner.query(`
      CREATE TABLE attendance (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        occurrence_id uuid NOT NULL,
        pupil_id uuid,
        staff_id uuid,
        status text NOT NULL CHECK (status IN ('present', 'late', 'absent', 'excused')),
        submission_id uuid NOT NULL REFERENCES register_submissions (id) ON DELETE CASCADE,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((pupil_id IS NULL) <> (staff_id IS NULL)),
        FOREIGN KEY (tenant_id, occurrence_id) REFERENCES occurrences (tenant_id, id) ON DELETE CASCADE
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX attendance_occurrence_pupil ON attendance (tenant_id, occurrence_id, pupil_id) WHERE pupil_id IS NOT NULL',
    );
    await runner.query(
      'CREATE UNIQUE INDEX attendance_occurrence_staff ON attendance (tenant_id, occurrence_id, staff_id) WHERE staff_id IS NOT NULL',
    );
    await runner.query(
      'CREATE INDEX attendance_tenant_pupil ON attendance (tenant_id, pupil_id, occurrence_id) WHERE pupil_id IS NOT NULL',
    );
    await runner.query(`
      CREATE TABLE rehearsal_notes (
        tenant_id uuid NOT NULL,
        occurrence_id uuid NOT NULL,
        repertoire text[] NOT NULL DEFAULT '{}',
        focus text,
        notes text,
        author_user_id uuid NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, occurrence_id),
        FOREIGN KEY (tenant_id, occurrence_id) REFERENCES occurrences (tenant_id, id) ON DELETE CASCADE
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'rehearsal_notes',
      'attendance',
      'register_submissions',
      'occurrence_tutors',
      'occurrences',
      'session_tutors',
      'sessions',
      'holidays',
      'terms',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
