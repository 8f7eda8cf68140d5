import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam } from '@tutti/platform';
import { viewerOf } from '../performances/viewer';
import { ConsentAuditService } from './consent-audit.service';
import { ConsentAuditDto } from './dto/consent-audit.dto';

@ApiTags('consent-audit')
@Controller('performances/:performanceId/consent-audit')
export class ConsentAuditController {
  constructor(private readonly audits: ConsentAuditService) {}

  @Get()
  @Access('programme_admin', 'headteacher')
  @ApiOperation({
    operationId: 'getConsentAudit',
    summary:
      'Which children the programme, run sheet and public listing show, checked against their current consents, mismatches flagged (a headteacher: their own school’s children)',
  })
  @ApiOkResponse({ type: ConsentAuditDto })
  audit(@CurrentIdentity() identity: Identity, @IdParam('performanceId') performanceId: string): Promise<ConsentAuditDto> {
    return this.audits.audit(viewerOf(identity), performanceId);
  }
}
