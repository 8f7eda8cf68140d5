import { ApiProperty } from '@nestjs/swagger';

/** What signing in, accepting an invitation and refreshing answer. */
export class SessionTokensDto {
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Send as "Authorization: Bearer <accessToken>"; short-lived.' }) accessToken: string;
  @ApiProperty({ format: 'date-time' }) accessTokenExpiresAt: string;
  @ApiProperty({ description: 'Opaque; exchange it at POST /auth/refresh for new tokens. Each one works once.' }) refreshToken: string;
  @ApiProperty({ format: 'date-time' }) refreshTokenExpiresAt: string;
}
