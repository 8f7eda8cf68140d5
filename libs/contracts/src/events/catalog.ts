/**
 * Every event that crosses a service boundary, with its versioned payload. Adding an event means
 * adding it here and naming its subscribers in `subscriptions.ts`; the compiler then holds producers
 * and consumers to the same shape.
 */
export interface EventCatalog {
  'identity.tenant.created': TenantChangedV1;
  'identity.tenant.updated': TenantChangedV1;
  'scheduling.school.created': SchoolChangedV1;
  'scheduling.school.updated': SchoolChangedV1;
  'performance.performance.published': PerformanceScheduleV1;
  'performance.performance.rescheduled': PerformanceScheduleV1;
  'performance.performance.cancelled': PerformanceCancelledV1;
}

export interface TenantChangedV1 {
  version: 1;
  tenantId: string;
  name: string;
  slug: string;
  timeZone: string;
  weeklyProvisionTargetMinutes: number;
  familyLanguages: string[];
  familyTransportSeatLimit: number;
}

export interface SchoolChangedV1 {
  version: 1;
  schoolId: string;
  name: string;
  urn: string | null;
  phase: string;
}

export interface PerformanceScheduleV1 {
  version: 1;
  performanceId: string;
  title: string;
  /** ISO 8601, UTC. */
  startsAt: string;
  endsAt: string;
  venueName: string;
}

export interface PerformanceCancelledV1 {
  version: 1;
  performanceId: string;
  reason: string | null;
}
