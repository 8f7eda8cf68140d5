export const SCHOOL_PHASES = ['primary', 'infant', 'junior', 'secondary', 'all_through', 'special'] as const;
export type SchoolPhase = (typeof SCHOOL_PHASES)[number];
