import { newId } from '@tutti/platform';
import { newTenantId } from '@tutti/testing';
import { usePerformanceTestKit } from '../testing/performance-test-kit';

const HOUR = 3_600_000;

describe('public listing of performances', () => {
  const kit = usePerformanceTestKit();
  const tenantId = newTenantId();
  const otherTenantId = newTenantId();
  const soon = new Date(Date.now() + 48 * HOUR);

  beforeAll(async () => {
    const db = kit.db;
    const venueId = newId();
    const otherVenueId = newId();
    await db.query(
      `INSERT INTO venues (id, tenant_id, name, kind, address, capacity) VALUES ($1, $2, 'Town Hall', 'concert_hall', '1 High St', 500), ($3, $4, 'Elsewhere', 'school_hall', '2 Low St', 100)`,
      [venueId, tenantId, otherVenueId, otherTenantId],
    );
    const rows: [string, string, string, number, string, string][] = [
      [tenantId, venueId, 'Winter Concert', 0, 'published', 'public'],
      [tenantId, venueId, 'Spring Sharing', 24, 'published', 'public'],
      [tenantId, venueId, 'Draft Gala', 30, 'draft', 'public'],
      [tenantId, venueId, 'Staff Assembly', 36, 'published', 'school_community'],
      [tenantId, venueId, 'Summer Festival', 48, 'published', 'public'],
      [tenantId, venueId, 'Last Year', -24 * 400, 'completed', 'public'],
      [otherTenantId, otherVenueId, 'Another Area Concert', 0, 'published', 'public'],
    ];
    for (const [tenant, venue, title, offsetHours, status, audience] of rows) {
      const startsAt = new Date(soon.getTime() + offsetHours * HOUR);
      await db.query(
        `INSERT INTO performances (id, tenant_id, venue_id, title, starts_at, ends_at, status, audience) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [newId(), tenant, venue, title, startsAt, new Date(startsAt.getTime() + HOUR), status, audience],
      );
    }
  });

  const list = (query: string, area = tenantId) => kit.app.inject({ method: 'GET', url: `/public/areas/${area}/performances${query}` });

  it('lists only the area’s upcoming published public performances, soonest first, without children’s data', async () => {
    const response = await list('');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.items.map((item: { title: string }) => item.title)).toEqual(['Winter Concert', 'Spring Sharing', 'Summer Festival']);
    expect(Object.keys(body.items[0]).sort()).toEqual([
      'endsAt',
      'id',
      'startsAt',
      'title',
      'venueAccessNotes',
      'venueAddress',
      'venueName',
    ]);
    expect(body.nextCursor).toBeNull();
  });

  it('pages with a cursor', async () => {
    const first = (await list('?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await list(`?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((item: { title: string }) => item.title)).toEqual(['Summer Festival']);
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?limit=ten', 'limit'],
    ['?cursor=not*a*cursor', 'cursor'],
    ['?cursor=bm90LWpzb24', 'cursor'],
    ['?colour=blue', 'colour'],
  ])('refuses %s with a 400 naming the field', async (query, field) => {
    const response = await list(query);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('refuses an area id that is not a UUID with a 400', async () => {
    const response = await list('', 'liverpool');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ status: 400, title: 'Bad Request' });
  });
});
