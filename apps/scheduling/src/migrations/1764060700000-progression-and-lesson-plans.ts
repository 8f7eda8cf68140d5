import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgressionAndLessonPlans1764060700000 implements MigrationInterface {
  name = 'ProgressionAndLessonPlans1764060700000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE exam_entries (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        pupil_id uuid NOT NULL,
        board text NOT NULL CHECK (length(board) BETWEEN 1 AND 50),
        grade smallint NOT NULL CHECK (grade BETWEEN 0 AND 8),
        instrument text NOT NULL CHECK (length(instrument) BETWEEN 1 AND 50),
        entered_on date NOT NULL,
        exam_on date,
        result text CHECK (result IN ('distinction', 'merit', 'pass', 'fail', 'withdrawn')),
        marks smallint CHECK (marks BETWEEN 0 AND 150),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, pupil_id) REFERENCES pupils (tenant_id, id)
      )`);
    await runner.query('CREATE INDEX exam_entries_tenant_pupil ON exam_entries (tenant_id, pupil_id, entered_on)');
    await runner.query(`
      CREATE TABLE lesson_plans (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        class_id uuid NOT NULL,
        term_id uuid NOT NULL,
        occurrence_id uuid,
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 100),
        topic text NOT NULL CHECK (length(topic) BETWEEN 1 AND 200),
        musical_activity text NOT NULL CHECK (length(musical_activity) BETWEEN 1 AND 2000),
        class_teacher_id uuid NOT NULL,
        tutor_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, class_id) REFERENCES classes (tenant_id, id),
        FOREIGN KEY (tenant_id, term_id) REFERENCES terms (tenant_id, id),
        FOREIGN KEY (tenant_id, occurrence_id) REFERENCES occurrences (tenant_id, id) ON DELETE SET NULL (occurrence_id),
        FOREIGN KEY (tenant_id, class_teacher_id) REFERENCES staff (tenant_id, id),
        FOREIGN KEY (tenant_id, tutor_id) REFERENCES staff (tenant_id, id)
      )`);
    await runner.query('CREATE INDEX lesson_plans_tenant_class_term ON lesson_plans (tenant_id, class_id, term_id, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE lesson_plans');
    await runner.query('DROP TABLE exam_entries');
  }
}
