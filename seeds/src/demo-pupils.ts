import { createHash } from 'node:crypto';
import type { DemoArea } from './demo/areas';
import { seedId } from './seed-ids';

export const DEMO_CLASSES = [
  { yearGroup: 3, name: 'Oak', kind: 'Strings' },
  { yearGroup: 4, name: 'Ash', kind: 'Brass' },
  { yearGroup: 5, name: 'Elm', kind: 'Percussion' },
] as const;
export const DEMO_PUPILS_PER_CLASS = 8;

/** A demo class's id, the same in every service (scheduling creates the class; others learn it from pupils' events). */
export const demoClassId = (area: { slug: string }, schoolUrn: string, className: string): string => seedId(`${area.slug}:class:${schoolUrn}:${className}`);

const FIRST_NAMES = ['Amira', 'Ben', 'Chloe', 'Dawit', 'Ella', 'Filip', 'Grace', 'Hassan', 'Isla', 'Jayden', 'Kacper', 'Leah', 'Mohammed', 'Niamh', 'Oliver', 'Priya', 'Reuben', 'Sofia', 'Tariq', 'Zara'];
const LAST_NAMES = ['Ahmed', 'Brown', 'Clarke', 'Dvořák', 'Evans', 'Fofana', 'Green', 'Hughes', 'Iqbal', 'Jones', 'Kowalski', 'Lewis', 'Murphy', 'Nowak', 'Okafor', 'Patel', 'Roberts', 'Smith', 'Taylor', 'Walker', 'Yilmaz'];
export const DEMO_LAST_NAMES = LAST_NAMES;

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
  firstName: string;
  lastName: string;
  displayName: string;
}

/** A number in [0, 1) fixed by the key, so that a re-seed gives the same demo. */
export function chance(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/** Every demo pupil of an area, in the order the scheduling seed enrols them. */
export function demoPupils(area: DemoArea): DemoPupil[] {
  const pupils: DemoPupil[] = [];
  for (const [schoolIndex, school] of area.schools.entries()) {
    for (const [classIndex, klass] of DEMO_CLASSES.entries()) {
      for (let place = 0; place < DEMO_PUPILS_PER_CLASS; place++) {
        const n = pupils.length + 1;
        const firstName = FIRST_NAMES[n % FIRST_NAMES.length];
        const lastName = LAST_NAMES[(n * 7) % LAST_NAMES.length];
        pupils.push({
          n,
          id: seedId(`pupil:${area.slug}:${n}`),
          schoolIndex,
          schoolUrn: school.urn,
          schoolId: seedId(`school:${school.urn}`),
          classIndex,
          place,
          yearGroup: klass.yearGroup,
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
      members: ofSchool.filter((pupil) => pupil.place % 3 === 0).map((pupil) => ({ pupil, instrument: null, section: ['soprano', 'alto'][pupil.place % 2] })),
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
        name: `Year ${klass.yearGroup} ${klass.kind}`,
        kind: 'whole_class',
        strand: 'curriculum',
        level: null,
        yearGroup: klass.yearGroup,
        members: ofSchool.filter((pupil) => pupil.classIndex === classIndex).map((pupil) => ({ pupil, instrument: instrumentOf(pupil), section: null })),
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
    members: pupils.filter((pupil) => pupil.classIndex === 0 && pupil.place < 2).map((pupil) => ({ pupil, instrument: 'violin', section: 'first violins' })),
  });
  return ensembles;
}
