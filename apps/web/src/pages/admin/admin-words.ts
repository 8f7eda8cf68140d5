import type { Schema } from '../../api/client';
import type { Role } from '../../app-context';
import type { MessageKey } from '../../i18n';

/** The programme admin pages' enum values in words (a value added to the API fails to compile here until it has words). */
export const PHASE_WORDS: Record<Schema<'scheduling.SchoolDto'>['phase'], MessageKey> = {
  primary: 'adm.phase.primary',
  infant: 'adm.phase.infant',
  junior: 'adm.phase.junior',
  secondary: 'adm.phase.secondary',
  all_through: 'adm.phase.all_through',
  special: 'adm.phase.special',
};

export const PUPIL_STATUS_WORDS: Record<Schema<'scheduling.PupilDto'>['status'], MessageKey> = {
  active: 'adm.pupilStatus.active',
  left: 'adm.pupilStatus.left',
  leaver: 'adm.pupilStatus.leaver',
  alumni: 'adm.pupilStatus.alumni',
};

export const STAFF_KIND_WORDS: Record<Schema<'scheduling.StaffDto'>['kind'], MessageKey> = {
  tutor: 'adm.staffKind.tutor',
  school_staff: 'adm.staffKind.school_staff',
  driver: 'adm.staffKind.driver',
  volunteer: 'adm.staffKind.volunteer',
};

export const VENUE_KIND_WORDS: Record<Schema<'performance-event.VenueDto'>['kind'], MessageKey> = {
  school_hall: 'adm.venueKind.school_hall',
  community_venue: 'adm.venueKind.community_venue',
  supermarket: 'adm.venueKind.supermarket',
  concert_hall: 'adm.venueKind.concert_hall',
  church: 'adm.venueKind.church',
  outdoor: 'adm.venueKind.outdoor',
  other: 'adm.venueKind.other',
};

export const RELATIONSHIP_WORDS: Record<Schema<'GuardianLinkDto'>['relationship'], MessageKey> = {
  parent: 'adm.relationship.parent',
  step_parent: 'adm.relationship.step_parent',
  grandparent: 'adm.relationship.grandparent',
  carer: 'adm.relationship.carer',
  foster_carer: 'adm.relationship.foster_carer',
  other_relative: 'adm.relationship.other_relative',
  other: 'adm.relationship.other',
};

export const ACCOUNT_STATUS_WORDS: Record<Schema<'AccountDetailDto'>['status'], MessageKey> = {
  invited: 'adm.accountStatus.invited',
  active: 'adm.accountStatus.active',
  disabled: 'adm.accountStatus.disabled',
};

/** A version as the If-Match an edit sends (`"3"`), for the records that answer their version in the body. */
export function ifMatch(version: number): string {
  return `"${version}"`;
}

/** The roles an account can be granted, in the order the admin pages offer them. */
export const ROLE_WORDS: Record<Role, MessageKey> = {
  programme_admin: 'role.programme_admin',
  headteacher: 'role.headteacher',
  tutor: 'role.tutor',
  school_staff: 'role.school_staff',
  guardian: 'role.guardian',
  evaluator: 'role.evaluator',
};

/** The roles whose grant names the schools it covers. */
export const SCHOOL_ROLES: Role[] = ['headteacher', 'tutor', 'school_staff'];
