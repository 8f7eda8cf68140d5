import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam } from '@tutti/platform';
import {
  CloseRepairDto,
  InspectionDto,
  OpenRepairDto,
  RecordInspectionDto,
  RepairListQueryDto,
  RepairTicketDto,
  RepairTicketPageDto,
} from './dto/repair.dto';
import { RepairsService } from './repairs.service';

@ApiTags('repairs and inspections')
@Controller()
export class RepairsController {
  constructor(private readonly repairs: RepairsService) {}

  @Post('instruments/:instrumentId/repairs')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'Send an available instrument for repair; it cannot go out until the ticket is closed' })
  @ApiCreatedResponse({ type: RepairTicketDto })
  open(
    @CurrentIdentity() identity: Identity,
    @IdParam('instrumentId') instrumentId: string,
    @Body() body: OpenRepairDto,
  ): Promise<RepairTicketDto> {
    return this.repairs.open(identity, instrumentId, body);
  }

  @Post('repairs/:repairId/close')
  @HttpCode(200)
  @Access('programme_admin')
  @ApiOperation({ summary: 'The repair is done: record its cost and make the instrument available (or retire it if unusable)' })
  @ApiOkResponse({ type: RepairTicketDto })
  close(
    @CurrentIdentity() identity: Identity,
    @IdParam('repairId') repairId: string,
    @Body() body: CloseRepairDto,
  ): Promise<RepairTicketDto> {
    return this.repairs.close(identity, repairId, body);
  }

  @Get('repairs')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'Repair tickets, open first' })
  @ApiOkResponse({ type: RepairTicketPageDto })
  list(@CurrentIdentity() identity: Identity, @Query() query: RepairListQueryDto): Promise<RepairTicketPageDto> {
    return this.repairs.list(identity.tenantId, query);
  }

  @Post('instruments/:instrumentId/inspections')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({
    operationId: 'inspectInstrument',
    summary: 'Record a termly inspection; the next is scheduled with a reminder a week before',
  })
  @ApiCreatedResponse({ type: InspectionDto })
  inspect(
    @CurrentIdentity() identity: Identity,
    @IdParam('instrumentId') instrumentId: string,
    @Body() body: RecordInspectionDto,
  ): Promise<InspectionDto> {
    return this.repairs.inspect(identity, instrumentId, body);
  }
}
