import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import {
  ConflictProblem,
  notFoundField,
  decodeCursor,
  newId,
  onceForKey,
  staleEdit,
  toPage,
  type PageQueryDto,
  type Queryable,
} from '@tutti/platform';
import { DataSource } from 'typeorm';
import { managesSchool, type Viewer } from '../performances/viewer';
import type { CreateVenueDto, UpdateVenueDto, VenueDto, VenuePageDto } from './dto/venue.dto';
import {
  deleteVenue,
  insertVenue,
  isSchoolOfArea,
  performancesAtVenue,
  updateVenue,
  visibleVenue,
  visibleVenues,
  type VenueRow,
} from './venues.queries';

/** The venue named by a body's field, if the viewer may see it, else a 404 naming the field. */
export async function assertVenueVisible(db: Queryable, viewer: Viewer, venueId: string, field: string): Promise<void> {
  if (!(await visibleVenue(db, viewer.tenantId, viewer, venueId))) throw notFoundField(field, 'venue');
}

/**
 * A school id from a body must name a school of the caller's area (known here from scheduling's
 * events), else a 404 naming the field: the programme admin may name any school, but only of their area.
 */
export async function assertSchoolInArea(
  db: Queryable,
  tenantId: string,
  schoolId: string | null | undefined,
  field: string,
): Promise<void> {
  if (schoolId === null || schoolId === undefined) return;
  if (!(await isSchoolOfArea(db, tenantId, schoolId))) throw notFoundField(field, 'school');
}

@Injectable()
export class VenuesService {
  constructor(private readonly db: DataSource) {}

  /** The area's venues and the halls of the viewer's schools (all of them for the programme admin). */
  async list(viewer: Viewer, page: PageQueryDto): Promise<VenuePageDto> {
    const after = decodeCursor(page.cursor, ['text', 'uuid']);
    const found = await visibleVenues(this.db, viewer.tenantId, viewer, after, page.limit + 1);
    return toPage(found, page.limit, toVenueDto, (row) => [row.name, row.id]);
  }

  /** One venue, on the same terms as the list: another school's hall is "not found". */
  async get(viewer: Viewer, venueId: string): Promise<VenueDto> {
    const row = await visibleVenue(this.db, viewer.tenantId, viewer, venueId);
    if (!row) throw new NotFoundException('No such venue.');
    return toVenueDto(row);
  }

  async create(
    tenantId: string,
    viewer: Viewer,
    input: CreateVenueDto,
    callerId: string,
    idempotencyKey: string | undefined,
  ): Promise<VenueDto> {
    const schoolId = input.schoolId ?? null;
    if (!managesSchool(viewer, schoolId))
      throw new ForbiddenException('A headteacher may add venues of their own school only (give its schoolId).');
    return this.db.transaction((manager) =>
      onceForKey(manager, { tenantId, callerId, operation: 'venue.create', key: idempotencyKey, request: input }, async () => {
        await assertSchoolInArea(manager, tenantId, schoolId, 'schoolId');
        const row = await insertVenue(manager, tenantId, newId(), {
          name: input.name,
          kind: input.kind,
          address: input.address,
          capacity: input.capacity ?? null,
          accessNotes: input.accessNotes ?? null,
          schoolId,
        });
        return toVenueDto(row);
      }),
    );
  }

  async update(tenantId: string, viewer: Viewer, venueId: string, expectedVersion: number, input: UpdateVenueDto): Promise<VenueDto> {
    return this.db.transaction(async (manager) => {
      const current = await this.lockVisible(manager, viewer, venueId);
      this.assertManages(viewer, current, input.schoolId);
      await assertSchoolInArea(manager, tenantId, input.schoolId, 'schoolId');
      if (current.version !== expectedVersion) throw staleEdit('venue', current.version);
      const row = await updateVenue(manager, tenantId, venueId, {
        name: input.name ?? current.name,
        kind: input.kind ?? current.kind,
        address: input.address ?? current.address,
        capacity: input.capacity === undefined ? current.capacity : input.capacity,
        accessNotes: input.accessNotes === undefined ? current.access_notes : input.accessNotes,
        schoolId: input.schoolId === undefined ? current.school_id : input.schoolId,
      });
      return toVenueDto(row);
    });
  }

  async remove(tenantId: string, viewer: Viewer, venueId: string, expectedVersion: number): Promise<void> {
    await this.db.transaction(async (manager) => {
      const current = await this.lockVisible(manager, viewer, venueId);
      this.assertManages(viewer, current, undefined);
      if (current.version !== expectedVersion) throw staleEdit('venue', current.version);
      const using = await performancesAtVenue(manager, tenantId, venueId);
      if (using.length > 0)
        throw new ConflictProblem(
          'Performances take place at this venue; move or delete them first.',
          using.map((p) => ({ kind: 'performance', performanceId: p.id, title: p.title })),
        );
      await deleteVenue(manager, tenantId, venueId);
    });
  }

  private async lockVisible(manager: Queryable, viewer: Viewer, venueId: string): Promise<VenueRow> {
    const current = await visibleVenue(manager, viewer.tenantId, viewer, venueId, true);
    if (!current) throw new NotFoundException('No such venue.');
    return current;
  }

  private assertManages(viewer: Viewer, venue: VenueRow, newSchoolId: string | null | undefined): void {
    if (!managesSchool(viewer, venue.school_id))
      throw new ForbiddenException('Only the programme admin, or the headteacher of the school it belongs to, may change this venue.');
    if (newSchoolId !== undefined && !managesSchool(viewer, newSchoolId))
      throw new ForbiddenException('A headteacher may assign a venue to their own school only.');
  }
}

export function toVenueDto(row: VenueRow): VenueDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    address: row.address,
    capacity: row.capacity,
    accessNotes: row.access_notes,
    schoolId: row.school_id,
    version: row.version,
  };
}
