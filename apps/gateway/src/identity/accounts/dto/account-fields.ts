import { Transform } from 'class-transformer';

export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const MOBILE = /^\+[1-9][0-9]{6,14}$/;
export const mobileRule = { message: 'mobile must be an international number such as +447700900123' };
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const languageRule = { message: 'preferredLanguage must be a language tag such as en, pl or pt-BR' };
/** Collapses inner white space, so that "Ms   Okafor" and "Ms Okafor" are one name. */
export const TidyName = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value));
