import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { isPluralElement, isSelectElement, parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import ar from './messages/ar.json';
import en from './messages/en.json';
import pl from './messages/pl.json';
import ro from './messages/ro.json';
import ur from './messages/ur.json';

/**
 * What a family reads from this service (emails, text messages, calendar entries) comes from JSON
 * catalogues in the web app's format (`{ "key": { "message", "description" } }`, ICU MessageFormat,
 * a description marking a machine translation), formatted by @formatjs/intl. A message missing in a
 * language falls back to English, message by message; an area's own wording (its overrides) comes
 * before the shipped one.
 */
export const FAMILY_LANGUAGES = [
  { code: 'en', locale: 'en-GB', dir: 'ltr' },
  { code: 'pl', locale: 'pl-PL', dir: 'ltr' },
  { code: 'ro', locale: 'ro-RO', dir: 'ltr' },
  { code: 'ur', locale: 'ur-PK', dir: 'rtl' },
  { code: 'ar', locale: 'ar', dir: 'rtl' },
] as const;

export type FamilyLanguage = (typeof FAMILY_LANGUAGES)[number]['code'];
export type FamilyMessageKey = keyof typeof en;
export type MessageValues = Record<string, string | number>;
type CatalogueFile = Record<string, { message: string; description?: string }>;

const CATALOGUES: Record<FamilyLanguage, CatalogueFile> = { en, pl, ro, ur, ar };
export const FAMILY_MESSAGE_KEYS = Object.keys(en) as FamilyMessageKey[];

export interface FamilyTranslator {
  language: FamilyLanguage;
  /** The BCP 47 locale Intl formats this family's dates, numbers and plurals with. */
  locale: string;
  dir: 'ltr' | 'rtl';
  t(key: FamilyMessageKey, values?: MessageValues): string;
}

export function isFamilyLanguage(code: string): code is FamilyLanguage {
  return FAMILY_LANGUAGES.some((language) => language.code === code);
}

/** A family's stored language (en, pl, pl-PL…) as one we ship; English when we have none of it. */
export function familyLanguageOf(code: string | null | undefined): FamilyLanguage {
  const primary = (code ?? '').split('-')[0].toLowerCase();
  return isFamilyLanguage(primary) ? primary : 'en';
}

const cache = createIntlCache();

function intlOf(language: FamilyLanguage, messages: Record<string, string>): IntlShape {
  const locale = FAMILY_LANGUAGES.find((l) => l.code === language)?.locale ?? 'en-GB';
  return createIntl(
    {
      locale,
      messages,
      onError: (error) => {
        throw error;
      },
    },
    cache,
  );
}

const messagesOf = (file: CatalogueFile): Record<string, string> =>
  Object.fromEntries(Object.entries(file).map(([key, entry]) => [key, entry.message]));
const SHIPPED = Object.fromEntries(FAMILY_LANGUAGES.map(({ code }) => [code, intlOf(code, messagesOf(CATALOGUES[code]))])) as Record<
  FamilyLanguage,
  IntlShape
>;

/**
 * The translator for one family's language (any stored code; unknown means English), with the
 * area's overrides for that language (key → ICU message) tried first.
 */
export function familyTranslator(languageCode: string | null | undefined, overrides: Record<string, string> = {}): FamilyTranslator {
  const language = familyLanguageOf(languageCode);
  const { locale, dir } = FAMILY_LANGUAGES.find((l) => l.code === language) ?? FAMILY_LANGUAGES[0];
  const overridden = Object.keys(overrides).length > 0 ? intlOf(language, overrides) : undefined;
  const t = (key: FamilyMessageKey, values?: MessageValues): string => {
    if (overridden && key in overrides) {
      try {
        return overridden.formatMessage({ id: key }, values);
      } catch {
        // An override stored before a catalogue change that no longer formats: the shipped wording instead.
      }
    }
    if (key in CATALOGUES[language]) return SHIPPED[language].formatMessage({ id: key }, values);
    return SHIPPED.en.formatMessage({ id: key }, values);
  };
  return { language, locale, dir, t };
}

/** Placeholder names of an ICU message, through plural and select branches. */
export function placeholdersOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time)
      found.add(element.value);
    if (isPluralElement(element) || isSelectElement(element)) {
      found.add(element.value);
      for (const option of Object.values(element.options)) placeholdersOf(option.value, found);
    }
    if (element.type === TYPE.tag) placeholdersOf(element.children, found);
  }
  return found;
}

/**
 * Why an area's wording for a key cannot be used (unknown key, not ICU MessageFormat, placeholders
 * English's message does not have or lacks), or undefined when it can.
 */
export function overrideProblem(key: string, message: string): string | undefined {
  if (!(key in en)) return `${key} is not a family message`;
  let elements: MessageFormatElement[];
  try {
    elements = parse(message);
  } catch (error) {
    return `${key} is not ICU MessageFormat: ${error instanceof Error ? error.message : String(error)}`;
  }
  const wanted = placeholdersOf(parse(en[key as FamilyMessageKey].message));
  const given = placeholdersOf(elements);
  const unknown = [...given].filter((name) => !wanted.has(name));
  const missing = [...wanted].filter((name) => !given.has(name));
  if (unknown.length > 0 || missing.length > 0) {
    const parts = [
      unknown.length > 0 ? `unknown placeholders ${unknown.join(', ')}` : '',
      missing.length > 0 ? `missing placeholders ${missing.join(', ')}` : '',
    ].filter(Boolean);
    return `${key} must use English's placeholders (${[...wanted].join(', ') || 'none'}): ${parts.join('; ')}`;
  }
  return undefined;
}
