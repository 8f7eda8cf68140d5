import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { isPluralElement, isSelectElement, parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * The one way Tutti words what a person reads (a family's emails, an account's invitation): JSON
 * catalogues in the web app's format (`{ "key": { "message", "description" } }`, ICU MessageFormat,
 * a description marking a machine translation), formatted by @formatjs/intl with the language's
 * plural rules. A message missing in a language falls back to English, message by message, never to
 * its key; an area's own wording (its overrides) comes before the shipped one.
 */
export const SHIPPED_LANGUAGES = [
  { code: 'en', locale: 'en-GB', dir: 'ltr' },
  { code: 'pl', locale: 'pl-PL', dir: 'ltr' },
  { code: 'ro', locale: 'ro-RO', dir: 'ltr' },
  { code: 'ur', locale: 'ur-PK', dir: 'rtl' },
  { code: 'ar', locale: 'ar', dir: 'rtl' },
] as const;

export type ShippedLanguage = (typeof SHIPPED_LANGUAGES)[number]['code'];
export type MessageValues = Record<string, string | number>;
export interface CatalogueEntry {
  message: string;
  description?: string;
}
export type CatalogueFile = Record<string, CatalogueEntry>;

/** Languages written right to left (ISO 639 codes), for a language an area adds that we do not ship. */
const RIGHT_TO_LEFT = new Set(['ar', 'ur', 'fa', 'he', 'ps', 'sd', 'ug', 'yi', 'ckb', 'dv', 'ks']);

export interface LanguageInfo {
  /** The primary language subtag (pl, ar, so). */
  code: string;
  /** The BCP 47 locale Intl formats dates, numbers and plurals with. */
  locale: string;
  dir: 'ltr' | 'rtl';
}

export function isShippedLanguage(code: string): code is ShippedLanguage {
  return SHIPPED_LANGUAGES.some((language) => language.code === code);
}

/** The primary language subtag of a stored code (pl-PL → pl); empty for none. */
export function primaryLanguageOf(code: string | null | undefined): string {
  return (code ?? '').split(/[-_]/)[0].toLowerCase();
}

/** Locale and direction of any language code: ours for a shipped one, else the code itself (Intl knows most). */
export function languageInfo(code: string): LanguageInfo {
  const shipped = SHIPPED_LANGUAGES.find((language) => language.code === code);
  if (shipped) return { ...shipped };
  const supported = /^[a-z]{2,3}$/.test(code) && Intl.PluralRules.supportedLocalesOf([code]).length > 0;
  return { code, locale: supported ? code : 'en-GB', dir: RIGHT_TO_LEFT.has(code) ? 'rtl' : 'ltr' };
}

export interface Translator<K extends string = string> extends LanguageInfo {
  /** The language the translator writes (a shipped one, one an area added wording for, or en). */
  language: string;
  t(key: K, values?: MessageValues): string;
}

/** Placeholder names of an ICU message, through plural and select branches and tags. */
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

/** Why a message cannot stand for English's: not ICU MessageFormat, or placeholders that differ. */
export interface MessageProblem {
  key: string;
  rule: 'unknown-key' | 'icu-syntax' | 'placeholders';
  detail: string;
  unknownPlaceholders?: string[];
  missingPlaceholders?: string[];
}

const cache = createIntlCache();

function intlOf(locale: string, messages: Record<string, string>): IntlShape {
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

/**
 * A set of catalogues, one per shipped language, English complete: answers translators (with an
 * area's overrides first), checks a wording against English's, and tells what a language lacks.
 */
export class MessageCatalogues<K extends string = string> {
  readonly keys: K[];
  private readonly shipped: Record<string, IntlShape>;
  private readonly englishPlaceholders = new Map<string, Set<string>>();

  constructor(private readonly catalogues: Partial<Record<ShippedLanguage, CatalogueFile>> & { en: CatalogueFile }) {
    this.keys = Object.keys(catalogues.en) as K[];
    this.shipped = Object.fromEntries(
      Object.entries(catalogues).map(([code, file]) => [code, intlOf(languageInfo(code).locale, messagesOf(file as CatalogueFile))]),
    );
    for (const key of this.keys) this.englishPlaceholders.set(key, placeholdersOf(parse(catalogues.en[key].message)));
  }

  /** The shipped languages that have a catalogue here. */
  get languages(): ShippedLanguage[] {
    return Object.keys(this.catalogues) as ShippedLanguage[];
  }

  isKey(key: string): key is K {
    return this.englishPlaceholders.has(key);
  }

  /** The shipped entry of a key in a language, if that language's catalogue has it. */
  shippedEntry(language: string, key: string): CatalogueEntry | undefined {
    const file = (this.catalogues as Record<string, CatalogueFile | undefined>)[language];
    return file && Object.prototype.hasOwnProperty.call(file, key) ? file[key] : undefined;
  }

  /** English's placeholders of a key. */
  placeholders(key: K): string[] {
    return [...(this.englishPlaceholders.get(key) ?? [])];
  }

  /**
   * The translator for a stored language code (pl, pl-PL…): a shipped language, or one the area
   * has its own wording for (`overrides`, key → ICU message, tried first); English otherwise. Each
   * message comes from the overrides, else the language's catalogue, else English's.
   */
  translator(languageCode: string | null | undefined, overrides: Record<string, string> = {}): Translator<K> {
    const primary = primaryLanguageOf(languageCode);
    const hasOverrides = Object.keys(overrides).length > 0;
    const language = primary in this.shipped || (hasOverrides && /^[a-z]{2,3}$/.test(primary)) ? primary : 'en';
    const info = languageInfo(language);
    const overridden = hasOverrides ? intlOf(info.locale, overrides) : undefined;
    const own = this.shipped[language];
    const t = (key: K, values?: MessageValues): string => {
      if (overridden && Object.prototype.hasOwnProperty.call(overrides, key)) {
        try {
          return overridden.formatMessage({ id: key }, values);
        } catch {
          // An override stored before a catalogue change that no longer formats: the shipped wording instead.
        }
      }
      if (own && this.shippedEntry(language, key)) return own.formatMessage({ id: key }, values);
      return this.shipped.en.formatMessage({ id: key }, values);
    };
    return { ...info, language, t };
  }

  /** Why `message` cannot be the wording of `key` (not a key here, not ICU, placeholders unlike English's), or undefined. */
  problemOf(key: string, message: string): MessageProblem | undefined {
    const wanted = this.englishPlaceholders.get(key);
    if (!wanted) return { key, rule: 'unknown-key', detail: `${key} is not a message of this catalogue` };
    let elements: MessageFormatElement[];
    try {
      elements = parse(message);
    } catch (error) {
      return {
        key,
        rule: 'icu-syntax',
        detail: `${key} is not ICU MessageFormat: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    const given = placeholdersOf(elements);
    const unknown = [...given].filter((name) => !wanted.has(name));
    const missing = [...wanted].filter((name) => !given.has(name));
    if (unknown.length === 0 && missing.length === 0) return undefined;
    const parts = [
      unknown.length > 0 ? `unknown placeholders ${unknown.join(', ')}` : '',
      missing.length > 0 ? `missing placeholders ${missing.join(', ')}` : '',
    ].filter(Boolean);
    return {
      key,
      rule: 'placeholders',
      detail: `${key} must use English's placeholders (${[...wanted].join(', ') || 'none'}): ${parts.join('; ')}`,
      unknownPlaceholders: unknown,
      missingPlaceholders: missing,
    };
  }

  /** Keys a language has neither in its shipped catalogue nor among `overridden`: these come in English. */
  missingIn(language: string, overridden: Iterable<string> = []): K[] {
    const own = new Set(overridden);
    return language === 'en' ? [] : this.keys.filter((key) => !own.has(key) && !this.shippedEntry(language, key));
  }
}

/** A day and time ("środa, 30 grudnia 17:15") in a language and a time zone, by Intl. */
export function formatDateTime(instant: Date, locale: string, timeZone: string, options: Intl.DateTimeFormatOptions = {}): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...options,
  }).format(instant);
}
