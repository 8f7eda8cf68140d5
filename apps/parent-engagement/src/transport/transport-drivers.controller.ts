import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { ClearedDriverListDto, DriverQueryDto } from './dto/driver.dto';
import { TransportRunsService } from './transport-runs.service';

/** Who may drive a bus: the drivers a bus's form offers (the bus's routes still refuse anyone not cleared, 409). */
@ApiTags('transport')
@Controller('transport-drivers')
export class TransportDriversController {
  constructor(private readonly runs: TransportRunsService) {}

  @Get()
  @Access('programme_admin', 'headteacher', 'school_staff')
  @ApiOperation({
    operationId: 'listClearedDrivers',
    summary: 'The drivers cleared to drive children on the day a bus leaves (DBS check and training valid), by name',
  })
  @ApiOkResponse({ type: ClearedDriverListDto })
  async list(@CurrentIdentity() identity: Identity, @Query() query: DriverQueryDto): Promise<ClearedDriverListDto> {
    return this.runs.clearedDrivers(identity.tenantId, query.departsAt ? new Date(query.departsAt) : undefined);
  }
}
