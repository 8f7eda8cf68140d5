import { Body, Controller, Header, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicRoute } from '@tutti/auth';
import { Origin, type RequestOrigin } from '../http/request-origin';
import { SessionTokensDto } from '../sessions/session-tokens';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('auth')
@Controller('auth/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('accept')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  @PublicRoute('the single-use, expiring token from the invitation mail is the credential')
  @ApiOperation({ summary: 'Accept an invitation: choose a password, activate the account, and be signed in' })
  @ApiOkResponse({ type: SessionTokensDto })
  @ApiBadRequestResponse({
    description: 'The token is invalid, used or expired (field token), or the password is refused (field password)',
  })
  accept(@Body() body: AcceptInvitationDto, @Origin() origin: RequestOrigin): Promise<SessionTokensDto> {
    return this.invitations.accept(body, origin);
  }
}
