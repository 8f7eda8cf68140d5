import type { DemoArea } from './demo/areas';
import { DEMO_CLASSES } from './demo-pupils';
import { isDemoSchoolDay } from './demo-scheduling';
import { seedId } from './seed-ids';

const MINUTE = 60_000;
/**
 * What each venue's performances are, in offset order (0 and 2 with professionals side by side,
 * 3 with the choirs), different at each venue; the season of their date goes before them.
 */
const PERFORMANCE_KINDS = [
  ['Side-by-Side Concert', 'Family Concert', 'Side-by-Side Showcase', 'Celebration Concert'],
  ['Side-by-Side Gala', 'Family Showcase', 'Side-by-Side Festival', 'Community Celebration'],
];
export const SEASONS = ['Winter', 'Spring', 'Summer', 'Autumn'] as const;
/** Per venue: one performance three weeks ago and three to come, a few weeks apart. */
const WEEKS_BY_OFFSET = [-3, 2, 5, 9];

/** A demo performance as performance-event holds it; parent-engagement's replica has the published (and completed) ones. */
export interface DemoPerformance {
  id: string;
  venueKey: string;
  venueName: string;
  /** Index of the venue in the area (venue performances), or of the school (sharing assemblies). */
  index: number;
  /** 0–3 for venue performances (0 is the past one), null for sharing assemblies. */
  offset: number | null;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: 'draft' | 'published' | 'completed';
  audience: 'public' | 'school_community';
  schoolId: string | null;
  /** The scheduling ensembles (seed keys after the area slug, `ensemble:…`) taking part. */
  ensembleKeys: string[];
}

const LONDON_MONTH = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', month: 'numeric' });

/** The season a moment falls in, in London: winter December to February, spring March to May, and so on. */
export function seasonOf(moment: Date): (typeof SEASONS)[number] {
  const month = Number(LONDON_MONTH.format(moment));
  return SEASONS[Math.floor((month % 12) / 3)];
}

/** 18:00 UTC (18:00 in London in winter, 19:00 in summer) on the Wednesday `weeks` weeks from now. */
function eveningInWeeks(now: Date, weeks: number): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + weeks * 7, 18));
  day.setUTCDate(day.getUTCDate() + ((3 - day.getUTCDay() + 7) % 7));
  return day;
}

/**
 * The area's demo performances relative to `now`: per venue one past and three to come (each with
 * one year group of every school; the side-by-side ones with the youth orchestra; the last, for
 * the school community, with the choirs), and a sharing assembly in each school's hall (its choir
 * and orchestra club; the first school's still a draft).
 */
export function demoPerformances(area: DemoArea, now: Date): DemoPerformance[] {
  const place = area.name.replace('In Harmony ', '');
  const performances: DemoPerformance[] = [];
  for (const [venueIndex, venue] of area.venues.entries()) {
    for (const [offset, weeks] of WEEKS_BY_OFFSET.entries()) {
      const startsAt = eveningInWeeks(now, weeks + venueIndex);
      const yearGroup = DEMO_CLASSES[(offset + venueIndex) % DEMO_CLASSES.length].yearGroup;
      const ensembleKeys = area.schools.map((school) => `ensemble:${school.urn}:y${yearGroup}`);
      if (offset % 2 === 0) ensembleKeys.push('ensemble:area-orchestra');
      if (offset === 3) ensembleKeys.push(...area.schools.map((school) => `ensemble:${school.urn}:choir`));
      performances.push({
        id: seedId(`performance:${area.slug}:${venue.name}:${offset}`),
        venueKey: `venue:${area.slug}:${venue.name}`,
        venueName: venue.name,
        index: venueIndex,
        offset,
        title: `${place} ${seasonOf(startsAt)} ${PERFORMANCE_KINDS[venueIndex % PERFORMANCE_KINDS.length][offset]}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 90 * MINUTE),
        status: weeks < 0 ? 'completed' : 'published',
        audience: offset === 3 ? 'school_community' : 'public',
        schoolId: null,
        ensembleKeys,
      });
    }
  }
  // A Friday-afternoon sharing assembly for families in each school, on school Fridays a week or more apart.
  const friday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 10, 14, 30));
  friday.setUTCDate(friday.getUTCDate() + ((5 - friday.getUTCDay() + 7) % 7));
  for (const [index, school] of area.schools.entries()) {
    while (!isDemoSchoolDay(friday.toISOString().slice(0, 10))) friday.setUTCDate(friday.getUTCDate() + 7);
    const startsAt = new Date(friday);
    friday.setUTCDate(friday.getUTCDate() + 7);
    performances.push({
      id: seedId(`performance:${area.slug}:sharing:${school.urn}`),
      venueKey: `venue:${area.slug}:hall:${school.urn}`,
      venueName: `${school.name} hall`,
      index,
      offset: null,
      title: `${school.name} ${seasonOf(startsAt)} Sharing Assembly`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 40 * MINUTE),
      status: index === 0 ? 'draft' : 'published',
      audience: 'school_community',
      schoolId: seedId(`school:${school.urn}`),
      ensembleKeys: [`ensemble:${school.urn}:choir`, `ensemble:${school.urn}:club`],
    });
  }
  return performances;
}
