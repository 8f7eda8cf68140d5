import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { staleEdit } from '@tutti/platform';
import { DataSource } from 'typeorm';
import type { UpdateAreaSettingsDto } from './dto/area-settings.dto';
import { areaSettings, updateAreaSettings, type VersionedAreaSettings } from './settings.queries';

@Injectable()
export class SettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get(tenantId: string): Promise<VersionedAreaSettings> {
    return areaSettings(this.dataSource.manager, tenantId);
  }

  /** Changes the settings named, keeping the others, if nobody changed them since the caller's read (else 412). */
  async update(tenantId: string, expectedVersion: number, changes: UpdateAreaSettingsDto): Promise<VersionedAreaSettings> {
    const updated = await updateAreaSettings(this.dataSource.manager, tenantId, changes, expectedVersion);
    if (updated) return updated;
    throw staleEdit('area’s loan settings', (await areaSettings(this.dataSource.manager, tenantId)).version);
  }
}
