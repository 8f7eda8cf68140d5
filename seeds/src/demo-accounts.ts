import { argon2id, hash } from 'argon2';
import type { Client } from 'pg';
import type { Role } from '@tutti/auth';
import { DEMO_AREAS, type DemoArea } from './demo/areas';
import type { Community } from './demo/names';
import { seedId, tenantIdOf } from './seed-ids';

/** Every demo account signs in with this; it passes the gateway's password policy. */
export const DEMO_PASSWORD = 'play-together-2026';

/** The gateway's argon2id settings (apps/gateway/src/identity/credentials/password-hasher.ts). */
const ARGON2_OPTIONS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** demo-scheduling.ts numbers pupils across an area's schools, 3 classes of 8 per school. */
const DEMO_PUPILS_PER_SCHOOL = 24;

type DemoPersonKey = 'programme_admin' | 'headteacher' | 'tutor' | 'school_staff' | 'guardian' | 'evaluator' | 'tutor_guardian';

export interface DemoChild {
  /** The pupil is `seedId(\`pupil:<area>:<n>\`)`, created by the scheduling seed at the school with this URN. */
  pupilNumber: number;
  schoolUrn: string;
  relationship: 'parent' | 'carer' | 'grandparent';
  canBookTransport: boolean;
  /** The child's names, after the family's (demo-pupils.ts draws the other pupils' names). */
  firstName: string;
  lastName: string;
  community: Community;
}

export interface DemoAccount {
  id: string;
  area: string;
  key: DemoPersonKey;
  email: string;
  password: string;
  displayName: string;
  preferredLanguage: string;
  /** What this person can do, in words, for the README and `npm start`. */
  description: string;
  grants: { role: Role; schoolUrns?: string[] }[];
  children: DemoChild[];
}

/** The n-th pupil of the area's school at `schoolIndex` (1-based within the school). */
const pupilAt = (schoolIndex: number, nth: number) => schoolIndex * DEMO_PUPILS_PER_SCHOOL + nth;

function demoPeople(area: DemoArea): DemoAccount[] {
  const [first, second] = area.schools;
  const place = area.name.replace('In Harmony ', '');
  const account = (
    key: DemoPersonKey,
    fields: Omit<DemoAccount, 'id' | 'area' | 'key' | 'email' | 'password' | 'preferredLanguage'> & { preferredLanguage?: string },
  ): DemoAccount => ({
    id: seedId(`account:${area.slug}:${key}`),
    area: area.slug,
    key,
    email: `${key.replace('_', '-')}@${area.slug}.tutti.test`,
    password: DEMO_PASSWORD,
    preferredLanguage: fields.preferredLanguage ?? 'en',
    ...fields,
  });
  const tutorSchools = area.schools.filter((school) => school !== first);
  return [
    account('programme_admin', {
      displayName: 'Sam Whitfield',
      description: `programme admin of ${place}`,
      grants: [{ role: 'programme_admin' }],
      children: [],
    }),
    // The next three are the people demo-scheduling.ts links staff records to (same ids, same names).
    account('headteacher', {
      displayName: 'Mrs Helen Okafor',
      description: `headteacher of ${first.name}`,
      grants: [{ role: 'headteacher', schoolUrns: [first.urn] }],
      children: [],
    }),
    account('tutor', {
      displayName: 'Rosa Martínez',
      description: `tutor at every school of ${place} (${area.schools.length})`,
      grants: [{ role: 'tutor', schoolUrns: area.schools.map((school) => school.urn) }],
      children: [],
    }),
    account('school_staff', {
      displayName: 'Mr Daniel Price',
      description: `class teacher at ${first.name}`,
      grants: [{ role: 'school_staff', schoolUrns: [first.urn] }],
      children: [],
    }),
    account('guardian', {
      displayName: 'Maria Kowalska',
      preferredLanguage: area.familyLanguages.includes('pl') ? 'pl' : 'en',
      description: `parent of two children, at ${first.name} and ${second.name}`,
      grants: [{ role: 'guardian' }],
      children: [
        // Polish surnames follow the bearer: her daughter is a Kowalska, her son a Kowalski.
        {
          pupilNumber: pupilAt(0, 1),
          schoolUrn: first.urn,
          relationship: 'parent',
          canBookTransport: true,
          firstName: 'Łucja',
          lastName: 'Kowalska',
          community: 'polish',
        },
        {
          pupilNumber: pupilAt(1, 1),
          schoolUrn: second.urn,
          relationship: 'parent',
          canBookTransport: true,
          firstName: 'Kacper',
          lastName: 'Kowalski',
          community: 'polish',
        },
      ],
    }),
    account('evaluator', {
      displayName: 'Dr Amira Haddad',
      description: `evaluator of ${place} (read-only)`,
      grants: [{ role: 'evaluator' }],
      children: [],
    }),
    account('tutor_guardian', {
      displayName: 'Kwame Mensah',
      description: `tutor at ${tutorSchools.map((school) => school.name).join(' and ')}, and parent of a child at ${first.name}`,
      grants: [{ role: 'tutor', schoolUrns: tutorSchools.map((school) => school.urn) }, { role: 'guardian' }],
      children: [
        {
          pupilNumber: pupilAt(0, 2),
          schoolUrn: first.urn,
          relationship: 'parent',
          canBookTransport: true,
          firstName: 'Ama',
          lastName: 'Mensah',
          community: 'ghanaian',
        },
      ],
    }),
  ];
}

/** Every demo person, in every demo area: a programme admin, a headteacher, tutors, school staff, guardians, an evaluator. */
export const DEMO_ACCOUNTS: DemoAccount[] = DEMO_AREAS.flatMap(demoPeople);

/**
 * Writes the demo accounts into the gateway's schema through the gateway's own role: the schools
 * grants may name, accounts, argon2id credentials, grants and guardian links, for every demo area
 * whose tenant exists. Stable ids (seedId), so that a second run changes nothing. Returns how many
 * accounts there are.
 */
export async function seedDemoAccounts(client: Client): Promise<number> {
  const existing = await client.query<{ id: string }>('SELECT id FROM tenants');
  const tenantIds = new Set(existing.rows.map((row) => row.id));
  const areas = DEMO_AREAS.filter((area) => tenantIds.has(tenantIdOf(area)));
  const passwordHash = await hash(DEMO_PASSWORD, ARGON2_OPTIONS);
  let accounts = 0;
  for (const area of areas) {
    const tenantId = tenantIdOf(area);
    for (const school of area.schools) {
      await client.query(`INSERT INTO tenant_schools (tenant_id, school_id, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        tenantId,
        seedId(`school:${school.urn}`),
        school.name,
      ]);
    }
    for (const person of DEMO_ACCOUNTS.filter((candidate) => candidate.area === area.slug)) {
      await client.query(
        `INSERT INTO accounts (id, tenant_id, email, display_name, preferred_language, status) VALUES ($1, $2, $3, $4, $5, 'active') ON CONFLICT DO NOTHING`,
        [person.id, tenantId, person.email, person.displayName, person.preferredLanguage],
      );
      await client.query(`INSERT INTO credentials (account_id, tenant_id, password_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        person.id,
        tenantId,
        passwordHash,
      ]);
      for (const grant of person.grants) {
        for (const schoolUrn of grant.schoolUrns ?? [null]) {
          const schoolId = schoolUrn ? seedId(`school:${schoolUrn}`) : null;
          await client.query(
            `INSERT INTO grants (id, tenant_id, account_id, role, school_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
            [seedId(`grant:${person.id}:${grant.role}:${schoolUrn ?? 'area'}`), tenantId, person.id, grant.role, schoolId],
          );
        }
      }
      for (const child of person.children) {
        const pupilId = seedId(`pupil:${area.slug}:${child.pupilNumber}`);
        await client.query(
          `INSERT INTO guardian_links (id, tenant_id, account_id, pupil_id, school_id, relationship, can_book_transport, can_give_consent)
           VALUES ($1, $2, $3, $4, $5, $6, $7, true) ON CONFLICT DO NOTHING`,
          [
            seedId(`guardian-link:${person.id}:${pupilId}`),
            tenantId,
            person.id,
            pupilId,
            seedId(`school:${child.schoolUrn}`),
            child.relationship,
            child.canBookTransport,
          ],
        );
      }
      accounts++;
    }
  }
  return accounts;
}
