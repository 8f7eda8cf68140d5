/** The one way the app talks to the gateway: tokens, the chosen role, refresh on 401, problem+json errors. */

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

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  idempotencyKey?: string;
  /** An ETag read before: a stale edit is refused with 412. */
  ifMatch?: string;
  query?: Record<string, string | number | boolean | undefined>;
}

/** Calls the gateway; answers the parsed JSON body, or throws ApiProblem. A 401 refreshes the tokens once and retries. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await request(path, options, 'application/json');
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A file the gateway answers (a CSV export), with the name its Content-Disposition gives; throws ApiProblem like api(). */
export async function apiFile(path: string, options: RequestOptions = {}): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await request(path, options, '*/*');
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? null;
  return { blob: await response.blob(), fileName };
}

async function request(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const query = Object.entries(options.query ?? {}).filter(([, value]) => value !== undefined);
  const url = query.length ? `${path}?${new URLSearchParams(query.map(([key, value]) => [key, String(value)]))}` : path;
  const send = () => {
    const headers: Record<string, string> = { accept };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (session) headers.authorization = `Bearer ${session.accessToken}`;
    if (activeRole) headers['x-tutti-role'] = activeRole;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    return fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  };
  let response = await send();
  if (response.status === 401 && session && (await refresh())) response = await send();
  if (!response.ok) throw await toProblem(response);
  return response;
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

/** Every item of a cursor-paginated list (the API caps `limit` at 100), up to `maxPages` pages. */
export async function allPages<T>(path: string, query: RequestOptions['query'] = {}, maxPages = 10): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await api<{ items: T[]; nextCursor: string | null }>(path, { query: { ...query, limit: 100, cursor } });
    items.push(...answer.items);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return items;
}
