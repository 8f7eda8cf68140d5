import { Module } from '@nestjs/common';
import { TenantSettingsHandlers } from './tenant-settings.handlers';

/** The area's settings as the gateway announces them (name, time zone, provision target). */
@Module({ providers: [TenantSettingsHandlers] })
export class TenantSettingsModule {}
