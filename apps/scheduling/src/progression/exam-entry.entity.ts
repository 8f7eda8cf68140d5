import { Column, Entity, PrimaryColumn } from 'typeorm';

export const EXAM_RESULTS = ['distinction', 'merit', 'pass', 'fail', 'withdrawn'] as const;
export type ExamResult = (typeof EXAM_RESULTS)[number];

/** A graded music exam a pupil is entered for (ABRSM, Trinity, …) and, later, its result. */
@Entity('exam_entries')
export class ExamEntry {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'pupil_id' }) pupilId: string;
  @Column('text') board: string;
  /** 0 for an Initial or Prep Test grade. */
  @Column('smallint') grade: number;
  @Column('text') instrument: string;
  @Column('date', { name: 'entered_on' }) enteredOn: string;
  @Column('date', { name: 'exam_on', nullable: true }) examOn: string | null;
  @Column('text', { nullable: true }) result: ExamResult | null;
  @Column('smallint', { nullable: true }) marks: number | null;
  /** Raised by every edit; its ETag, which an edit must name in If-Match. */
  @Column('integer') version: number;
}
