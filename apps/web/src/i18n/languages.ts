/** The languages the family pages speak; staff pages stay in English (their own catalogue, i18n/staff/en.json). */
export const LANGUAGES = [
  { code: 'en', name: 'English', locale: 'en-GB', dir: 'ltr' },
  { code: 'pl', name: 'Polski', locale: 'pl-PL', dir: 'ltr' },
  { code: 'ro', name: 'Română', locale: 'ro-RO', dir: 'ltr' },
  { code: 'ur', name: 'اردو', locale: 'ur-PK', dir: 'rtl' },
  { code: 'ar', name: 'العربية', locale: 'ar', dir: 'rtl' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

export function isLanguage(value: string | null | undefined): value is Language {
  return LANGUAGES.some((language) => language.code === value);
}

function languageOf(code: Language) {
  return LANGUAGES.find((language) => language.code === code) ?? LANGUAGES[0];
}

/** The BCP 47 locale Intl formats a language's dates, numbers and plurals with. */
export function localeOf(language: Language): string {
  return languageOf(language).locale;
}

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return languageOf(language).dir;
}
