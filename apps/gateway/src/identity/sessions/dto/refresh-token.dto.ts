import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class RefreshTokenDto {
  @ApiProperty({ description: 'The refresh token from sign-in or the last refresh' })
  @IsString()
  @MinLength(1, { message: 'refreshToken must not be empty' })
  @MaxLength(200)
  refreshToken: string;
}
