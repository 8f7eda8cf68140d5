import {
  isShippedLanguage,
  MessageCatalogues,
  placeholdersOf,
  primaryLanguageOf,
  SHIPPED_LANGUAGES,
  type MessageValues,
  type ShippedLanguage,
  type Translator,
} from '@tutti/platform';
import ar from './messages/ar.json';
import en from './messages/en.json';
import pl from './messages/pl.json';
import ro from './messages/ro.json';
import ur from './messages/ur.json';

/**
 * What a family reads from this service (emails, text messages, calendar entries) comes from JSON
 * catalogues in the web app's format (`{ "key": { "message", "description" } }`, ICU MessageFormat,
 * a description marking a machine translation), formatted through @tutti/platform's
 * MessageCatalogues (@formatjs/intl). A message missing in a language falls back to English,
 * message by message; an area's own wording (its overrides, message-overrides/) comes before the shipped one.
 */
export const FAMILY_LANGUAGES = SHIPPED_LANGUAGES;
export type FamilyLanguage = ShippedLanguage;
export type FamilyMessageKey = keyof typeof en;
export type { MessageValues };
export { placeholdersOf };

export const FAMILY_CATALOGUES = new MessageCatalogues<FamilyMessageKey>({ en, pl, ro, ur, ar });
export const FAMILY_MESSAGE_KEYS = FAMILY_CATALOGUES.keys;

export type FamilyTranslator = Translator<FamilyMessageKey>;

export const isFamilyLanguage = isShippedLanguage;

/** A family's stored language (en, pl, pl-PL…) as one we ship; English when we have none of it. */
export function familyLanguageOf(code: string | null | undefined): FamilyLanguage {
  const primary = primaryLanguageOf(code);
  return isShippedLanguage(primary) ? primary : 'en';
}

/**
 * The translator for one family's language (any stored code; one we neither ship nor have the
 * area's wording for means English), with the area's overrides for that language (key → ICU message)
 * tried first.
 */
export function familyTranslator(languageCode: string | null | undefined, overrides: Record<string, string> = {}): FamilyTranslator {
  return FAMILY_CATALOGUES.translator(languageCode, overrides);
}

/**
 * Why an area's wording for a key cannot be used (unknown key, not ICU MessageFormat, placeholders
 * English's message does not have or lacks), or undefined when it can.
 */
export function overrideProblem(key: string, message: string): string | undefined {
  const problem = FAMILY_CATALOGUES.problemOf(key, message);
  if (problem?.rule === 'unknown-key') return `${key} is not a family message`;
  return problem?.detail;
}
