import { DEMO_AREAS } from './demo/areas';
import { demoPerformances } from './demo-calendar';
import { demoFamilies } from './demo-families';
import { demoEnsembles, demoPupils } from './demo-pupils';
import { isDemoSchoolDay } from './demo-scheduling';

const SEASON_OF_MONTH = [
  'Winter',
  'Winter',
  'Spring',
  'Spring',
  'Spring',
  'Summer',
  'Summer',
  'Summer',
  'Autumn',
  'Autumn',
  'Autumn',
  'Winter',
];
const londonMonth = (moment: Date) =>
  Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', month: 'numeric' }).format(moment));
/** The first of every month of a school year: the demo's dates are relative to when it is loaded. */
const LOAD_DAYS = Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2026, 8 + month, 1, 9)));

describe('the demo data looks like a real area', () => {
  it.each(DEMO_AREAS.map((area) => [area.slug, area] as const))(
    '%s: many surnames, from several communities, in their own letters',
    (_slug, area) => {
      const pupils = demoPupils(area);
      const surnames = new Set(pupils.map((pupil) => pupil.lastName));
      expect(surnames.size).toBeGreaterThan(pupils.length / 2);
      expect(new Set(pupils.map((pupil) => pupil.community)).size).toBeGreaterThanOrEqual(4);
      expect(new Set(pupils.map((pupil) => pupil.displayName)).size).toBeGreaterThan(pupils.length * 0.9);
    },
  );

  it('uses names outside Latin-1 across the areas, and more than 80 surnames in all', () => {
    const pupils = DEMO_AREAS.flatMap(demoPupils);
    expect(new Set(pupils.map((pupil) => pupil.lastName)).size).toBeGreaterThan(80);
    const beyondLatin1 = pupils
      .map((pupil) => pupil.displayName)
      .filter((name) => [...name].some((char) => (char.codePointAt(0) ?? 0) > 0xff));
    expect(new Set(beyondLatin1).size).toBeGreaterThan(10);
  });

  it('gives a family a parent’s name from the child’s community and their surname', () => {
    for (const area of DEMO_AREAS) {
      for (const family of demoFamilies(area).filter((candidate) => !candidate.demoAccount)) {
        expect(family.name.endsWith(` ${family.children[0].lastName}`)).toBe(true);
      }
    }
  });

  it.each(DEMO_AREAS.map((area) => [area.slug, area] as const))('%s: no two ensembles share a name', (_slug, area) => {
    const names = demoEnsembles(area).map((ensemble) => ensemble.name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
    expect(names).toContain(`${area.schools[0].name.replace(/ (Primary|Juniors|Infants)$/, '')} Year 3 Strings`);
  });

  it.each(LOAD_DAYS.map((day) => [day.toISOString().slice(0, 7), day] as const))(
    'loaded in %s: every performance is named for the season of its date, uniquely in its area',
    (_month, now) => {
      for (const area of DEMO_AREAS) {
        const performances = demoPerformances(area, now);
        for (const performance of performances) {
          const seasons = performance.title.match(/\b(Winter|Spring|Summer|Autumn)\b/g);
          expect({ title: performance.title, seasons }).toEqual({
            title: performance.title,
            seasons: [SEASON_OF_MONTH[londonMonth(performance.startsAt) - 1]],
          });
        }
        const titles = performances.map((performance) => performance.title);
        expect(new Set(titles).size).toBe(titles.length);
      }
    },
  );

  it.each(LOAD_DAYS.map((day) => [day.toISOString().slice(0, 7), day] as const))(
    'loaded in %s: each school’s sharing assembly is on a school Friday, a week or more after the last',
    (_month, now) => {
      for (const area of DEMO_AREAS) {
        const assemblies = demoPerformances(area, now).filter((performance) => performance.schoolId !== null);
        expect(assemblies).toHaveLength(area.schools.length);
        for (const [index, assembly] of assemblies.entries()) {
          expect(assembly.startsAt.getUTCDay()).toBe(5);
          expect(isDemoSchoolDay(assembly.startsAt.toISOString().slice(0, 10))).toBe(true);
          if (index > 0)
            expect(assembly.startsAt.getTime() - assemblies[index - 1].startsAt.getTime()).toBeGreaterThanOrEqual(7 * 86_400_000);
        }
      }
    },
  );
});
