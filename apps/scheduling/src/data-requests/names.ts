import { foldName, NAME_FOLD } from '../common/common.queries';

/**
 * How a pupil's name is found and replaced in what scheduling holds: the full name ("Amelia Jones",
 * "Jones, Amelia") wherever it appears in the area; the first or last name alone only where the
 * text is about the pupil, since another child may share a first name. A free text is about the
 * pupil when it belongs to a session they were in (marked in its register, or of an ensemble they
 * were a member of on that day: its rehearsal note, its cancellation reason) or to their class (its
 * lesson plans); an event or reply is when it carries their id. The same first name in any other
 * text (another school's note, an ensemble they never joined) is left alone.
 *
 * A name is matched as a whole word, case and accents aside as the name searches fold them
 * (NAME_FOLD): "Łucja" is found as "łucja", "ŁUCJA" and "Lucja", but not inside "Łucjan".
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

/**
 * One letter as a class of every letter folded alike, both cases ("ł" → "[łŁlL]"): PostgreSQL's regular
 * expressions under the C locale fold the case of ASCII letters only, so the class spells out the rest.
 */
function letterClass(letter: string): string {
  const plain = foldName(letter);
  if (!/^\p{L}$/u.test(letter) || [...plain].length !== 1) return letter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const variants = new Set([letter, letter.toLowerCase(), letter.toUpperCase(), plain, plain.toUpperCase()]);
  [...NAME_FOLD.accented].forEach((accented, i) => {
    if (NAME_FOLD.plain[i] === plain) variants.add(accented);
  });
  return `[${[...variants].filter((variant) => [...variant].length === 1 && /^\p{L}$/u.test(variant)).join('')}]`;
}

function escaped(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => [...word].map(letterClass).join(''))
    .join('\\s+');
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

/**
 * A letter, digit or `_` to PostgreSQL: ARE's `\m`, `\M` and [[:alnum:]] know only ASCII letters under the C
 * locale (so `\mŁucja` never matched), hence every character from U+00C0 on counts as one, but for × and ÷,
 * the General Punctuation block (’ – “ …) and CJK punctuation. Close to JavaScript's \p{L}\p{N}_ below.
 */
const SQL_WORD = '[0-9A-Za-z_\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u1fff\\u2070-\\u2fff\\u3040-\\U0010ffff]';

/** PostgreSQL (ARE) patterns, used case-insensitively, each name bounded as a whole word. */
export function sqlPatterns(name: PupilName): { full: string; words: string } {
  const bounded = (parts: string[]) => `(?<!${SQL_WORD})(${parts.join('|')})(?!${SQL_WORD})`;
  return { full: bounded(fullNames(name)), words: bounded(words(name)) };
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
