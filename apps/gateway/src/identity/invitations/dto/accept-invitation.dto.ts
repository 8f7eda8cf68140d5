import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The token from the invitation link (…/accept-invitation?token=…)' })
  @IsString()
  @MinLength(1, { message: 'token must not be empty' })
  @MaxLength(200)
  token: string;

  @ApiProperty({
    format: 'password',
    minLength: 10,
    maxLength: 128,
    description: 'At least 10 characters; a few unrelated words make a good one. Common passwords are refused.',
  })
  @IsString()
  @MaxLength(1024)
  password: string;
}
