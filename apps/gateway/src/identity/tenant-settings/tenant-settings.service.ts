import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { publishTenantChanged } from '../../tenants/tenant-events';
import { Tenant } from '../../tenants/tenant.entity';
import { AuditLogService } from '../audit/audit-log.service';
import type { AuditActor } from '../audit/audit-record';
import { etagOf, requireFreshETag } from '../http/etag';
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
    return withETag(await this.load(this.dataSource.manager, tenantId, false));
  }

  /** Changes the settings (If-Match optional; a stale one gets 412) and tells the services (identity.tenant.updated) in the same transaction. */
  async update(actor: AuditActor, request: UpdateTenantSettingsDto, ifMatch: string | undefined): Promise<TenantSettingsWithETag> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.load(manager, actor.tenantId, true);
      requireFreshETag(ifMatch, etagOf(toSettings(current)), 'area’s settings');
      const changes = Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined)) as Partial<Tenant>;
      const changed = Object.keys(changes).filter((key) => JSON.stringify(changes[key as keyof Tenant]) !== JSON.stringify(current[key as keyof Tenant]));
      if (changed.length === 0) return withETag(current);
      await manager.update(Tenant, { id: actor.tenantId }, changes);
      await this.auditLog.record(manager, { ...actor, action: 'update', subjectType: 'tenant', subjectId: actor.tenantId, detail: { changed } });
      const updated = await this.load(manager, actor.tenantId, false);
      await publishTenantChanged(manager, 'identity.tenant.updated', updated);
      return withETag(updated);
    });
  }

  private async load(manager: EntityManager, tenantId: string, forUpdate: boolean): Promise<Tenant> {
    const tenant = await manager.findOne(Tenant, { where: { id: tenantId }, ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!tenant) throw new NotFoundException('No such area.');
    return tenant;
  }
}

function toSettings(tenant: Tenant): TenantSettingsDto {
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

function withETag(tenant: Tenant): TenantSettingsWithETag {
  const settings = toSettings(tenant);
  return { settings, etag: etagOf(settings) };
}
