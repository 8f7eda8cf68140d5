import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { DataSource } from 'typeorm';
import { areaSettings } from './area-settings';
import { AreaSettingsDto, UpdateAreaSettingsDto } from './dto/area-settings.dto';

@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOkResponse({ type: AreaSettingsDto })
  get(@CurrentIdentity() identity: Identity): Promise<AreaSettingsDto> {
    return areaSettings(this.dataSource.manager, identity.tenantId);
  }

  @Put()
  @Access('programme_admin')
  @ApiOperation({ summary: 'The conditional-loan rule, loan terms version and inspection interval of this area' })
  @ApiOkResponse({ type: AreaSettingsDto })
  async update(@CurrentIdentity() identity: Identity, @Body() body: UpdateAreaSettingsDto): Promise<AreaSettingsDto> {
    return this.dataSource.transaction(async (manager) => {
      const next = { ...(await areaSettings(manager, identity.tenantId)), ...body };
      await manager.query(
        `INSERT INTO area_settings (tenant_id, missed_sessions_threshold, grace_period_days, terms_version, inspection_interval_days) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id) DO UPDATE SET missed_sessions_threshold = $2, grace_period_days = $3, terms_version = $4, inspection_interval_days = $5`,
        [identity.tenantId, next.missedSessionsThreshold, next.gracePeriodDays, next.termsVersion, next.inspectionIntervalDays],
      );
      return next;
    });
  }
}
