/**
 * What the web app's specs share when they set the scene through the API: the demo accounts, and
 * calls made as one of them in a role, as the web app makes them.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS, type DemoAccount } from '@tutti/seeds';
// The end-to-end harness is shared tooling: the web app's specs drive the system it starts.
import { expectStatus, type Api, type RunningSystem } from '@tutti/e2e';

/** The demo account `key` (e.g. 'headteacher') of an area (liverpool unless told), one with children when asked. */
export function demoAccount(key: string, options: { area?: string; withChildren?: boolean } = {}): DemoAccount {
  const { area = 'liverpool', withChildren = false } = options;
  const account = DEMO_ACCOUNTS.find(
    (candidate) => candidate.area === area && candidate.key === key && (!withChildren || candidate.children.length > 0),
  );
  if (!account) throw new Error(`no demo ${key}${withChildren ? ' with children' : ''} in ${area}`);
  return account;
}

/** A call to the API as one person in one role: the answer's body, once its status is `status` (200 unless told). */
export type CallAs = <T>(method: string, path: string, status?: number, body?: unknown, headers?: Record<string, string>) => Promise<T>;

export interface Callers {
  /**
   * Calls as `who` in `role`, with the headers the web app sends (x-tutti-role, and a fresh
   * Idempotency-Key on a POST); signs in again when the token has run out.
   */
  as(who: { email: string }, role: string): CallAs;
  /** `who`'s access token, signed in once (for a call the spec makes itself). */
  tokenOf(who: { email: string }): Promise<string>;
}

/** Calls to the running system's API as its demo accounts, each signed in once per spec file. */
export function callersOf(system: Pick<RunningSystem, 'signIn'>, api: Api): Callers {
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (who: { email: string }, again = false) => {
    let token = tokens.get(who.email);
    if (!token || again) {
      token = system.signIn(who.email);
      tokens.set(who.email, token);
    }
    return token;
  };
  return {
    tokenOf: (who) => tokenOf(who),
    as:
      (who, role) =>
      async <T>(method: string, path: string, status = 200, body?: unknown, headers: Record<string, string> = {}) => {
        const sent = { 'x-tutti-role': role, ...(method === 'POST' ? { 'idempotency-key': randomUUID() } : {}), ...headers };
        const call = async () => api<T>(method, path, { token: await tokenOf(who), body, headers: sent });
        let answer = await call();
        if (answer.status === 401) {
          await tokenOf(who, true);
          answer = await call();
        }
        return expectStatus(answer, status);
      },
  };
}
