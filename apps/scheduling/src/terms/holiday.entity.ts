import { Column, Entity, PrimaryColumn } from 'typeorm';

export const HOLIDAY_KINDS = ['holiday', 'bank_holiday', 'inset'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** A day or days without sessions: area-wide holidays and bank holidays, or one school's INSET day. */
@Entity('holidays')
export class Holiday {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'school_id', nullable: true }) schoolId: string | null;
  @Column('text') kind: HolidayKind;
  @Column('text') name: string;
  @Column('date', { name: 'starts_on' }) startsOn: string;
  @Column('date', { name: 'ends_on' }) endsOn: string;
}
