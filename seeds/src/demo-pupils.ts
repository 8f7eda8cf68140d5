import { createHash } from 'node:crypto';
import type { DemoArea } from './demo/areas';
import { AREA_COMMUNITIES, COMMUNITY_NAMES, type Community } from './demo/names';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { seedId } from './seed-ids';

export const DEMO_CLASSES = [
  { yearGroup: 3, name: 'Oak', kind: 'Strings' },
  { yearGroup: 4, name: 'Ash', kind: 'Brass' },
  { yearGroup: 5, name: 'Elm', kind: 'Percussion' },
] as const;
export const DEMO_PUPILS_PER_CLASS = 8;

/** A demo class's id, the same in every service (scheduling creates the class; others learn it from pupils' events). */
export const demoClassId = (area: { slug: string }, schoolUrn: string, className: string): string =>
  seedId(`${area.slug}:class:${schoolUrn}:${className}`);

/** Every demo surname, each community's in turn. */
export const DEMO_LAST_NAMES = Object.values(COMMUNITY_NAMES).flatMap((names) => names.surnames);

/** A demo pupil as every service knows them: the same id, school and name everywhere. */
export interface DemoPupil {
  /** Numbered from 1 across the area's schools in DEMO_AREAS order, classes of Years 3, 4 and 5. */
  n: number;
  id: string;
  schoolIndex: number;
  schoolUrn: string;
  schoolId: string;
  classIndex: number;
  /** Position in the class, from 0. */
  place: number;
  yearGroup: number;
  /** Where the family's names (and perhaps its language) come from. */
  community: Community;
  firstName: string;
  lastName: string;
  displayName: string;
}

/** A number in [0, 1) fixed by the key, so that a re-seed gives the same demo. */
export function chance(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/** One of `items`, fixed by the key. */
export function pick<T>(items: readonly T[], key: string): T {
  return items[Math.floor(chance(key) * items.length)];
}

/** The community a family comes from, drawn as the area's families are (AREA_COMMUNITIES). */
function communityOf(area: DemoArea, key: string): Community {
  const weights = Object.entries(AREA_COMMUNITIES[area.slug] ?? { white_british: 1 }) as [Community, number][];
  let point = chance(`community:${key}`) * weights.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [community, weight] of weights) {
    point -= weight;
    if (point < 0) return community;
  }
  return weights[weights.length - 1][0];
}

/** Every demo pupil of an area, in the order the scheduling seed enrols them. */
export function demoPupils(area: DemoArea): DemoPupil[] {
  const pupils: DemoPupil[] = [];
  // The demo guardians' children carry the names demo-accounts.ts gives them, after their parents.
  const named = new Map(
    DEMO_ACCOUNTS.filter((account) => account.area === area.slug).flatMap((account) =>
      account.children.map((child) => [child.pupilNumber, child] as const),
    ),
  );
  for (const [schoolIndex, school] of area.schools.entries()) {
    for (const [classIndex, klass] of DEMO_CLASSES.entries()) {
      for (let place = 0; place < DEMO_PUPILS_PER_CLASS; place++) {
        const n = pupils.length + 1;
        const id = seedId(`pupil:${area.slug}:${n}`);
        const child = named.get(n);
        const community = child?.community ?? communityOf(area, id);
        const names = COMMUNITY_NAMES[community];
        const firstName = child?.firstName ?? pick(names.children, `first-name:${id}`);
        const lastName = child?.lastName ?? pick(names.surnames, `surname:${id}`);
        pupils.push({
          n,
          id,
          schoolIndex,
          schoolUrn: school.urn,
          schoolId: seedId(`school:${school.urn}`),
          classIndex,
          place,
          yearGroup: klass.yearGroup,
          community,
          firstName,
          lastName,
          displayName: `${firstName} ${lastName}`,
        });
      }
    }
  }
  return pupils;
}

/** Most pupils go to their school's after-school orchestra club; the rest have only their class's sessions (and choir). */
export const joinsClub = (pupil: DemoPupil): boolean => chance(`club:${pupil.id}`) < 0.8;
/** Each class's strings, brass or percussion instrument, by place in the class. */
export function instrumentOf(pupil: DemoPupil): string {
  const kind = DEMO_CLASSES[pupil.classIndex].kind;
  if (kind === 'Strings') return ['violin', 'viola', 'cello'][pupil.place % 3];
  if (kind === 'Brass') return ['trumpet', 'trombone', 'horn'][pupil.place % 3];
  return 'percussion';
}

export interface DemoEnsemble {
  id: string;
  schoolId: string | null;
  name: string;
  kind: 'whole_class' | 'choir' | 'orchestra';
  strand: 'curriculum' | 'after_school' | 'weekend';
  level: string | null;
  /** Which year group's class, for whole-class ensembles. */
  yearGroup: number | null;
  members: { pupil: DemoPupil; instrument: string | null; section: string | null }[];
}

/**
 * The area's ensembles and their pupils, as scheduling holds them and as its membership events
 * tell other services: each class's whole-class ensemble, each school's choir (every third child)
 * and after-school orchestra club (most children), and the area's youth orchestra (two violinists per school).
 */
export function demoEnsembles(area: DemoArea): DemoEnsemble[] {
  const pupils = demoPupils(area);
  const id = (suffix: string) => seedId(`${area.slug}:ensemble:${suffix}`);
  const ensembles: DemoEnsemble[] = [];
  for (const [schoolIndex, school] of area.schools.entries()) {
    const schoolId = seedId(`school:${school.urn}`);
    const ofSchool = pupils.filter((pupil) => pupil.schoolIndex === schoolIndex);
    ensembles.push({
      id: id(`${school.urn}:choir`),
      schoolId,
      name: `${school.name} Choir`,
      kind: 'choir',
      strand: 'after_school',
      level: null,
      yearGroup: null,
      members: ofSchool
        .filter((pupil) => pupil.place % 3 === 0)
        .map((pupil) => ({ pupil, instrument: null, section: ['soprano', 'alto'][pupil.place % 2] })),
    });
    ensembles.push({
      id: id(`${school.urn}:club`),
      schoolId,
      name: `${school.name} Orchestra Club`,
      kind: 'orchestra',
      strand: 'after_school',
      level: 'beginner',
      yearGroup: null,
      members: ofSchool.filter(joinsClub).map((pupil) => ({ pupil, instrument: instrumentOf(pupil), section: null })),
    });
    for (const [classIndex, klass] of DEMO_CLASSES.entries()) {
      ensembles.push({
        id: id(`${school.urn}:y${klass.yearGroup}`),
        schoolId,
        // With the school's name: an area's list of ensembles holds every school's Year 3.
        name: `${school.name.replace(/ (Primary|Juniors|Infants)$/, '')} Year ${klass.yearGroup} ${klass.kind}`,
        kind: 'whole_class',
        strand: 'curriculum',
        level: null,
        yearGroup: klass.yearGroup,
        members: ofSchool
          .filter((pupil) => pupil.classIndex === classIndex)
          .map((pupil) => ({ pupil, instrument: instrumentOf(pupil), section: null })),
      });
    }
  }
  ensembles.push({
    id: id('area-orchestra'),
    schoolId: null,
    name: `${area.name.replace('In Harmony ', '')} Youth Orchestra`,
    kind: 'orchestra',
    strand: 'weekend',
    level: 'intermediate',
    yearGroup: null,
    members: pupils
      .filter((pupil) => pupil.classIndex === 0 && pupil.place < 2)
      .map((pupil) => ({ pupil, instrument: 'violin', section: 'first violins' })),
  });
  return ensembles;
}
