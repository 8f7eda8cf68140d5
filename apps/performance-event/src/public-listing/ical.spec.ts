import { renderCalendar } from '@tutti/platform';
import { icalContentLines, icalFoldedLine, newTenantId } from '@tutti/testing';
import { insertPerformance, insertVenue, usePerformanceTestKit } from '../testing/performance-test-kit';

const DAY = 86_400_000;

describe('iCalendar feed of an area’s public performances', () => {
  const kit = usePerformanceTestKit();
  const tenantId = newTenantId();
  const longTitle = 'Side-by-Side with the Royal Liverpool Philharmonic: Children’s Orchestra Showcase and Family Singalong 🎻';
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const venueId = await insertVenue(kit, tenantId, 'Hall; with, commas');
    const soon = new Date(Math.ceil((Date.now() + 10 * DAY) / 60_000) * 60_000);
    ids.long = await insertPerformance(kit, tenantId, venueId, { title: longTitle, startsAt: soon });
    ids.cancelled = await insertPerformance(kit, tenantId, venueId, {
      title: 'Called Off',
      startsAt: new Date(soon.getTime() + DAY),
      status: 'cancelled',
    });
    ids.draft = await insertPerformance(kit, tenantId, venueId, { title: 'Draft Idea', startsAt: soon, status: 'draft' });
    ids.school = await insertPerformance(kit, tenantId, venueId, { title: 'Staff Only', startsAt: soon, audience: 'school_community' });
    const otherTenantId = newTenantId();
    ids.other = await insertPerformance(kit, otherTenantId, await insertVenue(kit, otherTenantId), { title: 'Elsewhere', startsAt: soon });
  });

  const feed = () => kit.app.inject({ method: 'GET', url: `/public/areas/${tenantId}/performances.ics` });

  it('serves text/calendar with CRLF line ends and lines folded at 75 octets', async () => {
    const response = await feed();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const raw = response.body;
    expect(raw.endsWith('\r\n')).toBe(true);
    const physical = raw.split('\r\n').slice(0, -1);
    expect(physical.every((line) => !line.includes('\n') && !line.includes('\r'))).toBe(true);
    expect(Math.max(...physical.map((line) => Buffer.byteLength(line, 'utf8')))).toBeLessThanOrEqual(75);
    expect(physical.some((line) => line.startsWith(' '))).toBe(true);
  });

  it('parses into one event per public performance, with stable UIDs and UTC starts', async () => {
    const lines = icalContentLines((await feed()).body);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    const events = lines
      .join('\n')
      .split('BEGIN:VEVENT')
      .slice(1)
      .map((block) =>
        Object.fromEntries(
          block
            .split('\n')
            .filter((l) => l.includes(':'))
            .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]),
        ),
      );
    expect(events.map((event) => event.UID)).toEqual([`${ids.long}@performances.tutti`, `${ids.cancelled}@performances.tutti`]);
    expect(events[0].SUMMARY).toBe(longTitle.replace(/,/g, '\\,'));
    expect(events[0].LOCATION).toBe('Hall\\; with\\, commas\\, 1 Church Rd');
    expect(events[0].DTSTART).toMatch(/^\d{8}T\d{6}Z$/);
    expect(events[0].STATUS).toBe('CONFIRMED');
    expect(events[1].STATUS).toBe('CANCELLED');
    const again = icalContentLines((await feed()).body).filter((line) => line.startsWith('UID:'));
    expect(again).toEqual(events.map((event) => `UID:${event.UID}`));
  });

  it('never splits a multi-byte character when folding', () => {
    const folded = icalFoldedLine(
      renderCalendar({
        product: 'Performances',
        name: 'Folding',
        events: [{ uid: 'folding@performances.tutti', summary: 'é'.repeat(80), startsAt: new Date(0), endsAt: new Date(3_600_000) }],
      }),
      'SUMMARY:',
    );
    const physical = folded.split('\r\n');
    expect(physical.every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'é'.repeat(80)}`);
  });

  it('refuses an area id that is not a UUID', async () => {
    expect((await kit.app.inject({ method: 'GET', url: '/public/areas/liverpool/performances.ics' })).statusCode).toBe(400);
  });
});
