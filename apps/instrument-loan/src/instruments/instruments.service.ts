import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { ConflictProblem, decodeCursor, etagOf, isoDate, isUniqueViolation, newId, notFoundField, onceForKey, oneRow, rows, staleEdit, toPage, ValidationProblem, type Queryable } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { canActForPupilAsStaff } from '../common/access';
import { schoolExists } from '../school-loan-summary/school-loan-summary.queries';
import type { CreateInstrumentDto, InstrumentDto, InstrumentListQueryDto, InstrumentPageDto, UpdateInstrumentDto } from './dto/instrument.dto';
import { INSTRUMENT_FAMILY_OF, sizeProblem, type InstrumentType } from './instrument-catalogue';
import { toInstrumentDto, type InstrumentRecord } from './instrument-row';

@Injectable()
export class InstrumentsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(identity: Identity, input: CreateInstrumentDto, idempotencyKey: string | undefined): Promise<InstrumentDto> {
    const { tenantId, userId: callerId } = identity;
    const sizeError = sizeProblem(input.type, input.size);
    if (sizeError) throw new ValidationProblem([{ field: 'size', rule: 'sizeForType', message: sizeError }]);
    if (input.ownerKind !== 'school' && input.ownerSchoolId) {
      throw new ValidationProblem([{ field: 'ownerSchoolId', rule: 'ownerKind', message: 'ownerSchoolId is only for instruments a school owns' }]);
    }
    if (input.ownerSchoolId) await this.requireOwnSchool(this.dataSource.manager, identity, input.ownerSchoolId);
    try {
      return await this.dataSource.transaction((manager) =>
        onceForKey(manager, { tenantId, callerId, operation: 'create-instrument', key: idempotencyKey, request: input }, async () => {
          const row = await oneRow<InstrumentRecord>(
            manager,
            `INSERT INTO instruments (id, tenant_id, asset_tag, family, type, size, make, model, serial, purchased_on, purchase_value_pence,
                                      owner_kind, owner_school_id, location, condition, status)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'available') RETURNING *`,
            [newId(), tenantId, input.assetTag, INSTRUMENT_FAMILY_OF[input.type], input.type, input.size ?? null, input.make ?? null, input.model ?? null,
              input.serial ?? null, input.purchasedOn ?? null, input.purchaseValuePence ?? null, input.ownerKind, input.ownerSchoolId ?? null,
              input.location ?? null, input.condition],
          );
          return toInstrumentDto(row as InstrumentRecord);
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'instruments_tenant_asset_tag')) {
        throw new ConflictProblem(`Asset tag ${input.assetTag} is already on another instrument.`, [{ field: 'assetTag', assetTag: input.assetTag }]);
      }
      throw error;
    }
  }

  async get(tenantId: string, instrumentId: string): Promise<{ instrument: InstrumentDto; etag: string }> {
    const row = await this.find(this.dataSource.manager, tenantId, instrumentId);
    if (!row) throw new NotFoundException('No such instrument.');
    return { instrument: toInstrumentDto(row), etag: etagOf(row.version) };
  }

  async getByAssetTag(tenantId: string, assetTag: string): Promise<InstrumentDto> {
    const row = await oneRow<InstrumentRecord>(this.dataSource, 'SELECT * FROM instruments WHERE tenant_id = $1 AND asset_tag = $2', [tenantId, assetTag]);
    if (!row) throw new NotFoundException('No such instrument.');
    return toInstrumentDto(row);
  }

  find(manager: Pick<EntityManager, 'query'>, tenantId: string, instrumentId: string): Promise<InstrumentRecord | undefined> {
    return oneRow<InstrumentRecord>(manager, 'SELECT * FROM instruments WHERE tenant_id = $1 AND id = $2', [tenantId, instrumentId]);
  }

  /** Edits the description of an instrument if it is still at the version the caller read (else 412). */
  async update(identity: Identity, instrumentId: string, input: UpdateInstrumentDto, expectedVersion: number): Promise<{ instrument: InstrumentDto; etag: string }> {
    const tenantId = identity.tenantId;
    return this.dataSource.transaction(async (manager) => {
      const current = await oneRow<InstrumentRecord>(manager, 'SELECT * FROM instruments WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenantId, instrumentId]);
      if (!current) throw new NotFoundException('No such instrument.');
      if (input.ownerSchoolId) await this.requireOwnSchool(manager, identity, input.ownerSchoolId);
      if (expectedVersion !== current.version) throw staleEdit('instrument', current.version);
      const size = input.size !== undefined ? input.size : current.size;
      const sizeError = sizeProblem(current.type as InstrumentType, size);
      if (sizeError) throw new ValidationProblem([{ field: 'size', rule: 'sizeForType', message: sizeError }]);
      const ownerKind = input.ownerKind ?? current.owner_kind;
      const ownerSchoolId = ownerKind === 'school' ? (input.ownerSchoolId ?? current.owner_school_id) : null;
      if (ownerKind === 'school' && !ownerSchoolId) throw new ValidationProblem([{ field: 'ownerSchoolId', rule: 'isUuid', message: 'ownerSchoolId is required when a school owns the instrument' }]);
      if (input.status && input.status !== current.status) {
        const movable = (current.status === 'available' || current.status === 'lost' || current.status === 'retired');
        if (!movable) {
          throw new ConflictProblem(`The instrument is ${current.status.replace('_', ' ')}: ${current.status === 'on_loan' ? 'return the loan' : 'close the repair ticket'} first.`, [{ instrumentId, status: current.status }]);
        }
      }
      const [row] = await rows<InstrumentRecord>(
        manager,
        `UPDATE instruments SET size = $3, make = $4, model = $5, serial = $6, purchased_on = $7, purchase_value_pence = $8, owner_kind = $9,
                owner_school_id = $10, location = $11, condition = $12, status = $13, version = version + 1, updated_at = now()
          WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [tenantId, instrumentId, size, pick(input.make, current.make), pick(input.model, current.model), pick(input.serial, current.serial),
          pick(input.purchasedOn, isoDate(current.purchased_on)), pick(input.purchaseValuePence, current.purchase_value_pence), ownerKind, ownerSchoolId,
          pick(input.location, current.location), input.condition ?? current.condition, input.status ?? current.status],
      );
      return { instrument: toInstrumentDto(row), etag: etagOf(row.version) };
    });
  }

  /** A school named as an owner must be one of the caller's area (and, for school staff, one of their own): 404 naming the field otherwise. */
  private async requireOwnSchool(db: Queryable, identity: Identity, schoolId: string): Promise<void> {
    if (!canActForPupilAsStaff(identity, schoolId) || !(await schoolExists(db, identity.tenantId, schoolId))) throw notFoundField('ownerSchoolId', 'school');
  }

  async list(tenantId: string, query: InstrumentListQueryDto): Promise<InstrumentPageDto> {
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const conditions = ['tenant_id = $1'];
    const params: unknown[] = [tenantId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (query.q) {
      params.push(`%${query.q.replace(/[\\%_]/g, '\\$&')}%`);
      const q = `$${params.length}`;
      conditions.push(`(asset_tag ILIKE ${q} OR serial ILIKE ${q} OR make ILIKE ${q} OR model ILIKE ${q})`);
    }
    if (query.type) add('type = ?', query.type);
    if (query.family) add('family = ?', query.family);
    if (query.size) add('size = ?', query.size);
    if (query.status) add('status = ?', query.status);
    if (query.condition) add('condition = ?', query.condition);
    if (query.ownerSchoolId) add('owner_school_id = ?', query.ownerSchoolId);
    if (query.inspectionDueBy) add(`next_inspection_on <= ? AND status NOT IN ('lost', 'retired')`, query.inspectionDueBy);
    if (after) {
      params.push(after[0], after[1]);
      conditions.push(`(asset_tag, id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(query.limit + 1);
    const found = await rows<InstrumentRecord>(this.dataSource, `SELECT * FROM instruments WHERE ${conditions.join(' AND ')} ORDER BY asset_tag, id LIMIT $${params.length}`, params);
    return toPage(found, query.limit, toInstrumentDto, (row) => [row.asset_tag, row.id]);
  }
}

function pick<T>(next: T | undefined, current: T): T {
  return next === undefined ? current : next;
}
