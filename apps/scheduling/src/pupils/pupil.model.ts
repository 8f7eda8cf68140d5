export const PUPIL_STATUSES = ['active', 'left', 'leaver'] as const;
export type PupilStatus = (typeof PUPIL_STATUSES)[number];
