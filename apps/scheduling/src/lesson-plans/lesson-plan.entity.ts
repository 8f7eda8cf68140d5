import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A lesson planned together by a class teacher and a tutor, linking the curriculum to the music. */
@Entity('lesson_plans')
export class LessonPlan {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'class_id' }) classId: string;
  @Column('uuid', { name: 'term_id' }) termId: string;
  @Column('uuid', { name: 'occurrence_id', nullable: true }) occurrenceId: string | null;
  @Column('text') subject: string;
  @Column('text') topic: string;
  @Column('text', { name: 'musical_activity' }) musicalActivity: string;
  @Column('uuid', { name: 'class_teacher_id' }) classTeacherId: string;
  @Column('uuid', { name: 'tutor_id' }) tutorId: string;
  /** Raised by every edit; its ETag, which an edit must name in If-Match. */
  @Column('integer') version: number;
}
