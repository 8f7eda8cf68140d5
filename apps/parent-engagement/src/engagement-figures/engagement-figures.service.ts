import { Injectable, NotFoundException } from '@nestjs/common';
import { ALL_SCHOOLS, inSchoolScope, staffSchoolScope, type Identity } from '@tutti/auth';
import { rows, ValidationProblem } from '@tutti/platform';
import { DataSource } from 'typeorm';
import type { EngagementFiguresDto, EngagementFiguresQueryDto, SchoolEngagementDto } from './dto/engagement-figures.dto';

/**
 * How families took part, per school, over a term (local dates, the area's time zone). A family
 * takes part in a school's life when it signs up to a session there, says it will come to a
 * performance, or has a confirmed bus seat to one, for a child at that school; a term counts what
 * happened (session or performance start) within it.
 */
@Injectable()
export class EngagementFiguresService {
  constructor(private readonly dataSource: DataSource) {}

  async figures(identity: Identity, query: EngagementFiguresQueryDto): Promise<EngagementFiguresDto> {
    if (query.to < query.from) throw new ValidationProblem([{ field: 'to', rule: 'notBeforeFrom', message: 'to must not be before from' }]);
    const scope = staffSchoolScope(identity);
    if (query.schoolId && !inSchoolScope(scope, query.schoolId)) throw new NotFoundException('No such school among yours.');
    const schools = await rows<SchoolEngagementDto>(
      this.dataSource,
      `WITH bounds AS (
         SELECT ($2::date)::timestamp AT TIME ZONE zone AS starts, ($3::date + 1)::timestamp AT TIME ZONE zone AS ends
           FROM (SELECT COALESCE((SELECT time_zone FROM tenant_settings WHERE tenant_id = $1), 'Europe/London') AS zone) AS tz
       ), engagement AS (
         SELECT g.guardian_id, s.school_id, s.starts_at AS at, false AS at_performance, false AS on_bus
           FROM session_signups g JOIN family_sessions s ON s.tenant_id = g.tenant_id AND s.id = g.session_id
          WHERE g.tenant_id = $1 AND g.status = 'signed_up'
         UNION ALL
         SELECT v.guardian_id, x.school_id, p.starts_at, v.checked_in_at IS NOT NULL, false
           FROM rsvps v JOIN performances p ON p.tenant_id = v.tenant_id AND p.id = v.performance_id, unnest(v.school_ids) AS x(school_id)
          WHERE v.tenant_id = $1 AND v.attending AND p.status = 'published'
         UNION ALL
         SELECT b.guardian_id, x.school_id, p.starts_at, b.checked_in_at IS NOT NULL, b.checked_in_at IS NOT NULL
           FROM transport_bookings b
           JOIN transport_runs r ON r.tenant_id = b.tenant_id AND r.id = b.run_id
           JOIN performances p ON p.tenant_id = r.tenant_id AND p.id = r.performance_id, unnest(b.school_ids) AS x(school_id)
          WHERE b.tenant_id = $1 AND b.status = 'confirmed'
       ), per_family AS (
         SELECT e.school_id, e.guardian_id,
                bool_or(e.at >= b.starts AND e.at < b.ends) AS engaged,
                bool_or(e.at < b.starts) AS earlier,
                bool_or(e.at_performance AND e.at >= b.starts AND e.at < b.ends) AS attended_performance,
                bool_or(e.on_bus AND e.at >= b.starts AND e.at < b.ends) AS used_transport
           FROM engagement e CROSS JOIN bounds b
          WHERE e.at < b.ends AND ($4::boolean OR e.school_id = ANY($5::uuid[])) AND ($6::uuid IS NULL OR e.school_id = $6)
          GROUP BY e.school_id, e.guardian_id
       )
       SELECT school_id AS "schoolId",
              count(*) FILTER (WHERE engaged)::int AS "familiesEngaged",
              count(*) FILTER (WHERE engaged AND NOT earlier)::int AS "firstTime",
              count(*) FILTER (WHERE engaged AND earlier)::int AS "returning",
              count(*) FILTER (WHERE attended_performance)::int AS "attendedPerformance",
              count(*) FILTER (WHERE used_transport)::int AS "usedTransport"
         FROM per_family GROUP BY school_id HAVING bool_or(engaged) ORDER BY school_id`,
      [identity.tenantId, query.from, query.to, scope === ALL_SCHOOLS, scope === ALL_SCHOOLS ? [] : [...scope], query.schoolId ?? null],
    );
    return { from: query.from, to: query.to, schools };
  }
}
