import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { IdParam } from '@tutti/platform';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { RequestOrigin, type AuditOrigin } from '@tutti/messaging';
import {
  ConsentDto,
  ConsentHistoryPageDto,
  ConsentHistoryQueryDto,
  ConsentKindParams,
  MissingConsentListDto,
  PupilConsentsDto,
  RecordConsentDto,
} from './dto/consent.dto';
import { ConsentsService } from './consents.service';

const STAFF = ['programme_admin', 'headteacher', 'tutor', 'school_staff'] as const;

@ApiTags('consents')
@Controller()
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Get('pupils/:pupilId/consents')
  @Access('guardian', ...STAFF)
  @ApiOperation({
    operationId: 'getPupilConsents',
    summary: 'A pupil’s consents now, one per kind (state missing when nobody has answered)',
  })
  @ApiOkResponse({ type: PupilConsentsDto })
  current(
    @CurrentIdentity() identity: Identity,
    @IdParam('pupilId') pupilId: string,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<PupilConsentsDto> {
    return this.consents.current(identity, pupilId, origin);
  }

  @Get('pupils/:pupilId/consents/history')
  @Access('guardian', ...STAFF)
  @ApiOperation({
    operationId: 'listConsentHistory',
    summary: 'Every decision on a pupil’s consents, newest first, with who made it and why',
  })
  @ApiOkResponse({ type: ConsentHistoryPageDto })
  history(
    @CurrentIdentity() identity: Identity,
    @IdParam('pupilId') pupilId: string,
    @Query() query: ConsentHistoryQueryDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<ConsentHistoryPageDto> {
    return this.consents.history(identity, pupilId, query, origin);
  }

  @Put('pupils/:pupilId/consents/:kind')
  @Access('guardian')
  @ApiOperation({ summary: 'Give, refuse or withdraw a consent for your child (each change is kept in the history)' })
  @ApiOkResponse({ type: ConsentDto })
  record(
    @CurrentIdentity() identity: Identity,
    @Param() params: ConsentKindParams,
    @Body() dto: RecordConsentDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<ConsentDto> {
    return this.consents.record(identity, params.pupilId, params.kind, dto, origin);
  }

  @Get('performances/:performanceId/missing-photo-consents')
  @Access(...STAFF)
  @ApiOperation({
    operationId: 'listMissingPhotoConsents',
    summary: 'Children of your schools coming to a performance (bus bookings, RSVPs) with no photo/film consent recorded',
  })
  @ApiOkResponse({ type: MissingConsentListDto })
  missing(
    @CurrentIdentity() identity: Identity,
    @IdParam('performanceId') performanceId: string,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<MissingConsentListDto> {
    return this.consents.missingForPerformance(identity, performanceId, origin);
  }
}
