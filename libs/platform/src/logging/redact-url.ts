/** Query parameters whose value is a credential (reset and invitation links, signed URLs, API keys). */
const SECRET_PARAMETER = /^(token|access_token|refresh_token|id_token|key|api_key|apikey|secret|password|signature|sig|code)$/i;

/** A calendar feed's address, `/calendar/<feed id>.<secret>.ics`: the secret is the credential. */
const CALENDAR_FEED = /(\/calendar\/[^/?.]+\.)[^/?]+(\.ics)/gi;

export const REDACTED = '[redacted]';

/**
 * A request URL fit for a log line: the secret of a calendar feed's path and the value of every
 * credential-bearing query parameter replaced by REDACTED. Everything else is kept as sent.
 */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = (queryAt === -1 ? url : url.slice(0, queryAt)).replace(CALENDAR_FEED, `$1${REDACTED}$2`);
  if (queryAt === -1) return path;
  const query = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals === -1) return pair;
      const name = safeDecode(pair.slice(0, equals));
      return SECRET_PARAMETER.test(name) ? `${pair.slice(0, equals)}=${REDACTED}` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
