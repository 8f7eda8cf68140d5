import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { ConsentDto, ConsentHistoryPageDto, ConsentHistoryQueryDto, ConsentKindParams, MissingConsentListDto, PupilConsentsDto, RecordConsentDto } from './dto/consent.dto';
import { ConsentsService } from './consents.service';

const STAFF = ['programme_admin', 'headteacher', 'tutor', 'school_staff'] as const;

@ApiTags('consents')
@Controller()
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Get('pupils/:pupilId/consents')
  @Access('guardian', ...STAFF)
  @ApiOperation({ summary: 'A pupil’s consents now, one per kind (state missing when nobody has answered)' })
  @ApiOkResponse({ type: PupilConsentsDto })
  current(@CurrentIdentity() identity: Identity, @Param('pupilId', ParseUUIDPipe) pupilId: string): Promise<PupilConsentsDto> {
    return this.consents.current(identity, pupilId);
  }

  @Get('pupils/:pupilId/consents/history')
  @Access('guardian', ...STAFF)
  @ApiOperation({ summary: 'Every decision on a pupil’s consents, newest first, with who made it and why' })
  @ApiOkResponse({ type: ConsentHistoryPageDto })
  history(@CurrentIdentity() identity: Identity, @Param('pupilId', ParseUUIDPipe) pupilId: string, @Query() query: ConsentHistoryQueryDto): Promise<ConsentHistoryPageDto> {
    return this.consents.history(identity, pupilId, query);
  }

  @Put('pupils/:pupilId/consents/:kind')
  @Access('guardian')
  @ApiOperation({ summary: 'Give, refuse or withdraw a consent for your child (each change is kept in the history)' })
  @ApiOkResponse({ type: ConsentDto })
  record(@CurrentIdentity() identity: Identity, @Param() params: ConsentKindParams, @Body() dto: RecordConsentDto): Promise<ConsentDto> {
    return this.consents.record(identity, params.pupilId, params.kind, dto);
  }

  @Get('performances/:performanceId/missing-photo-consents')
  @Access(...STAFF)
  @ApiOperation({ summary: 'Children of your schools coming to a performance (bus bookings, RSVPs) with no photo/film consent recorded' })
  @ApiOkResponse({ type: MissingConsentListDto })
  missing(@CurrentIdentity() identity: Identity, @Param('performanceId', ParseUUIDPipe) performanceId: string): Promise<MissingConsentListDto> {
    return this.consents.missingForPerformance(identity, performanceId);
  }
}
