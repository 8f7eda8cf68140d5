/**
 * The bench's baseline: bare Fastify and `pg`, answering the public listing with the query the
 * performance-event service runs, and nothing else (no Nest, no ORM, no validation pipe).
 */
import Fastify from 'fastify';
import { Pool } from 'pg';

interface Row {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue_name: string;
  venue_address: string;
  venue_access_notes: string | null;
}

const LIMIT = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SQL = `
  SELECT p.id, p.tenant_id, p.venue_id, p.title, p.starts_at, p.ends_at, p.status, p.audience,
         v.id AS v_id, v.tenant_id AS v_tenant_id, v.name AS venue_name, v.kind, v.address AS venue_address, v.capacity, v.access_notes AS venue_access_notes
  FROM performance_event.performances p
  JOIN performance_event.venues v ON v.id = p.venue_id
  WHERE p.tenant_id = $1 AND p.status = 'published' AND p.audience = 'public' AND p.ends_at > now()
  ORDER BY p.starts_at ASC, p.id ASC
  LIMIT ${LIMIT + 1}`;

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
const app = Fastify();

app.get<{ Params: { areaId: string } }>('/public/areas/:areaId/performances', async (request, reply) => {
  if (!UUID.test(request.params.areaId)) return reply.code(400).send({ status: 400, detail: 'areaId must be a UUID' });
  const { rows } = await pool.query<Row>(SQL, [request.params.areaId]);
  const page = rows.slice(0, LIMIT);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      id: row.id,
      title: row.title,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      venueName: row.venue_name,
      venueAddress: row.venue_address,
      venueAccessNotes: row.venue_access_notes,
    })),
    nextCursor: rows.length > LIMIT ? Buffer.from(JSON.stringify([last.starts_at.toISOString(), last.id])).toString('base64url') : null,
  };
});
app.get('/health', async () => ({ status: 'ok' }));

const shutdown = () =>
  void app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
void app.listen({ port: Number(process.env.PORT ?? 3199), host: '127.0.0.1' });
