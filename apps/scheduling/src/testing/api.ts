import { etagOf } from '@tutti/platform';
import type { Identity } from '@tutti/auth';
import type { SchedulingTestKit } from './scheduling-test-kit';

export interface ApiRow {
  id: string;
  [key: string]: unknown;
}

/** Calls and insists on the status, showing the body when it differs (so a failing set-up says why). */
export function expecting(t: SchedulingTestKit) {
  return async <T = ApiRow>(
    who: Identity,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    body: unknown,
    status: number,
    headers?: Record<string, string>,
  ): Promise<T> => {
    const response = await t.call<T>(who, method, url, body, headers);
    if (response.status !== status)
      throw new Error(`${method} ${url} answered ${response.status}, expected ${status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
}

/** The If-Match naming the version of an object as the API answered it (its `version`, as its ETag). */
export function ifMatch(object: object): Record<string, string> {
  if (!('version' in object) || typeof object.version !== 'number')
    throw new Error(`no version to send as If-Match in ${JSON.stringify(object)}`);
  return { 'if-match': etagOf(object.version) };
}
