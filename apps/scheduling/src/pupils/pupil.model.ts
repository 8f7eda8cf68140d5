/** left: left the school; leaver: left the programme at a roll-over; alumni: left primary school for a secondary one at a roll-over, still followed. */
export const PUPIL_STATUSES = ['active', 'left', 'leaver', 'alumni'] as const;
export type PupilStatus = (typeof PUPIL_STATUSES)[number];
