import { createContext, useContext } from 'react';
import type { MessageKey, Translate } from './catalogue';
import { localeOf, type Language } from './languages';

export { loadStaffMessages, loadTranslate, type MessageKey, type MessageValues, type Translate } from './catalogue';
export { directionOf, isLanguage, LANGUAGES, localeOf, type Language } from './languages';

/** The page's language, its messages, and (in the app's shell) choosing another language for the pages. */
export interface I18n {
  language: Language;
  t: Translate;
  setLanguage?: (language: Language) => void;
}

export const I18nContext = createContext<I18n>({ language: 'en', t: (key: MessageKey) => key });

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Dates and times in the area's zone, in the reader's language. */
export function formatDateTime(language: Language, iso: string, timeZone = 'Europe/London'): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

export function formatTime(language: Language, iso: string, timeZone = 'Europe/London'): string {
  return new Intl.DateTimeFormat(localeOf(language), { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** A calendar day (YYYY-MM-DD, already the area's date), in the reader's language. */
export function formatDay(language: Language, isoDate: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
}

/** A calendar day as day and month in figures (chart axes). */
export function formatShortDay(language: Language, isoDate: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
}
