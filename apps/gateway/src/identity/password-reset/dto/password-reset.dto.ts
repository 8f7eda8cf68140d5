import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'liverpool', description: 'The programme area’s slug' })
  @Transform(trim)
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'area must be the slug of a programme area, e.g. liverpool' })
  @MaxLength(64)
  area: string;

  @ApiProperty({ example: 'tutor@example.org' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;
}

export class CompletePasswordResetDto {
  @ApiProperty({ description: 'The token from the password-reset link (…/reset-password?token=…)' })
  @IsString()
  @MinLength(1, { message: 'token must not be empty' })
  @MaxLength(200)
  token: string;

  @ApiProperty({ format: 'password', minLength: 10, maxLength: 128 })
  @IsString()
  @MaxLength(1024)
  password: string;
}
