export const STAFF_KINDS = ['tutor', 'school_staff'] as const;
export type StaffKind = (typeof STAFF_KINDS)[number];
