import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ATTENDANCE_STATUSES = ['present', 'late', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** One mark of a register; its id is the client's, so that a retried submission is recognised. */
@Entity('attendance')
export class Attendance {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'occurrence_id' }) occurrenceId: string;
  @Column('uuid', { name: 'pupil_id', nullable: true }) pupilId: string | null;
  @Column('uuid', { name: 'staff_id', nullable: true }) staffId: string | null;
  @Column('text') status: AttendanceStatus;
  @Column('uuid', { name: 'submission_id' }) submissionId: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
