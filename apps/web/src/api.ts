/**
 * The untyped call of the gateway that pages not yet moved to the typed client (api/client.ts) still
 * use; it goes when the last of them has moved. Same session, refresh and problem rules as the client.
 */
import { currentSession, getActiveRole, refresh, toProblem } from './api/client';

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
    const session = currentSession();
    const activeRole = getActiveRole();
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
  if (response.status === 401 && currentSession() && (await refresh())) response = await send();
  if (!response.ok) throw await toProblem(response);
  return response;
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
