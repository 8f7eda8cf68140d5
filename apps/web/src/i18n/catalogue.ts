import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type en from './messages/en.json';
import type staff from './staff/en.json';
import { localeOf, type Language } from './languages';

/**
 * Message catalogues are JSON in the Chrome extension format (`{ "key": { "message": "…",
 * "description": "…" } }`, which Crowdin, Lokalise and Phrase import), each message in ICU
 * MessageFormat. A description marks a machine translation for a person to check; only `message`
 * is shipped. The build parses each message (vite.config.mts), so a catalogue arrives as syntax
 * trees and the ICU parser stays out of the bundle. One language's catalogue is fetched, on
 * demand, when that language is chosen.
 */
export type MessageKey = keyof typeof en | keyof typeof staff;
export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;
/** A catalogue as the build ships it: each message's ICU syntax tree. */
type CompiledCatalogue = Record<string, MessageFormatElement[]>;

const familyCatalogues = import.meta.glob<CompiledCatalogue>('./messages/*.json', { import: 'default' });
const cache = createIntlCache();

function intlFor(locale: string, messages: CompiledCatalogue): IntlShape {
  return createIntl({ locale, messages, defaultLocale: 'en-GB', onError: (error) => console.error(error) }, cache);
}

/** The staff pages' English messages, fetched with the first staff page (a parent never loads them). */
let staffIntl: IntlShape | null = null;

export async function loadStaffMessages(): Promise<void> {
  if (staffIntl) return;
  const messages = (await import('./staff/en.json')).default as unknown as CompiledCatalogue;
  staffIntl = intlFor('en-GB', messages);
}

export async function loadTranslate(language: Language): Promise<Translate> {
  const load = familyCatalogues[`./messages/${language}.json`];
  if (!load) throw new Error(`no catalogue for ${language}`);
  const messages = await load();
  const intl = intlFor(localeOf(language), messages);
  return (key, values) => {
    if (key in messages) return intl.formatMessage({ id: key }, values);
    if (staffIntl) return staffIntl.formatMessage({ id: key }, values);
    return key;
  };
}
