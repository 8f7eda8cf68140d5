import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnySignedIn, CurrentIdentity, type Identity } from '@tutti/auth';
import { MeDto } from './me.dto';
import { MeService } from './me.service';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('identity/me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @AnySignedIn()
  @ApiOperation({ operationId: 'getMe', summary: 'Who am I: roles with their schools, children (as a guardian), the role acted in now' })
  @ApiOkResponse({ type: MeDto })
  describe(@CurrentIdentity() identity: Identity): Promise<MeDto> {
    return this.me.describe(identity);
  }
}
