import type { Identity } from '@tutti/auth';
import { newId } from '@tutti/platform';

/** A fresh tenant per spec file, so that files running in parallel never see each other's rows. */
export const newTenantId = (): string => newId();

export function adminOf(tenantId: string, userId = newId()): Identity {
  return { userId, tenantId, displayName: 'Programme Admin', activeRole: null, grants: [{ role: 'programme_admin' }] };
}

export function headteacherOf(tenantId: string, schoolIds: string[], userId = newId()): Identity {
  return { userId, tenantId, displayName: 'Headteacher', activeRole: null, grants: [{ role: 'headteacher', schoolIds }] };
}

export function tutorOf(tenantId: string, schoolIds: string[], userId = newId()): Identity {
  return { userId, tenantId, displayName: 'Tutor', activeRole: null, grants: [{ role: 'tutor', schoolIds }] };
}

export function schoolStaffOf(tenantId: string, schoolIds: string[], userId = newId()): Identity {
  return { userId, tenantId, displayName: 'Class Teacher', activeRole: null, grants: [{ role: 'school_staff', schoolIds }] };
}

export function guardianOf(tenantId: string, pupils: { pupilId: string; schoolId: string }[], userId = newId()): Identity {
  return {
    userId,
    tenantId,
    displayName: 'Parent',
    activeRole: null,
    grants: [
      { role: 'guardian', pupils: pupils.map((pupil) => ({ ...pupil, relationship: 'parent', canBookTransport: true, canConsent: true })) },
    ],
  };
}
