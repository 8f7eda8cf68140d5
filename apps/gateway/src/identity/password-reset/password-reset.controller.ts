import { Body, Controller, HttpCode, HttpStatus, Post, UseFilters } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { PublicRoute } from '@tutti/auth';
import { Origin, type RequestOrigin } from '../http/request-origin';
import { TooManyAttemptsFilter } from '../rate-limit/too-many-attempts';
import { CompletePasswordResetDto, RequestPasswordResetDto } from './dto/password-reset.dto';
import { PasswordResetService } from './password-reset.service';

@ApiTags('auth')
@Controller('auth/password-reset')
@UseFilters(TooManyAttemptsFilter)
export class PasswordResetController {
  constructor(private readonly passwordReset: PasswordResetService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @PublicRoute('people who forgot their password cannot sign in; the answer never tells whether the account exists')
  @ApiOperation({ summary: 'Ask for a password-reset link by mail (the same answer whether or not the account exists)' })
  @ApiAcceptedResponse()
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this network; see Retry-After' })
  async request(@Body() body: RequestPasswordResetDto, @Origin() origin: RequestOrigin): Promise<{ detail: string }> {
    await this.passwordReset.request(body, origin);
    return { detail: 'If this address has an active account in this area, a password-reset link is on its way.' };
  }

  @Post('complete')
  @HttpCode(HttpStatus.NO_CONTENT)
  @PublicRoute('the single-use, expiring token from the password-reset mail is the credential')
  @ApiOperation({ summary: 'Choose a new password with the link from the mail; signs the account out everywhere' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({
    description: 'The token is invalid, used or expired (field token), or the password is refused (field password)',
  })
  async complete(@Body() body: CompletePasswordResetDto, @Origin() origin: RequestOrigin): Promise<void> {
    await this.passwordReset.complete(body, origin);
  }
}
