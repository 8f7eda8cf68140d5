import { newId, performanceEventUid } from '@tutti/platform';
import { icalContentLines, icalFoldedLine, newTenantId, personas } from '@tutti/testing';
import { publishPerformance, runBody, useEngagementTestKit } from '../testing/engagement-test-kit';
import { renderCalendar } from './ical';

describe('iCalendar folding', () => {
  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const summary = 'Gwyneth’s ♪ concert — '.repeat(8);
    const line = `SUMMARY:${summary}`;
    const folded = icalFoldedLine(
      renderCalendar('Folding', [{ uid: 'folding@tutti', summary, startsAt: new Date(0), endsAt: new Date(3_600_000) }]),
      'SUMMARY:',
    );
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    expect(physical.every((part) => Buffer.byteLength(part, 'utf8') <= 75)).toBe(true);
    expect(physical.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});

describe('private calendar feeds', () => {
  const kit = useEngagementTestKit({ SERVICE_MODE: 'api', PUBLIC_URL: 'https://tutti.example.test' });
  const tenantId = newTenantId();
  const schoolId = newId();

  it('serves a family’s performances and bus pick-ups to whoever holds the token, until it is rotated or revoked', async () => {
    const pupilId = newId();
    const guardian = personas.guardian(tenantId, [{ pupilId, schoolId }]);
    const title = 'Side-by-Side with the Royal Liverpool Philharmonic; Ode to Joy, Jupiter and more';
    const { performanceId, startsAt } = await publishPerformance(kit, tenantId, 96, title);
    const run = (await kit.call(personas.programmeAdmin(tenantId), 'POST', '/transport-runs', runBody(performanceId, startsAt, 10))).json();
    expect(
      (await kit.call(guardian, 'POST', '/transport-bookings', { runId: run.id, stopId: run.stops[0].id, adults: 1, pupilIds: [pupilId] }))
        .statusCode,
    ).toBe(201);
    const other = personas.guardian(tenantId, [{ pupilId: newId(), schoolId }]);
    await publishPerformance(kit, tenantId, 120, 'Not ours');

    const created = await kit.call(guardian, 'POST', '/calendar-feed');
    expect(created.statusCode).toBe(201);
    const { path, url } = created.json();
    expect(url).toBe(`https://tutti.example.test/api/parent-engagement${path}`);
    const feed = await kit.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body.endsWith('\r\n')).toBe(true);
    expect(feed.body.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    expect(feed.body.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = icalContentLines(feed.body);
    expect(lines).toContain(`SUMMARY:${title.replace(';', '\\;').replace(/,/g, '\\,')}`);
    // The public feed's UID (public-listing's ical.spec): a family subscribed to both sees it once.
    expect(lines).toContain(`UID:${performanceId}@performances.tutti`);
    expect(lines).toContain(`UID:${performanceEventUid(performanceId)}`);
    expect(lines.filter((line) => line.startsWith('SUMMARY:Free bus to'))).toHaveLength(1);
    expect(lines.join('\n')).not.toContain('Not ours');
    const pickup = new Date(run.stops[0].pickupAt)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    expect(lines).toContain(`DTSTART:${pickup}`);

    const otherFeed = (await kit.call(other, 'POST', '/calendar-feed')).json();
    expect(
      icalContentLines((await kit.app.inject({ method: 'GET', url: otherFeed.path })).body).filter((line) => line === 'BEGIN:VEVENT'),
    ).toEqual([]);

    const rotated = (await kit.call(guardian, 'POST', '/calendar-feed')).json();
    expect((await kit.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await kit.app.inject({ method: 'GET', url: rotated.path })).statusCode).toBe(200);
    expect((await kit.call(guardian, 'DELETE', '/calendar-feed')).statusCode).toBe(204);
    expect((await kit.app.inject({ method: 'GET', url: rotated.path })).statusCode).toBe(404);
    expect((await kit.app.inject({ method: 'GET', url: '/calendar/not-a-token.ics' })).statusCode).toBe(404);
    expect((await kit.app.inject({ method: 'GET', url: `/calendar/${newTenantId()}.${'A'.repeat(43)}.ics` })).statusCode).toBe(404);
    expect((await kit.call(personas.headteacher(tenantId, schoolId), 'POST', '/calendar-feed')).statusCode).toBe(403);
  });
});
