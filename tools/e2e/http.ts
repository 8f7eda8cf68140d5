import { waitFor } from '@tutti/testing';

export interface ApiAnswer<T> {
  status: number;
  headers: Headers;
  body: T;
  /** How long the call took, in ms. */
  ms: number;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Calls the running system through its gateway, as a browser or app would. */
export function apiOf(baseUrl: string) {
  return async function call<T = Record<string, unknown>>(method: string, path: string, options: CallOptions = {}): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const started = Date.now();
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const ms = Date.now() - started;
    const isJson = /json/.test(response.headers.get('content-type') ?? '');
    return { status: response.status, headers: response.headers, body: (isJson && text ? JSON.parse(text) : text) as T, ms };
  };
}

export type Api = ReturnType<typeof apiOf>;

/** Fails with the answer's body, so that an unexpected status explains itself. */
export function expectStatus<T>(answer: ApiAnswer<T>, status: number): T {
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export interface ReceivedMail {
  subject: string;
  text: string;
  to: { address: string }[];
}

/**
 * Waits for MailDev to have received a mail to `address` whose subject matches (and whose text holds
 * `containing`: spec files share one MailDev, and a demo family may get alike mails from several).
 */
export function mailTo(
  apiUrl: string,
  address: string,
  subject: RegExp,
  options: { containing?: string; timeoutMs?: number } = {},
): Promise<ReceivedMail> {
  const { containing, timeoutMs = 20_000 } = options;
  return waitFor(
    async () => {
      const mails = (await (await fetch(`${apiUrl}/email`)).json()) as ReceivedMail[];
      return mails.find(
        (mail) =>
          mail.to.some((to) => to.address.toLowerCase() === address.toLowerCase()) &&
          subject.test(mail.subject) &&
          (containing === undefined || mail.text.includes(containing)),
      );
    },
    {
      timeoutMs,
      intervalMs: 200,
      description: `a mail to ${address} with subject ${subject}${containing ? ` holding "${containing}"` : ''}`,
    },
  );
}
