/** How a graded music exam (ABRSM, Trinity, …) a pupil was entered for ended. */
export const EXAM_RESULTS = ['distinction', 'merit', 'pass', 'fail', 'withdrawn'] as const;
export type ExamResult = (typeof EXAM_RESULTS)[number];
