import type { Identity } from '@tutti/auth';
import type { SchedulingTestApp } from './test-app';

export interface ApiRow {
  id: string;
  [key: string]: unknown;
}

/** Calls and insists on the status, showing the body when it differs (so a failing set-up says why). */
export function expecting(t: SchedulingTestApp) {
  return async <T = ApiRow>(who: Identity, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body: unknown, status: number): Promise<T> => {
    const response = await t.call<T>(who, method, url, body);
    if (response.status !== status) throw new Error(`${method} ${url} answered ${response.status}, expected ${status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
}
