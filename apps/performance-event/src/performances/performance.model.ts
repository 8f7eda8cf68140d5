export const PERFORMANCE_STATUSES = ['draft', 'published', 'completed', 'cancelled'] as const;
export type PerformanceStatus = (typeof PERFORMANCE_STATUSES)[number];
export type PerformanceAudience = 'public' | 'school_community';
