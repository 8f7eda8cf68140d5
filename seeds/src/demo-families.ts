import type { Client } from 'pg';
import type { DemoArea } from './demo/areas';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { COMMUNITY_NAMES } from './demo/names';
import { chance, demoPupils, pick, type DemoPupil } from './demo-pupils';
import { seedId, tenantIdOf } from './seed-ids';

export type ConsentKind = 'photo_film' | 'performing_in_public' | 'transport';

/** A family as the gateway (account, guardian links), parent engagement and performance-event know it. */
export interface DemoFamily {
  /** The demo account's key (`guardian`, `tutor_guardian`), or `family:<n>` after the eldest child's number. */
  key: string;
  guardianId: string;
  name: string;
  email: string;
  language: string;
  children: DemoPupil[];
  /** One of DEMO_ACCOUNTS (seeded by demo-accounts.ts), rather than a family added here. */
  demoAccount: boolean;
}

export interface DemoConsent {
  pupil: DemoPupil;
  family: DemoFamily;
  kind: ConsentKind;
  decision: 'granted' | 'refused';
  note: string | null;
}

/**
 * The area's families: the demo guardians, and a family for about half of the other pupils (so the
 * admin's account list, 100 to a page, keeps every demo account on its first page).
 */
export function demoFamilies(area: DemoArea): DemoFamily[] {
  const pupils = demoPupils(area);
  const byNumber = new Map(pupils.map((pupil) => [pupil.n, pupil]));
  const families: DemoFamily[] = DEMO_ACCOUNTS.filter((account) => account.area === area.slug && account.children.length > 0).map(
    (account) => ({
      key: account.key,
      guardianId: account.id,
      name: account.displayName,
      email: account.email,
      language: account.preferredLanguage,
      children: account.children.map((child) => byNumber.get(child.pupilNumber)).filter((pupil): pupil is DemoPupil => pupil !== undefined),
      demoAccount: true,
    }),
  );
  const taken = new Set(families.flatMap((family) => family.children.map((child) => child.n)));
  for (const pupil of pupils) {
    if (taken.has(pupil.n) || chance(`family:${pupil.id}`) >= 0.5) continue;
    const names = COMMUNITY_NAMES[pupil.community];
    const first = pick(names.parents, `parent-name:${pupil.id}`);
    // Some families of a community whose language the area offers prefer it; the others English.
    const ownLanguage = names.language && area.familyLanguages.includes(names.language) ? names.language : null;
    const language = ownLanguage && chance(`language:${pupil.id}`) < 0.6 ? ownLanguage : 'en';
    families.push({
      key: `family:${pupil.n}`,
      guardianId: seedId(`account:${area.slug}:family:${pupil.n}`),
      name: `${first} ${pupil.lastName}`,
      email: `family-${pupil.n}@${area.slug}.tutti.test`,
      language,
      children: [pupil],
      demoAccount: false,
    });
  }
  return families;
}

/** The demo guardians' own decisions, which the web journeys show: [family key, pupil number, kind, decision, note]. */
const DEMO_ACCOUNT_CONSENTS: [string, number, ConsentKind, 'granted' | 'refused', string | null][] = [
  ['guardian', 1, 'photo_film', 'granted', 'Yes, except on social media'],
  ['guardian', 1, 'performing_in_public', 'granted', null],
  ['guardian', 1, 'transport', 'granted', null],
  ['guardian', 25, 'transport', 'granted', null],
  ['tutor_guardian', 2, 'photo_film', 'refused', null],
  ['tutor_guardian', 2, 'transport', 'granted', null],
];

/** Consents given by the area's families: the demo guardians' as above; most other families agree to performing and filming, a few not to filming. */
export function demoConsents(area: DemoArea): DemoConsent[] {
  const consents: DemoConsent[] = [];
  for (const family of demoFamilies(area)) {
    for (const pupil of family.children) {
      if (family.demoAccount) {
        for (const [key, n, kind, decision, note] of DEMO_ACCOUNT_CONSENTS) {
          if (key === family.key && n === pupil.n) consents.push({ pupil, family, kind, decision, note });
        }
        continue;
      }
      consents.push({
        pupil,
        family,
        kind: 'performing_in_public',
        decision: chance(`consent:public:${pupil.id}`) < 0.95 ? 'granted' : 'refused',
        note: null,
      });
      consents.push({
        pupil,
        family,
        kind: 'photo_film',
        decision: chance(`consent:photo:${pupil.id}`) < 0.85 ? 'granted' : 'refused',
        note: null,
      });
      if (chance(`consent:transport:${pupil.id}`) < 0.7)
        consents.push({ pupil, family, kind: 'transport', decision: 'granted', note: null });
    }
  }
  return consents;
}

/**
 * The gateway's side of the families added here: a guardian account each (signing in with the demo
 * password, like every demo account), its guardian grant and links to the children. Through the
 * gateway's own role, after demo-accounts.ts. Returns how many families it added.
 */
export async function seedFamilyAccounts(gateway: Client, areas: DemoArea[]): Promise<number> {
  let added = 0;
  for (const area of areas) {
    const tenantId = tenantIdOf(area);
    const families = demoFamilies(area).filter((family) => !family.demoAccount);
    const links = families.flatMap((family) => family.children.map((child) => ({ family, child })));
    await gateway.query(
      `INSERT INTO accounts (id, tenant_id, email, display_name, preferred_language, status)
       SELECT f.id, $1, f.email, f.name, f.language, 'active' FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) AS f (id, email, name, language)
       ON CONFLICT DO NOTHING`,
      [
        tenantId,
        families.map((f) => f.guardianId),
        families.map((f) => f.email),
        families.map((f) => f.name),
        families.map((f) => f.language),
      ],
    );
    // The same password as every demo account: its hash is copied from the demo guardian's credentials.
    await gateway.query(
      `INSERT INTO credentials (account_id, tenant_id, password_hash)
       SELECT f.id, $1, c.password_hash FROM unnest($2::uuid[]) AS f (id) JOIN credentials c ON c.tenant_id = $1 AND c.account_id = $3
       ON CONFLICT DO NOTHING`,
      [tenantId, families.map((f) => f.guardianId), seedId(`account:${area.slug}:guardian`)],
    );
    await gateway.query(
      `INSERT INTO grants (id, tenant_id, account_id, role, school_id) SELECT g.id, $1, g.account_id, 'guardian', NULL FROM unnest($2::uuid[], $3::uuid[]) AS g (id, account_id) ON CONFLICT DO NOTHING`,
      [tenantId, families.map((f) => seedId(`grant:${f.guardianId}:guardian:area`)), families.map((f) => f.guardianId)],
    );
    await gateway.query(
      `INSERT INTO guardian_links (id, tenant_id, account_id, pupil_id, school_id, relationship, can_book_transport, can_give_consent)
       SELECT l.id, $1, l.account_id, l.pupil_id, l.school_id, 'parent', true, true FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[]) AS l (id, account_id, pupil_id, school_id)
       ON CONFLICT DO NOTHING`,
      [
        tenantId,
        links.map(({ family, child }) => seedId(`guardian-link:${family.guardianId}:${child.id}`)),
        links.map(({ family }) => family.guardianId),
        links.map(({ child }) => child.id),
        links.map(({ child }) => child.schoolId),
      ],
    );
    added += families.length;
  }
  return added;
}
