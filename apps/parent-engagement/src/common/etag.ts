/** ETags are a row's version, quoted (`"3"`). */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The version an If-Match names: null when absent, -1 (never matches) when weak or malformed. */
export function versionOfIfMatch(ifMatch: string | undefined): number | null {
  if (ifMatch === undefined) return null;
  const match = /^"(\d{1,9})"$/.exec(ifMatch.trim());
  return match ? Number(match[1]) : -1;
}
