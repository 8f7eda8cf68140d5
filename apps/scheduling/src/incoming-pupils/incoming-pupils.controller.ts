import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { RequestOrigin, type AuditOrigin } from '@tutti/messaging';
import { IdParam } from '@tutti/platform';
import { IncomingPupilPageDto, IncomingPupilsQueryDto } from './dto/incoming-pupil.dto';
import { IncomingPupilsService } from './incoming-pupils.service';

@ApiTags('schools')
@Controller('schools')
export class IncomingPupilsController {
  constructor(private readonly incoming: IncomingPupilsService) {}

  @Get(':schoolId/incoming-pupils')
  @Access('programme_admin', 'headteacher', 'school_staff')
  @ApiOperation({
    operationId: 'listIncomingPupils',
    summary: 'A partner secondary school’s incoming pupils who are still in the programme',
    description:
      'The alumni (pupils who left primary school at the roll-over) whose destination school is this partner secondary school ' +
      'and who are still in the programme: a member now of at least one ensemble (a membership with no leaving date). ' +
      'Name, the year they left, their ensembles and instrument; never their characteristics. For the school’s own staff ' +
      'and headteacher and for the programme admin (404 for any other school); a school that is not a partner secondary school lists none. ' +
      'Every pupil shown is an audited read.',
  })
  @ApiOkResponse({ type: IncomingPupilPageDto })
  list(
    @CurrentIdentity() identity: Identity,
    @IdParam('schoolId') schoolId: string,
    @Query() query: IncomingPupilsQueryDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<IncomingPupilPageDto> {
    return this.incoming.list(identity, schoolId, query, origin);
  }
}
