import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One area with a venue and `count` upcoming published public performances, one a day from tomorrow. */
export async function seedArea(serviceUrl: string, count: number): Promise<string> {
  const areaId = uuidv7();
  const venueId = uuidv7();
  const client = new Client({ connectionString: serviceUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO performance_event.venues (id, tenant_id, name, kind, address, capacity, access_notes) VALUES ($1, $2, 'St George''s Hall', 'concert_hall', 'St George''s Place, Liverpool L1 1JJ', 900, 'Step-free entrance on St John''s Lane')`,
      [venueId, areaId],
    );
    for (let i = 0; i < count; i++) {
      const startsAt = new Date(Date.now() + (i + 1) * DAY_MS);
      await client.query(
        `INSERT INTO performance_event.performances (id, tenant_id, venue_id, title, starts_at, ends_at, status, audience) VALUES ($1, $2, $3, $4, $5, $6, 'published', 'public')`,
        [uuidv7(), areaId, venueId, `Community concert ${i + 1}`, startsAt, new Date(startsAt.getTime() + 90 * 60 * 1000)],
      );
    }
  } finally {
    await client.end();
  }
  return areaId;
}
