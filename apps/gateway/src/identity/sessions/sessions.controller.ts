import { Body, Controller, Header, HttpCode, HttpStatus, Post, UseFilters } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { PublicRoute } from '@tutti/auth';
import { Origin, type RequestOrigin } from '../http/request-origin';
import { TooManyAttemptsFilter } from '../rate-limit/too-many-attempts';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { SignInDto } from './dto/sign-in.dto';
import { SessionTokensDto } from './session-tokens';
import { SessionsService } from './sessions.service';
import { SignInService } from './sign-in.service';

@ApiTags('auth')
@Controller('auth')
@UseFilters(TooManyAttemptsFilter)
export class SessionsController {
  constructor(
    private readonly signIns: SignInService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('sign-in')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  @PublicRoute('signing in is how a caller gets an identity; attempts are rate-limited per account and per IP')
  @ApiOperation({ summary: 'Sign in with email and password; answers an access token and a refresh token' })
  @ApiOkResponse({ type: SessionTokensDto })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password, or the account is not active' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts; see Retry-After' })
  signIn(@Body() body: SignInDto, @Origin() origin: RequestOrigin): Promise<SessionTokensDto> {
    return this.signIns.signIn(body, origin);
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  @PublicRoute('the refresh token in the body is the credential; the access token may have expired')
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens (the old refresh token stops working)' })
  @ApiOkResponse({ type: SessionTokensDto })
  @ApiUnauthorizedResponse({ description: 'Unknown, expired or already-used refresh token (a reused one ends the whole sign-in)' })
  refresh(@Body() body: RefreshTokenDto): Promise<SessionTokensDto> {
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('sign-out')
  @HttpCode(HttpStatus.NO_CONTENT)
  @PublicRoute('the refresh token in the body is the credential; signing out must work with an expired access token')
  @ApiOperation({ summary: 'End this sign-in: its refresh tokens stop working, and its access tokens within 30 seconds' })
  @ApiNoContentResponse()
  async signOut(@Body() body: RefreshTokenDto): Promise<void> {
    await this.sessions.signOut(body.refreshToken);
  }
}
