/**
 * The typed API client: openapi-fetch over the types generated from the gateway's /docs-json
 * (schema.d.ts, `npm run api:generate`), with today's session handling as one middleware, the same
 * rules as api.ts's api():
 * - the access token and the chosen role on every request; a 401 trades the refresh token once
 *   (one exchange shared by concurrent calls) and retries the request as it was sent;
 * - a POST carries an Idempotency-Key (a fresh one unless the caller passes its own in
 *   `params.header`), so that the retry after a refresh, or a page's own retry with the same key,
 *   creates nothing twice;
 * - If-Match is a typed header parameter: the document declares it (required where a stale edit
 *   must be refused), so an edit that forgets it does not compile; `etagOf(response)` reads the ETag
 *   of a read to send back;
 * - an answer that is not 2xx is thrown as ApiProblem (status, detail, field errors, conflicts).
 *
 *   const { data } = await client.GET('/api/scheduling/schools', { params: { query: { limit: 25 } } });
 */
import { isConflictRule, type ConflictRule } from '@tutti/contracts';
import createClient, { type Middleware } from 'openapi-fetch';
import { ApiProblem, currentSession, getActiveRole, newId, refresh, toProblem } from '../api';
import type { components, paths } from './schema';

/** Requests as sent, by openapi-fetch's request id, for the one retry after a refresh. */
const sent = new Map<string, Request>();

export const sessionMiddleware: Middleware = {
  onRequest({ request, id }) {
    const session = currentSession();
    const role = getActiveRole();
    if (session) request.headers.set('authorization', `Bearer ${session.accessToken}`);
    if (role) request.headers.set('x-tutti-role', role);
    if (request.method === 'POST' && !request.headers.has('idempotency-key')) request.headers.set('idempotency-key', newId());
    if (!request.headers.has('accept')) request.headers.set('accept', 'application/json');
    sent.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    const original = sent.get(id);
    sent.delete(id);
    let answer = response;
    if (answer.status === 401 && original && currentSession() && (await refresh())) {
      const session = currentSession();
      if (session) original.headers.set('authorization', `Bearer ${session.accessToken}`);
      answer = await fetch(original);
    }
    if (!answer.ok) throw await toProblem(answer);
    return answer;
  },
  onError({ id }) {
    sent.delete(id);
  },
};

/** The one client of the gateway, same origin (the gateway serves the app). */
export const client = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '' });
client.use(sessionMiddleware);

/** The ETag a read answered, to send back as If-Match with the edit based on it. */
export function etagOf(response: Response): string {
  const etag = response.headers.get('etag');
  if (!etag) throw new ApiProblem(response.status, 'No ETag', 'The answer carries no ETag to edit it with.', []);
  return etag;
}

/** A component schema of the merged document by name, e.g. `Schema<'parent-engagement.BookingDto'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** The problem+json body every error answers. */
export type Problem = components['schemas']['ProblemDetails'];

/**
 * The rule a 409 names (`conflicts[0].rule`), when it is one of @tutti/contracts' CONFLICT_RULES:
 * what a page explains in its own words.
 */
export function conflictRuleOf(error: unknown): ConflictRule | undefined {
  if (!(error instanceof ApiProblem) || error.status !== 409) return undefined;
  const rule = (error.conflicts[0] as { rule?: unknown } | undefined)?.rule;
  return isConflictRule(rule) ? rule : undefined;
}

export { ApiProblem };
