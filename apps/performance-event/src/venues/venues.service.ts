import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { ConflictProblem, decodeCursor, newId, onceForKey, oneRow, rows, staleEdit, toPage, type PageQueryDto } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { managesSchool, type Viewer } from '../performances/viewer';
import type { CreateVenueDto, UpdateVenueDto, VenueDto, VenuePageDto } from './dto/venue.dto';
import type { VenueKind } from './venue.entity';

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

@Injectable()
export class VenuesService {
  constructor(private readonly db: DataSource) {}

  async list(tenantId: string, page: PageQueryDto): Promise<VenuePageDto> {
    const after = decodeCursor(page.cursor, ['string', 'string']);
    const found = await rows<VenueRow>(
      this.db,
      `SELECT ${COLUMNS} FROM venues WHERE tenant_id = $1 AND ($2::text IS NULL OR (name, id) > ($2::text, $3::uuid))
       ORDER BY name, id LIMIT $4`,
      [tenantId, after?.[0] ?? null, after?.[1] ?? null, page.limit + 1],
    );
    return toPage(found, page.limit, toVenueDto, (row) => [row.name, row.id]);
  }

  async get(tenantId: string, venueId: string): Promise<VenueDto> {
    const row = await oneRow<VenueRow>(this.db, `SELECT ${COLUMNS} FROM venues WHERE tenant_id = $1 AND id = $2`, [tenantId, venueId]);
    if (!row) throw new NotFoundException('No such venue.');
    return toVenueDto(row);
  }

  async create(tenantId: string, viewer: Viewer, input: CreateVenueDto, callerId: string, idempotencyKey: string | undefined): Promise<VenueDto> {
    const schoolId = input.schoolId ?? null;
    if (!managesSchool(viewer, schoolId)) throw new ForbiddenException('A headteacher may add venues of their own school only (give its schoolId).');
    return this.db.transaction((manager) =>
      onceForKey(manager, { tenantId, callerId, operation: 'venue.create', key: idempotencyKey, request: input }, async () => {
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
      const current = await oneRow<VenueRow>(manager, `SELECT ${COLUMNS} FROM venues WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, venueId]);
      if (!current) throw new NotFoundException('No such venue.');
      this.assertManages(viewer, current, input.schoolId);
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
      const current = await oneRow<VenueRow>(manager, `SELECT ${COLUMNS} FROM venues WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, venueId]);
      if (!current) throw new NotFoundException('No such venue.');
      this.assertManages(viewer, current, undefined);
      if (current.version !== expectedVersion) throw staleEdit('venue', current.version);
      const using = await rows<{ id: string; title: string }>(manager, `SELECT id, title FROM performances WHERE tenant_id = $1 AND venue_id = $2 ORDER BY starts_at LIMIT 10`, [tenantId, venueId]);
      if (using.length > 0) throw new ConflictProblem('Performances take place at this venue; move or delete them first.', using.map((p) => ({ kind: 'performance', performanceId: p.id, title: p.title })));
      await manager.query('DELETE FROM venues WHERE tenant_id = $1 AND id = $2', [tenantId, venueId]);
    });
  }

  private assertManages(viewer: Viewer, venue: VenueRow, newSchoolId: string | null | undefined): void {
    if (!managesSchool(viewer, venue.school_id)) throw new ForbiddenException('Only the programme admin, or the headteacher of the school it belongs to, may change this venue.');
    if (newSchoolId !== undefined && !managesSchool(viewer, newSchoolId)) throw new ForbiddenException('A headteacher may assign a venue to their own school only.');
  }
}

export function toVenueDto(row: VenueRow): VenueDto {
  return { id: row.id, name: row.name, kind: row.kind, address: row.address, capacity: row.capacity, accessNotes: row.access_notes, schoolId: row.school_id, version: row.version };
}
