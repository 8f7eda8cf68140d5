import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A planned session: weekly on one weekday at a local time, or once. Its dates are its occurrences. */
@Entity('sessions')
export class Session {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'ensemble_id' }) ensembleId: string;
  @Column('uuid', { name: 'school_id', nullable: true }) schoolId: string | null;
  @Column('uuid', { name: 'room_id', nullable: true }) roomId: string | null;
  @Column('uuid', { name: 'term_id', nullable: true }) termId: string | null;
  @Column('text') title: string;
  @Column('text') recurrence: 'weekly' | 'once';
  /** ISO weekday, 1 = Monday. */
  @Column('smallint', { nullable: true }) weekday: number | null;
  /** Local wall-clock time in `timeZone`. */
  @Column('time', { name: 'start_time' }) startTime: string;
  @Column('integer', { name: 'duration_minutes' }) durationMinutes: number;
  @Column('date', { name: 'first_on' }) firstOn: string;
  @Column('date', { name: 'last_on' }) lastOn: string;
  @Column('text', { name: 'time_zone' }) timeZone: string;
}
