/**
 * The one way the app talks to the gateway: the typed API client: openapi-fetch over the types generated from the gateway's /docs-json
 * (schema.d.ts, `npm run api:generate`), with today's session handling as one middleware, the same
 * rules for every call:
 * - the access token and the chosen role on every request; a 401 trades the refresh token once
 *   (one exchange shared by concurrent calls) and retries the request as it was sent;
 * - a POST carries an Idempotency-Key (a fresh one unless the caller passes its own in
 *   `params.header`), so that the retry after a refresh, or a page's own retry with the same key,
 *   creates nothing twice;
 * - If-Match is a typed header parameter: the document declares it (required where a stale edit
 *   must be refused), so an edit that forgets it does not compile; `etagOf(response)` reads the ETag
 *   of a read to send back;
 * - an answer that is not 2xx is thrown as ApiProblem (status, detail, field errors, conflicts);
 * - a W3C `traceparent` on every request (a fresh trace per request, `trace-context.ts`), which the
 *   gateway's trace continues; written by hand, not the OpenTelemetry web SDK, to keep the parent's
 *   first-visit JavaScript within its measured ~37 kB gzip budget.
 *
 *   const { data } = await client.GET('/api/scheduling/schools', { params: { query: { limit: 25 } } });
 */
import { isConflictRule, type ConflictRule } from '@tutti/contracts';
import createClient, { type ClientPathsWithMethod, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { newTraceparent } from './trace-context';

export interface FieldError {
  field: string;
  rule?: string;
  message: string;
}

/** An answer that was not 2xx, as the gateway's problem+json describes it. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldError[],
    /** What a 409 says clashes (the API's `conflicts`). */
    readonly conflicts: unknown[] = [],
  ) {
    super(detail ?? title);
  }

  /** The message for one field, or for anything inside it (`grants` claims `grants[0].schoolIds`). */
  forField(field: string): string | undefined {
    return this.errors.find((error) => isWithin(error.field, field))?.message;
  }
}

/** Whether a problem's field path (`grants[0].schoolIds`) is `field` or lies inside it. */
export function isWithin(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
}

const SESSION_KEY = 'tutti.session';
const ROLE_KEY = 'tutti.role';

let session: Session | null = readJson<Session>(SESSION_KEY);
let activeRole: string | null = sessionStorage.getItem(ROLE_KEY);
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

function readJson<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function currentSession(): Session | null {
  return session;
}

export function setSession(next: Session | null): void {
  session = next;
  if (next) sessionStorage.setItem(SESSION_KEY, JSON.stringify(next));
  else {
    sessionStorage.removeItem(SESSION_KEY);
    setActiveRole(null);
  }
  listeners.forEach((listener) => listener());
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setActiveRole(role: string | null): void {
  activeRole = role;
  if (role) sessionStorage.setItem(ROLE_KEY, role);
  else sessionStorage.removeItem(ROLE_KEY);
}

export function getActiveRole(): string | null {
  return activeRole;
}

export function newId(): string {
  return crypto.randomUUID();
}

export async function toProblem(response: Response): Promise<ApiProblem> {
  let body: { title?: string; detail?: string; errors?: FieldError[]; conflicts?: unknown[] } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not JSON (a proxy error page): the status says enough.
  }
  return new ApiProblem(
    response.status,
    body.title ?? response.statusText,
    body.detail,
    Array.isArray(body.errors) ? body.errors : [],
    Array.isArray(body.conflicts) ? body.conflicts : [],
  );
}

/** Trades the refresh token for new tokens (one exchange at a time); false when the session is over. */
export async function refresh(): Promise<boolean> {
  if (!session) return false;
  refreshing ??= (async () => {
    try {
      const response = await fetch('/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: session?.refreshToken }),
      });
      if (!response.ok) {
        setSession(null);
        return false;
      }
      setSession((await response.json()) as Session);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

export async function signIn(area: string, email: string, password: string): Promise<void> {
  setActiveRole(null);
  const response = await fetch('/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ area, email, password }),
  });
  if (!response.ok) throw await toProblem(response);
  setSession((await response.json()) as Session);
}

export async function signOut(): Promise<void> {
  const refreshToken = session?.refreshToken;
  setSession(null);
  if (refreshToken) {
    await fetch('/auth/sign-out', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    }).catch(() => undefined);
  }
}

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
    request.headers.set('traceparent', newTraceparent());
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
      // The retry is a request of its own, in a trace of its own.
      original.headers.set('traceparent', newTraceparent());
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

/** The body of a 2xx answer (openapi-fetch types it as possibly absent; the middleware throws every other answer). */
export function answered<T>(data: T | undefined): T {
  if (data === undefined) throw new Error('The answer had no body.');
  return data;
}

/** One page of a cursor-paginated list, as every list route answers it. */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

type GetPath = ClientPathsWithMethod<typeof client, 'get'>;

type JsonOf<Operation> = Operation extends { responses: { 200: { content: { 'application/json': infer Body } } } } ? Body : never;

/** The GET routes that answer a cursor page (`{ items, nextCursor }`) and take no path parameter. */
export type ListPath = {
  [P in GetPath]: JsonOf<paths[P]['get']> extends ListPage<unknown>
    ? paths[P]['get'] extends { parameters: { path?: never } }
      ? P
      : never
    : never;
}[GetPath];

/** An item of such a list. */
export type ListItem<P extends ListPath> = JsonOf<paths[P]['get']> extends ListPage<infer T> ? T : never;

/** The query a list route takes besides its cursor and limit. */
export type ListQuery<P extends ListPath> = Omit<NonNullable<NonNullable<paths[P]['get']['parameters']['query']>>, 'cursor' | 'limit'>;

/** One page of a list route, through the typed client. */
export async function listPage<P extends ListPath>(
  path: P,
  query: ListQuery<P>,
  page: { limit: number; cursor?: string },
): Promise<ListPage<ListItem<P>>> {
  // The path and query are checked at the call; openapi-fetch cannot follow a union of paths.
  const { data } = await client.GET(path as never, { params: { query: { ...query, ...page } } } as never);
  return answered(data as ListPage<ListItem<P>> | undefined);
}

/** Every item of a cursor-paginated list (the API caps `limit` at 100), up to `maxPages` pages. */
export async function allPages<P extends ListPath>(
  path: P,
  query: ListQuery<P> = {} as ListQuery<P>,
  maxPages = 10,
): Promise<ListItem<P>[]> {
  const items: ListItem<P>[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await listPage(path, query, { limit: 100, cursor });
    items.push(...answer.items);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return items;
}

/**
 * Every item of a list whose route takes path parameters (`fetchPage(cursor)` answers one page through
 * the client), up to `maxPages` pages.
 */
export async function everyItem<T>(
  fetchPage: (cursor: string | undefined) => Promise<ListPage<T> | undefined>,
  maxPages = 10,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await fetchPage(cursor);
    if (!answer) break;
    items.push(...answer.items);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return items;
}
