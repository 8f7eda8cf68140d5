import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { ConflictProblem, notFoundField, decodeCursor, newId, onceForKey, oneRow, rows, staleEdit, toPage, type PageQueryDto } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { managesSchool, type Viewer } from '../performances/viewer';
import type { CreateVenueDto, UpdateVenueDto, VenueDto, VenuePageDto } from './dto/venue.dto';
import type { VenueKind } from './venue.model';

interface VenueRow {
  id: string;
  name: string;
  kind: VenueKind;
  address: string;
  capacity: number | null;
  access_notes: string | null;
  school_id: string | null;
  version: number;
}

const COLUMNS = 'id, name, kind, address, capacity, access_notes, school_id, version';

/**
 * SQL condition: venue `venues` is one the viewer may see and plan at: the area's own venues (no
 * school) and, of schools' halls, those of the viewer's schools (every one for the programme admin).
 * Two parameters from `$first`: admin flag, staff school ids. A performance shows its venue to
 * whoever sees the performance, whatever this says.
 */
export function visibleVenueSql(first: number): string {
  return `($${first}::boolean OR venues.school_id IS NULL OR venues.school_id = ANY($${first + 1}::uuid[]))`;
}

const venueParams = (viewer: Viewer): unknown[] => [viewer.admin, viewer.staffSchoolIds];

/** The venue named by a body's field, if the viewer may see it, else a 404 naming the field. */
export async function assertVenueVisible(manager: Pick<EntityManager, 'query'>, viewer: Viewer, venueId: string, field: string): Promise<void> {
  const venue = await oneRow<{ id: string }>(manager, `SELECT id FROM venues WHERE tenant_id = $1 AND id = $2 AND ${visibleVenueSql(3)}`, [viewer.tenantId, venueId, ...venueParams(viewer)]);
  if (!venue) throw notFoundField(field, 'venue');
}

/**
 * A school id from a body must name a school of the caller's area (known here from scheduling's
 * events), else a 404 naming the field: the programme admin may name any school, but only of their area.
 */
export async function assertSchoolInArea(manager: Pick<EntityManager, 'query'>, tenantId: string, schoolId: string | null | undefined, field: string): Promise<void> {
  if (schoolId === null || schoolId === undefined) return;
  const school = await oneRow<{ school_id: string }>(manager, 'SELECT school_id FROM replica_schools WHERE tenant_id = $1 AND school_id = $2', [tenantId, schoolId]);
  if (!school) throw notFoundField(field, 'school');
}

@Injectable()
export class VenuesService {
  constructor(private readonly db: DataSource) {}

  /** The area's venues and the halls of the viewer's schools (all of them for the programme admin). */
  async list(viewer: Viewer, page: PageQueryDto): Promise<VenuePageDto> {
    const after = decodeCursor(page.cursor, ['text', 'uuid']);
    const found = await rows<VenueRow>(
      this.db,
      `SELECT ${COLUMNS} FROM venues WHERE tenant_id = $1 AND ${visibleVenueSql(2)} AND ($4::text IS NULL OR (name, id) > ($4::text, $5::uuid))
       ORDER BY name, id LIMIT $6`,
      [viewer.tenantId, ...venueParams(viewer), after?.[0] ?? null, after?.[1] ?? null, page.limit + 1],
    );
    return toPage(found, page.limit, toVenueDto, (row) => [row.name, row.id]);
  }

  /** One venue, on the same terms as the list: another school's hall is "not found". */
  async get(viewer: Viewer, venueId: string): Promise<VenueDto> {
    const row = await oneRow<VenueRow>(this.db, `SELECT ${COLUMNS} FROM venues WHERE tenant_id = $1 AND id = $2 AND ${visibleVenueSql(3)}`, [viewer.tenantId, venueId, ...venueParams(viewer)]);
    if (!row) throw new NotFoundException('No such venue.');
    return toVenueDto(row);
  }

  async create(tenantId: string, viewer: Viewer, input: CreateVenueDto, callerId: string, idempotencyKey: string | undefined): Promise<VenueDto> {
    const schoolId = input.schoolId ?? null;
    if (!managesSchool(viewer, schoolId)) throw new ForbiddenException('A headteacher may add venues of their own school only (give its schoolId).');
    return this.db.transaction((manager) =>
      onceForKey(manager, { tenantId, callerId, operation: 'venue.create', key: idempotencyKey, request: input }, async () => {
        await assertSchoolInArea(manager, tenantId, schoolId, 'schoolId');
        const row = await oneRow<VenueRow>(
          manager,
          `INSERT INTO venues (id, tenant_id, name, kind, address, capacity, access_notes, school_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
          [newId(), tenantId, input.name, input.kind, input.address, input.capacity ?? null, input.accessNotes ?? null, schoolId],
        );
        return toVenueDto(row as VenueRow);
      }),
    );
  }

  async update(tenantId: string, viewer: Viewer, venueId: string, expectedVersion: number, input: UpdateVenueDto): Promise<VenueDto> {
    return this.db.transaction(async (manager) => {
      const current = await this.lockVisible(manager, viewer, venueId);
      this.assertManages(viewer, current, input.schoolId);
      await assertSchoolInArea(manager, tenantId, input.schoolId, 'schoolId');
      if (current.version !== expectedVersion) throw staleEdit('venue', current.version);
      const next = {
        name: input.name ?? current.name,
        kind: input.kind ?? current.kind,
        address: input.address ?? current.address,
        capacity: input.capacity === undefined ? current.capacity : input.capacity,
        accessNotes: input.accessNotes === undefined ? current.access_notes : input.accessNotes,
        schoolId: input.schoolId === undefined ? current.school_id : input.schoolId,
      };
      const row = await oneRow<VenueRow>(
        manager,
        `UPDATE venues SET name = $3, kind = $4, address = $5, capacity = $6, access_notes = $7, school_id = $8, version = version + 1
         WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
        [tenantId, venueId, next.name, next.kind, next.address, next.capacity, next.accessNotes, next.schoolId],
      );
      return toVenueDto(row as VenueRow);
    });
  }

  async remove(tenantId: string, viewer: Viewer, venueId: string, expectedVersion: number): Promise<void> {
    await this.db.transaction(async (manager) => {
      const current = await this.lockVisible(manager, viewer, venueId);
      this.assertManages(viewer, current, undefined);
      if (current.version !== expectedVersion) throw staleEdit('venue', current.version);
      const using = await rows<{ id: string; title: string }>(manager, `SELECT id, title FROM performances WHERE tenant_id = $1 AND venue_id = $2 ORDER BY starts_at LIMIT 10`, [tenantId, venueId]);
      if (using.length > 0) throw new ConflictProblem('Performances take place at this venue; move or delete them first.', using.map((p) => ({ kind: 'performance', performanceId: p.id, title: p.title })));
      await manager.query('DELETE FROM venues WHERE tenant_id = $1 AND id = $2', [tenantId, venueId]);
    });
  }

  private async lockVisible(manager: EntityManager, viewer: Viewer, venueId: string): Promise<VenueRow> {
    const current = await oneRow<VenueRow>(manager, `SELECT ${COLUMNS} FROM venues WHERE tenant_id = $1 AND id = $2 AND ${visibleVenueSql(3)} FOR UPDATE`, [viewer.tenantId, venueId, ...venueParams(viewer)]);
    if (!current) throw new NotFoundException('No such venue.');
    return current;
  }

  private assertManages(viewer: Viewer, venue: VenueRow, newSchoolId: string | null | undefined): void {
    if (!managesSchool(viewer, venue.school_id)) throw new ForbiddenException('Only the programme admin, or the headteacher of the school it belongs to, may change this venue.');
    if (newSchoolId !== undefined && !managesSchool(viewer, newSchoolId)) throw new ForbiddenException('A headteacher may assign a venue to their own school only.');
  }
}

export function toVenueDto(row: VenueRow): VenueDto {
  return { id: row.id, name: row.name, kind: row.kind, address: row.address, capacity: row.capacity, accessNotes: row.access_notes, schoolId: row.school_id, version: row.version };
}
