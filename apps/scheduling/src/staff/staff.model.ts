export const STAFF_KINDS = ['tutor', 'school_staff', 'driver', 'volunteer'] as const;
export type StaffKind = (typeof STAFF_KINDS)[number];
