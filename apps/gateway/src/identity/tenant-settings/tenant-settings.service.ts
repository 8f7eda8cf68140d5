import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { etagOf, staleEdit, type Queryable } from '@tutti/platform';
import { publishTenantChanged } from '../../tenants/tenant-events';
import { tenantById, updateTenant, type TenantChanges, type TenantRow } from '../../tenants/tenants.queries';
import { AuditLogService } from '../audit/audit-log.service';
import type { AuditActor } from '../audit/audit-record';
import type { TenantSettingsDto, UpdateTenantSettingsDto } from './dto/tenant-settings.dto';

export interface TenantSettingsWithETag {
  settings: TenantSettingsDto;
  etag: string;
}

/** The caller's own area's settings; the area always comes from the identity. */
@Injectable()
export class TenantSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auditLog: AuditLogService,
  ) {}

  async get(tenantId: string): Promise<TenantSettingsWithETag> {
    return withETag(await this.load(this.dataSource, tenantId, false));
  }

  /** Changes the settings read at `expectedVersion` (412 when they changed since) and tells the services (identity.tenant.updated) in the same transaction. */
  async update(actor: AuditActor, request: UpdateTenantSettingsDto, expectedVersion: number): Promise<TenantSettingsWithETag> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.load(manager, actor.tenantId, true);
      if (current.version !== expectedVersion) throw staleEdit('area’s settings', current.version);
      const changes = Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined)) as TenantChanges;
      const changed = (Object.keys(changes) as (keyof TenantChanges)[]).filter(
        (key) => JSON.stringify(changes[key]) !== JSON.stringify(current[key]),
      );
      if (changed.length === 0) return withETag(current);
      const updated = await updateTenant(manager, actor.tenantId, changes);
      if (!updated) throw new NotFoundException('No such area.');
      await this.auditLog.record(manager, {
        ...actor,
        action: 'update',
        subjectType: 'tenant',
        subjectId: actor.tenantId,
        detail: { changed },
      });
      await publishTenantChanged(manager, 'identity.tenant.updated', updated);
      return withETag(updated);
    });
  }

  private async load(db: Queryable, tenantId: string, forUpdate: boolean): Promise<TenantRow> {
    const tenant = await tenantById(db, tenantId, forUpdate);
    if (!tenant) throw new NotFoundException('No such area.');
    return tenant;
  }
}

function toSettings(tenant: TenantRow): TenantSettingsDto {
  return {
    id: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    timeZone: tenant.timeZone,
    weeklyProvisionTargetMinutes: tenant.weeklyProvisionTargetMinutes,
    familyLanguages: tenant.familyLanguages,
    familyTransportSeatLimit: tenant.familyTransportSeatLimit,
  };
}

function withETag(tenant: TenantRow): TenantSettingsWithETag {
  return { settings: toSettings(tenant), etag: etagOf(tenant.version) };
}
