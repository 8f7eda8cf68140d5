import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam, PageQueryDto } from '@tutti/platform';
import { viewerOf } from '../performances/viewer';
import { AddPerformerDto, PerformerDto, RosterBuildDto, RosterPageDto, SuggestionPageDto } from './dto/roster.dto';
import { RostersService } from './rosters.service';

@ApiTags('rosters')
@Controller('performances/:performanceId/roster')
export class RostersController {
  constructor(private readonly rosters: RostersService) {}

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff', 'guardian')
  @ApiOperation({
    operationId: 'getRoster',
    summary: 'Performers with consents and chances this year (staff: their schools’ pupils; a guardian: their own children)',
  })
  @ApiOkResponse({ type: RosterPageDto })
  list(
    @CurrentIdentity() identity: Identity,
    @IdParam('performanceId') performanceId: string,
    @Query() page: PageQueryDto,
  ): Promise<RosterPageDto> {
    return this.rosters.list(viewerOf(identity), performanceId, page);
  }

  @Post('build')
  @HttpCode(200)
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Fill the roster from the members of the ensembles taking part (keeps additions and removals)' })
  @ApiOkResponse({ type: RosterBuildDto })
  build(@CurrentIdentity() identity: Identity, @IdParam('performanceId') performanceId: string): Promise<RosterBuildDto> {
    return this.rosters.build(viewerOf(identity), performanceId);
  }

  @Get('suggestions')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({
    operationId: 'suggestPerformers',
    summary: 'Pupils of the schools taking part not on the roster, fewest chances this year first',
  })
  @ApiOkResponse({ type: SuggestionPageDto })
  suggestions(
    @CurrentIdentity() identity: Identity,
    @IdParam('performanceId') performanceId: string,
    @Query() page: PageQueryDto,
  ): Promise<SuggestionPageDto> {
    return this.rosters.suggestions(viewerOf(identity), performanceId, page);
  }

  @Post('performers')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ operationId: 'addPerformer', summary: 'Add one pupil to the roster (idempotent)' })
  @ApiCreatedResponse({ type: PerformerDto })
  add(
    @CurrentIdentity() identity: Identity,
    @IdParam('performanceId') performanceId: string,
    @Body() body: AddPerformerDto,
  ): Promise<PerformerDto> {
    return this.rosters.add(viewerOf(identity), performanceId, body.pupilId.toLowerCase());
  }

  @Delete('performers/:pupilId')
  @HttpCode(204)
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ operationId: 'removePerformer', summary: 'Take one pupil off the roster (stays off when the roster is rebuilt)' })
  @ApiNoContentResponse()
  remove(
    @CurrentIdentity() identity: Identity,
    @IdParam('performanceId') performanceId: string,
    @IdParam('pupilId') pupilId: string,
  ): Promise<void> {
    return this.rosters.remove(viewerOf(identity), performanceId, pupilId);
  }
}
