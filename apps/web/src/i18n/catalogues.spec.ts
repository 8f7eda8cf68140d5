/**
 * The message catalogues, read as the build reads them: every language has exactly English's
 * keys with the same placeholders, every message parses as ICU MessageFormat and formats with
 * sample values, every plural gives each form its language needs (Intl's plural rules), a
 * translation written here says it is machine-quality, and the family pages ask only for messages
 * a parent's catalogue holds (a parent never loads the staff catalogue).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIntl, createIntlCache } from '@formatjs/intl';
import { isPluralElement, isSelectElement, parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { LANGUAGES, localeOf, type Language } from './languages';

type CatalogueFile = Record<string, { message: string; description?: string }>;

const HERE = __dirname;
const SRC = join(HERE, '..');
const read = (path: string): CatalogueFile => JSON.parse(readFileSync(path, 'utf8')) as CatalogueFile;
const catalogues = Object.fromEntries(LANGUAGES.map(({ code }) => [code, read(join(HERE, 'messages', `${code}.json`))])) as Record<
  Language,
  CatalogueFile
>;
const english = catalogues.en;
const staff = read(join(HERE, 'staff', 'en.json'));
const SAMPLE_COUNTS = [0, 1, 2, 3, 5, 11, 22, 100, 101, 1.5];

/** Placeholder name to whether it is counted (plural or number), through nested plural/select branches. */
function placeholders(elements: MessageFormatElement[], found = new Map<string, boolean>()): Map<string, boolean> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.date || element.type === TYPE.time)
      found.set(element.value, found.get(element.value) ?? false);
    if (element.type === TYPE.number || isPluralElement(element)) found.set(element.value, true);
    if (isPluralElement(element) || isSelectElement(element)) {
      if (isSelectElement(element)) found.set(element.value, found.get(element.value) ?? false);
      for (const option of Object.values(element.options)) placeholders(option.value, found);
    }
    if (element.type === TYPE.tag) placeholders(element.children, found);
  }
  return found;
}

function plurals(elements: MessageFormatElement[], found: { value: string; forms: string[] }[] = []): { value: string; forms: string[] }[] {
  for (const element of elements) {
    if (isPluralElement(element)) found.push({ value: element.value, forms: Object.keys(element.options) });
    if (isPluralElement(element) || isSelectElement(element))
      for (const option of Object.values(element.options)) plurals(option.value, found);
  }
  return found;
}

function formatter(language: Language, file: CatalogueFile) {
  const messages = Object.fromEntries(Object.entries(file).map(([key, entry]) => [key, entry.message]));
  const intl = createIntl(
    {
      locale: localeOf(language),
      messages,
      onError: (error) => {
        throw error;
      },
    },
    createIntlCache(),
  );
  return (key: string, values?: Record<string, string | number>) => intl.formatMessage({ id: key }, values);
}

describe('the message catalogues', () => {
  it.each(LANGUAGES.map(({ code }) => code))('%s has exactly the English keys, each with English’s placeholders', (language) => {
    const catalogue = catalogues[language];
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
    const differing = Object.keys(english).filter((key) => {
      const want = [...placeholders(parse(english[key].message)).keys()].sort();
      const have = [...placeholders(parse(catalogue[key].message)).keys()].sort();
      return JSON.stringify(want) !== JSON.stringify(have);
    });
    expect(differing).toEqual([]);
  });

  it.each(LANGUAGES.map(({ code }) => code))('every %s plural has each form the language’s plural rules name', (language) => {
    const needed = new Intl.PluralRules(localeOf(language)).resolvedOptions().pluralCategories;
    const short = Object.entries(catalogues[language]).flatMap(([key, entry]) =>
      plurals(parse(entry.message))
        .filter((plural) => needed.some((form) => !plural.forms.includes(form)))
        .map((plural) => `${key}: has ${plural.forms.join(', ')}; needs ${needed.join(', ')}`),
    );
    expect(short).toEqual([]);
  });

  it.each(LANGUAGES.map(({ code }) => code))('every %s message formats with sample values', (language) => {
    const t = formatter(language, catalogues[language]);
    for (const [key, entry] of Object.entries(catalogues[language])) {
      const names = placeholders(parse(entry.message));
      for (const count of SAMPLE_COUNTS) {
        const values = Object.fromEntries([...names].map(([name, counted]) => [name, counted ? count : `‹${name}›`]));
        const text = t(key, values);
        expect(text).not.toMatch(/[{}]/);
        for (const [name, counted] of names) if (!counted) expect(text).toContain(`‹${name}›`);
      }
    }
  });

  it('marks every Romanian, Urdu and Arabic message as a machine translation to check', () => {
    for (const language of ['ro', 'ur', 'ar'] as const) {
      expect(
        Object.entries(catalogues[language])
          .filter(([, entry]) => !/machine translation/i.test(entry.description ?? ''))
          .map(([key]) => key),
      ).toEqual([]);
    }
  });

  it('counts seats in Polish and Arabic with real plural forms', () => {
    const polish = formatter('pl', catalogues.pl);
    expect([1, 2, 5, 22, 25].map((n) => polish('seats', { n }))).toEqual(['1 miejsce', '2 miejsca', '5 miejsc', '22 miejsca', '25 miejsc']);
    expect(polish('rsvpSavedComing', { adults: polish('countAdults', { n: 2 }), children: polish('countChildren', { n: 1 }) })).toBe(
      'Twoja odpowiedź: przyjdziemy (2 osoby dorosłe, 1 dziecko).',
    );
    const arabic = formatter('ar', catalogues.ar);
    expect([0, 1, 2, 3, 11, 100].map((n) => arabic('seats', { n }))).toEqual([
      'لا مقاعد',
      'مقعد واحد',
      'مقعدان',
      '3 مقاعد',
      '11 مقعدًا',
      '100 مقعد',
    ]);
    const english = formatter('en', catalogues.en);
    expect([1, 2].map((n) => english('seatsLeft', { n }))).toEqual(['1 seat left', '2 seats left']);
  });

  it('the staff catalogue parses and formats in English', () => {
    const t = formatter('en', staff);
    for (const [key, entry] of Object.entries(staff)) {
      const values = Object.fromEntries([...placeholders(parse(entry.message))].map(([name, counted]) => [name, counted ? 2 : name]));
      expect(t(key, values)).not.toMatch(/[{}]/);
    }
    expect(Object.keys(staff).filter((key) => key in english)).toEqual([]);
  });

  it('the family pages ask only for messages in the families’ catalogue', () => {
    const familyFiles = [
      'App.tsx',
      'ui.tsx',
      'cursor-list.tsx',
      'routes.tsx',
      ...['pages/parent', 'pages/account'].flatMap((dir) => readdirSync(join(SRC, dir)).map((name) => `${dir}/${name}`)),
    ];
    const missing: string[] = [];
    for (const file of familyFiles) {
      const source = readFileSync(join(SRC, file), 'utf8');
      // NAV in routes.tsx holds every role's tabs: the shell shows them before any staff page loads.
      const keys = [...source.matchAll(/\bt\(\s*'([\w.-]+)'/g), ...source.matchAll(/label: '([\w.-]+)'/g)].map((match) => match[1]);
      const prefixes = [...source.matchAll(/t\(`([\w.-]+\.)\$\{/g)].map((match) => match[1]);
      for (const key of keys) if (!(key in english)) missing.push(`${file}: ${key}`);
      for (const prefix of prefixes) if (!Object.keys(english).some((key) => key.startsWith(prefix))) missing.push(`${file}: ${prefix}*`);
    }
    expect(missing).toEqual([]);
  });
});
