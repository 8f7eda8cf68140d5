/**
 * The families' message catalogues of this service, read as the service reads them: every language
 * has exactly English's keys with the same placeholders, every message parses and formats with
 * sample values, every plural has each form its language's plural rules name, every translation
 * written here is marked machine-quality, and every message kind has its subject and body.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPluralElement, isSelectElement, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { LOAN_MESSAGE_KINDS, MESSAGE_KINDS } from '../reminders/reminder-kinds';
import { renderMessage, toHtml } from '../reminders/templates';
import {
  FAMILY_LANGUAGES,
  FAMILY_MESSAGE_KEYS,
  familyTranslator,
  overrideProblem,
  placeholdersOf,
  type FamilyLanguage,
  type FamilyMessageKey,
} from './family-messages';

type CatalogueFile = Record<string, { message: string; description?: string }>;
const catalogues = Object.fromEntries(
  FAMILY_LANGUAGES.map(({ code }) => [
    code,
    JSON.parse(readFileSync(join(__dirname, 'messages', `${code}.json`), 'utf8')) as CatalogueFile,
  ]),
) as Record<FamilyLanguage, CatalogueFile>;
const LANGUAGE_CODES = FAMILY_LANGUAGES.map(({ code }) => code);
const SAMPLE_COUNTS = [0, 1, 2, 3, 5, 11, 22, 100, 101];

function plurals(elements: MessageFormatElement[], found: string[][] = []): string[][] {
  for (const element of elements) {
    if (isPluralElement(element)) found.push(Object.keys(element.options));
    if (isPluralElement(element) || isSelectElement(element))
      for (const option of Object.values(element.options)) plurals(option.value, found);
  }
  return found;
}

/** Names a message counts (plural arguments). */
function counted(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (isPluralElement(element)) found.add(element.value);
    if (isPluralElement(element) || isSelectElement(element))
      for (const option of Object.values(element.options)) counted(option.value, found);
  }
  return found;
}

describe('the families’ message catalogues (emails, text messages, calendar entries)', () => {
  it.each(LANGUAGE_CODES)('%s has exactly the English keys, each with English’s placeholders', (language) => {
    expect(Object.keys(catalogues[language]).sort()).toEqual([...FAMILY_MESSAGE_KEYS].sort());
    const differing = FAMILY_MESSAGE_KEYS.filter((key) => overrideProblem(key, catalogues[language][key].message) !== undefined);
    expect(differing).toEqual([]);
  });

  it.each(LANGUAGE_CODES)('every %s plural has each form the language’s plural rules name', (language) => {
    const { locale } = FAMILY_LANGUAGES.find((l) => l.code === language) ?? FAMILY_LANGUAGES[0];
    const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const short = Object.entries(catalogues[language]).flatMap(([key, entry]) =>
      plurals(parse(entry.message))
        .filter((forms) => needed.some((form) => !forms.includes(form)))
        .map((forms) => `${key}: has ${forms.join(', ')}; needs ${needed.join(', ')}`),
    );
    expect(short).toEqual([]);
  });

  it.each(LANGUAGE_CODES)('every %s message formats with sample values, each placeholder in its text', (language) => {
    const { t } = familyTranslator(language);
    for (const key of FAMILY_MESSAGE_KEYS) {
      const elements = parse(catalogues[language][key].message);
      const numbers = counted(elements);
      for (const count of SAMPLE_COUNTS) {
        for (const choice of [
          { cancelledBy: 'family', wasWaiting: 'no' },
          { cancelledBy: 'staff', wasWaiting: 'yes' },
        ]) {
          const values = Object.fromEntries(
            [...placeholdersOf(elements)].map((name) => [
              name,
              numbers.has(name) ? count : ((choice as Record<string, string>)[name] ?? `‹${name}›`),
            ]),
          );
          const text = t(key, values);
          expect(text).not.toMatch(/[{}]/);
          expect(text.trim()).not.toBe('');
        }
      }
    }
  });

  it('marks every message translated here as a machine translation to check', () => {
    for (const language of LANGUAGE_CODES.filter((code) => code !== 'en')) {
      expect(
        Object.entries(catalogues[language])
          .filter(([, entry]) => !/machine translation/i.test(entry.description ?? ''))
          .map(([key]) => key),
      ).toEqual([]);
    }
  });

  it('has a subject and a body for every message kind and loan notice', () => {
    const needed = [...MESSAGE_KINDS, ...LOAN_MESSAGE_KINDS].flatMap((kind) => [`${kind}.subject`, `${kind}.body`]);
    expect(needed.filter((key) => !(FAMILY_MESSAGE_KEYS as string[]).includes(key))).toEqual([]);
  });

  it('counts seats with real plural forms: Polish 1 miejsce, 2 miejsca, 5 miejsc; Arabic’s six forms', () => {
    const polish = familyTranslator('pl');
    expect([1, 2, 5, 22, 25].map((seats) => polish.t('calendar.pickup.description', { vehicle: 'Coach', seats }))).toEqual([
      'Coach, zarezerwowano: 1 miejsce.',
      'Coach, zarezerwowano: 2 miejsca.',
      'Coach, zarezerwowano: 5 miejsc.',
      'Coach, zarezerwowano: 22 miejsca.',
      'Coach, zarezerwowano: 25 miejsc.',
    ]);
    const arabic = familyTranslator('ar');
    expect([0, 1, 2, 3, 11, 100].map((seats) => arabic.t('calendar.pickup.description', { vehicle: 'حافلة', seats }))).toEqual([
      'حافلة، المحجوز: لا مقاعد.',
      'حافلة، المحجوز: مقعد واحد.',
      'حافلة، المحجوز: مقعدان.',
      'حافلة، المحجوز: 3 مقاعد.',
      'حافلة، المحجوز: 11 مقعدًا.',
      'حافلة، المحجوز: 100 مقعد.',
    ]);
  });

  it('falls back to English for a language it does not ship, and lets an area’s wording come first', () => {
    expect(familyTranslator('so').t('greetingWithoutName')).toBe('Dear family,');
    expect(familyTranslator('pl-PL').language).toBe('pl');
    const area = familyTranslator('ro', { greetingWithoutName: 'Dragi părinți,' });
    expect(area.t('greetingWithoutName')).toBe('Dragi părinți,');
    expect(area.t('greeting', { familyName: 'Popescu' })).toBe('Bună ziua, Popescu,');
  });

  it('refuses an area’s wording that is not ICU or whose placeholders differ from English’s, naming the key', () => {
    expect(overrideProblem('greeting', 'Hi {familyName')).toMatch(/^greeting is not ICU MessageFormat/);
    expect(overrideProblem('greeting', 'Hi {name},')).toBe(
      "greeting must use English's placeholders (familyName): unknown placeholders name; missing placeholders familyName",
    );
    expect(overrideProblem('no.such.key', 'Hi')).toBe('no.such.key is not a family message');
    expect(overrideProblem('greeting', 'Salut {familyName},')).toBeUndefined();
  });

  it('writes an Arabic email right to left, in Arabic throughout', () => {
    const arabic = familyTranslator('ar');
    const message = renderMessage('transport.booking-confirmed', arabic, {
      familyName: 'عائلة حداد',
      performanceTitle: 'Spring Sharing',
      performanceStartsAt: 'الأربعاء 4 مارس 17:30',
      venueName: 'Philharmonic Hall',
      stopName: 'Faith Street',
      stopPlace: 'Front gate',
      pickupAt: '16:45',
      seats: 2,
    });
    expect(message.subject).toBe('تم حجز النقل: Spring Sharing');
    expect(message.paragraphs[1]).toContain('مقعدان');
    expect(toHtml(message)).toContain('<html lang="ar" dir="rtl">');
    const key: FamilyMessageKey = 'greeting';
    expect(message.paragraphs[0]).toBe(arabic.t(key, { familyName: 'عائلة حداد' }));
  });
});
