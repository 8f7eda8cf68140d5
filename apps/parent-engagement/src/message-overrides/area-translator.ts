import type { Queryable } from '@tutti/platform';
import { familyTranslator, type FamilyTranslator } from '../i18n/family-messages';
import { overridesOf } from './message-overrides.queries';

/**
 * The translator for a family of an area: the family's language with the area's own wording of it
 * first, then the shipped catalogue, then English, message by message. Read afresh for each message,
 * so that the next message after an admin's edit uses it.
 */
export async function areaTranslator(db: Queryable, tenantId: string, languageCode: string | null | undefined): Promise<FamilyTranslator> {
  const primary = (languageCode ?? '').split(/[-_]/)[0].toLowerCase();
  const overrides = /^[a-z]{2,3}$/.test(primary) ? await overridesOf(db, tenantId, primary) : {};
  return familyTranslator(languageCode, overrides);
}
