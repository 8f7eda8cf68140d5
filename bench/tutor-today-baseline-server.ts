/**
 * The tutor-today bench's baseline: bare Fastify and `pg` answering GET /me/occurrences?period=today
 * for one tutor (BENCH_TENANT_ID, BENCH_USER_ID stand in for the verified identity) with the very
 * query the scheduling service runs (MY_OCCURRENCES_SQL), once per request; today is worked out in
 * Node. No Nest, no ORM, no validation pipe, no identity token, no time-zone or date-range queries.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';
import { PLANNING_TIME_ZONE, todayIn } from '@tutti/platform';
import { MY_OCCURRENCES_SQL } from '@tutti/scheduling/bench';

interface Row {
  startsAt: Date;
  endsAt: Date;
  movedFrom: Date | null;
  [column: string]: unknown;
}

const tenantId = process.env.BENCH_TENANT_ID ?? '';
const userId = process.env.BENCH_USER_ID ?? '';
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
const app = Fastify();

app.get<{ Querystring: { period?: string; date?: string } }>('/me/occurrences', async (request, reply) => {
  if (request.query.period !== undefined && request.query.period !== 'today')
    return reply.code(400).send({ status: 400, detail: 'period must be today' });
  if (request.query.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(request.query.date))
    return reply.code(400).send({ status: 400, detail: 'date must be an ISO date' });
  const day = request.query.date ?? todayIn(PLANNING_TIME_ZONE);
  const { rows } = await pool.query<Row>(MY_OCCURRENCES_SQL, [tenantId, userId, day, day, PLANNING_TIME_ZONE]);
  return {
    from: day,
    to: day,
    items: rows.map((row) => ({
      ...row,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      movedFrom: row.movedFrom?.toISOString() ?? null,
    })),
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
void app.listen({ port: Number(process.env.PORT ?? 3198), host: '127.0.0.1' });
