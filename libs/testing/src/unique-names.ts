import { randomBytes } from 'node:crypto';

/** A short random token for schema names, queue prefixes and the like: `t_3f9a1c2e`. */
export function uniqueTestId(prefix = 't'): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

/** A capitalised word of six random letters (`Qzmrta`), for a name no other spec writes, so that a search of a whole schema finds only this spec's rows. */
export function uniqueWord(): string {
  const letters = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  return letters[0].toUpperCase() + letters.slice(1);
}
