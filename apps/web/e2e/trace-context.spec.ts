/**
 * The app's API requests carry a W3C traceparent (apps/web/src/api/trace-context.ts): a parent signs
 * in on a phone and opens her home page; every request the typed client sends to the gateway has a
 * version-00 traceparent, sampled, each with a trace id of its own. That the gateway's trace
 * continues such a header is tools/e2e/tracing.spec.ts's first test.
 */
import type { Request } from 'playwright-core';
import { waitFor } from '@tutti/testing';
import { TRACEPARENT } from '../src/api/trace-context';
import { demoAccount } from './testing/api';
import { browserSuite, PHONE, signInThroughPage } from './testing/browser';

const guardian = demoAccount('guardian');

const { open } = browserSuite('trace context e2e');

describe('the traceparent on the app’s requests', () => {
  it('is on every API request a parent’s home page sends, a fresh trace each', async () => {
    const page = await open(PHONE);
    const apiRequests: Request[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests.push(request);
    });
    await page.goto('/sign-in');
    await signInThroughPage(page, guardian);
    await page.waitForURL('**/parent');
    await page.locator('.cards .card').first().waitFor();
    await waitFor(async () => apiRequests.length >= 2, { timeoutMs: 10_000, description: 'the home page’s API requests' });

    const traceparents = await Promise.all(apiRequests.map(async (request) => (await request.allHeaders()).traceparent));
    expect(traceparents.filter((value) => value === undefined || !TRACEPARENT.test(value) || !value.endsWith('-01'))).toEqual([]);
    const traceIds = traceparents.map((value) => value.split('-')[1]);
    expect(new Set(traceIds).size).toBe(traceIds.length);
  });
});
