import { Body, Controller, Get, Patch, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { RequestOrigin, type AuditOrigin } from '@tutti/messaging';
import { IdParam, IfMatchVersion } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { ApiEditWithIfMatch, ApiOkWithETag, withETag } from '../common/edit-versions';
import { CharacteristicsService } from './characteristics.service';
import { CharacteristicsChangeDto, CharacteristicsDto } from './dto/characteristics.dto';

@ApiTags('pupils')
@Controller('pupils/:pupilId/characteristics')
export class CharacteristicsController {
  constructor(private readonly characteristics: CharacteristicsService) {}

  @Get()
  @Access('programme_admin', 'headteacher')
  @ApiOperation({
    summary:
      'A pupil’s characteristics (FSM / pupil premium, SEND, EAL, gender, ethnicity group): programme admin and the pupil’s headteacher only; audited',
  })
  @ApiOkWithETag(CharacteristicsDto)
  async get(
    @CurrentIdentity() identity: Identity,
    @IdParam('pupilId') pupilId: string,
    @RequestOrigin() origin: AuditOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CharacteristicsDto> {
    return withETag(reply, await this.characteristics.get(identity, pupilId, origin));
  }

  @Patch()
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Record a pupil’s characteristics; each one given replaces what is recorded' })
  @ApiEditWithIfMatch('pupil', CharacteristicsDto)
  async update(
    @CurrentIdentity() identity: Identity,
    @IdParam('pupilId') pupilId: string,
    @IfMatchVersion() version: number,
    @Body() body: CharacteristicsChangeDto,
    @RequestOrigin() origin: AuditOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CharacteristicsDto> {
    return withETag(reply, await this.characteristics.update(identity, pupilId, version, body, origin));
  }
}
