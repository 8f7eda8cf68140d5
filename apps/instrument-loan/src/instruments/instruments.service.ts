import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import {
  ConflictProblem,
  decodeCursor,
  etagOf,
  isoDate,
  isUniqueViolation,
  newId,
  notFoundField,
  onceForKey,
  staleEdit,
  toPage,
  ValidationProblem,
  type Queryable,
} from '@tutti/platform';
import { DataSource } from 'typeorm';
import { canActForPupilAsStaff } from '../common/access';
import { schoolExists } from '../pupils/pupils.queries';
import type {
  CreateInstrumentDto,
  InstrumentDto,
  InstrumentListQueryDto,
  InstrumentPageDto,
  UpdateInstrumentDto,
} from './dto/instrument.dto';
import { INSTRUMENT_FAMILY_OF, sizeProblem, type InstrumentType } from './instrument-catalogue';
import { toInstrumentDto } from './instrument-row';
import {
  insertInstrument,
  instrumentById,
  instrumentByTag,
  listInstruments,
  lockInstrument,
  updateInstrument,
} from './instruments.queries';

@Injectable()
export class InstrumentsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(identity: Identity, input: CreateInstrumentDto, idempotencyKey: string | undefined): Promise<InstrumentDto> {
    const { tenantId, userId: callerId } = identity;
    const sizeError = sizeProblem(input.type, input.size);
    if (sizeError) throw new ValidationProblem([{ field: 'size', rule: 'sizeForType', message: sizeError }]);
    if (input.ownerKind !== 'school' && input.ownerSchoolId) {
      throw new ValidationProblem([
        { field: 'ownerSchoolId', rule: 'ownerKind', message: 'ownerSchoolId is only for instruments a school owns' },
      ]);
    }
    if (input.ownerSchoolId) await this.requireOwnSchool(this.dataSource.manager, identity, input.ownerSchoolId);
    try {
      return await this.dataSource.transaction((manager) =>
        onceForKey(manager, { tenantId, callerId, operation: 'create-instrument', key: idempotencyKey, request: input }, async () => {
          const row = await insertInstrument(manager, tenantId, newId(), {
            assetTag: input.assetTag,
            family: INSTRUMENT_FAMILY_OF[input.type],
            type: input.type,
            size: input.size ?? null,
            make: input.make ?? null,
            model: input.model ?? null,
            serial: input.serial ?? null,
            purchasedOn: input.purchasedOn ?? null,
            purchaseValuePence: input.purchaseValuePence ?? null,
            ownerKind: input.ownerKind,
            ownerSchoolId: input.ownerSchoolId ?? null,
            location: input.location ?? null,
            condition: input.condition,
          });
          return toInstrumentDto(row);
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'instruments_tenant_asset_tag')) {
        throw new ConflictProblem(`Asset tag ${input.assetTag} is already on another instrument.`, [
          { field: 'assetTag', assetTag: input.assetTag },
        ]);
      }
      throw error;
    }
  }

  async get(tenantId: string, instrumentId: string): Promise<{ instrument: InstrumentDto; etag: string }> {
    const row = await instrumentById(this.dataSource, tenantId, instrumentId);
    if (!row) throw new NotFoundException('No such instrument.');
    return { instrument: toInstrumentDto(row), etag: etagOf(row.version) };
  }

  async getByAssetTag(tenantId: string, assetTag: string): Promise<InstrumentDto> {
    const row = await instrumentByTag(this.dataSource, tenantId, assetTag);
    if (!row) throw new NotFoundException('No such instrument.');
    return toInstrumentDto(row);
  }

  /** Edits the description of an instrument if it is still at the version the caller read (else 412). */
  async update(
    identity: Identity,
    instrumentId: string,
    input: UpdateInstrumentDto,
    expectedVersion: number,
  ): Promise<{ instrument: InstrumentDto; etag: string }> {
    const tenantId = identity.tenantId;
    return this.dataSource.transaction(async (manager) => {
      const current = await lockInstrument(manager, tenantId, instrumentId);
      if (!current) throw new NotFoundException('No such instrument.');
      if (input.ownerSchoolId) await this.requireOwnSchool(manager, identity, input.ownerSchoolId);
      if (expectedVersion !== current.version) throw staleEdit('instrument', current.version);
      const size = input.size !== undefined ? input.size : current.size;
      const sizeError = sizeProblem(current.type as InstrumentType, size);
      if (sizeError) throw new ValidationProblem([{ field: 'size', rule: 'sizeForType', message: sizeError }]);
      const ownerKind = input.ownerKind ?? current.owner_kind;
      const ownerSchoolId = ownerKind === 'school' ? (input.ownerSchoolId ?? current.owner_school_id) : null;
      if (ownerKind === 'school' && !ownerSchoolId)
        throw new ValidationProblem([
          { field: 'ownerSchoolId', rule: 'isUuid', message: 'ownerSchoolId is required when a school owns the instrument' },
        ]);
      if (input.status && input.status !== current.status) {
        const movable = current.status === 'available' || current.status === 'lost' || current.status === 'retired';
        if (!movable) {
          throw new ConflictProblem(
            `The instrument is ${current.status.replace('_', ' ')}: ${current.status === 'on_loan' ? 'return the loan' : 'close the repair ticket'} first.`,
            [{ instrumentId, status: current.status }],
          );
        }
      }
      const row = await updateInstrument(manager, tenantId, instrumentId, {
        size,
        make: pick(input.make, current.make),
        model: pick(input.model, current.model),
        serial: pick(input.serial, current.serial),
        purchasedOn: pick(input.purchasedOn, isoDate(current.purchased_on)),
        purchaseValuePence: pick(input.purchaseValuePence, current.purchase_value_pence),
        ownerKind,
        ownerSchoolId,
        location: pick(input.location, current.location),
        condition: input.condition ?? current.condition,
        status: input.status ?? current.status,
      });
      return { instrument: toInstrumentDto(row), etag: etagOf(row.version) };
    });
  }

  /** A school named as an owner must be one of the caller's area (and, for school staff, one of their own): 404 naming the field otherwise. */
  private async requireOwnSchool(db: Queryable, identity: Identity, schoolId: string): Promise<void> {
    if (!canActForPupilAsStaff(identity, schoolId) || !(await schoolExists(db, identity.tenantId, schoolId)))
      throw notFoundField('ownerSchoolId', 'school');
  }

  async list(tenantId: string, query: InstrumentListQueryDto): Promise<InstrumentPageDto> {
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const found = await listInstruments(this.dataSource, tenantId, query, after, query.limit + 1);
    return toPage(found, query.limit, toInstrumentDto, (row) => [row.asset_tag, row.id]);
  }
}

function pick<T>(next: T | undefined, current: T): T {
  return next === undefined ? current : next;
}
