/**
 * How a pupil's name is found and replaced in what scheduling holds: the full name ("Amelia Jones",
 * "Jones, Amelia") wherever it appears in the area; the first or last name alone only where the
 * text is about the pupil (a note on a session they were in, an event or reply carrying their id),
 * since another child may share a first name.
 */
export interface PupilName {
  firstName: string;
  lastName: string;
}

/** The pseudonym as the record's two name fields ("Pupil 7F3A": first "Pupil", last "7F3A"). */
export function pseudonymParts(pseudonym: string): PupilName {
  const space = pseudonym.indexOf(' ');
  if (space <= 0 || space === pseudonym.length - 1) return { firstName: 'Pupil', lastName: pseudonym };
  return { firstName: pseudonym.slice(0, space), lastName: pseudonym.slice(space + 1) };
}

function escaped(text: string): string {
  return text
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
}

function fullNames(name: PupilName): string[] {
  const first = escaped(name.firstName);
  const last = escaped(name.lastName);
  return [`${first}\\s+${last}`, `${last},\\s*${first}`];
}

function words(name: PupilName): string[] {
  // Longest first, so that "Amelia Jones" is replaced whole rather than in two halves.
  return [...fullNames(name), escaped(name.firstName), escaped(name.lastName)].filter((part) => part.length > 0);
}

/** PostgreSQL (ARE) patterns, used case-insensitively: `\m` and `\M` bound a word. */
export function sqlPatterns(name: PupilName): { full: string; words: string } {
  return { full: `\\m(${fullNames(name).join('|')})\\M`, words: `\\m(${words(name).join('|')})\\M` };
}

/** A replacement for regexp_replace, whose `\` is special. */
export function sqlReplacement(pseudonym: string): string {
  return pseudonym.replace(/\\/g, '\\\\');
}

const BEFORE = '(?<![\\p{L}\\p{N}_])';
const AFTER = '(?![\\p{L}\\p{N}_])';

/** The same patterns in JavaScript, for JSON held by scheduling (events, replies, import reports). */
export function jsPatterns(name: PupilName): { full: RegExp; words: RegExp } {
  return {
    full: new RegExp(`${BEFORE}(${fullNames(name).join('|')})${AFTER}`, 'giu'),
    words: new RegExp(`${BEFORE}(${words(name).join('|')})${AFTER}`, 'giu'),
  };
}

/**
 * The JSON with the pupil's name replaced: the full name in every string; in an object that carries
 * the pupil's id (`pupilId`, or `id`), `firstName` / `lastName` become the pseudonym's parts and any
 * other string has the first or last name replaced too (everywhere when `wholeIsAboutPupil`, e.g. an
 * earlier export of this pupil's records).
 */
export function scrubJson(value: unknown, pupilId: string, name: PupilName, pseudonym: string, wholeIsAboutPupil = false): unknown {
  const patterns = jsPatterns(name);
  const parts = pseudonymParts(pseudonym);
  const id = pupilId.toLowerCase();
  const walk = (node: unknown, aboutPupil: boolean): unknown => {
    if (typeof node === 'string') {
      const full = node.replace(patterns.full, pseudonym);
      return aboutPupil ? full.replace(patterns.words, pseudonym) : full;
    }
    if (Array.isArray(node)) return node.map((item) => walk(item, aboutPupil));
    if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node as Record<string, unknown>);
      const carriesId = entries.some(
        ([key, field]) => (key === 'pupilId' || key === 'id') && typeof field === 'string' && field.toLowerCase() === id,
      );
      const about = aboutPupil || carriesId;
      return Object.fromEntries(
        entries.map(([key, field]) => {
          if (carriesId && key === 'firstName' && typeof field === 'string') return [key, parts.firstName];
          if (carriesId && key === 'lastName' && typeof field === 'string') return [key, parts.lastName];
          return [key, walk(field, about)];
        }),
      );
    }
    return node;
  };
  return walk(value, wholeIsAboutPupil);
}
