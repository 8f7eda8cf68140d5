import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { GrantRequestDto } from '../../grants/dto/grant-request.dto';
import { LANGUAGE_TAG, MOBILE, TidyName, languageRule, mobileRule, trim } from './account-fields';

/** An invitation: the account is created as `invited` and a link to set a password is mailed. */
export class InviteAccountDto {
  @ApiProperty({ example: 'tutor@example.org' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Tom Reilly' })
  @TidyName()
  @IsString()
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(120)
  displayName: string;

  @ApiPropertyOptional({ example: '+447700900123' })
  @IsOptional()
  @Transform(trim)
  @Matches(MOBILE, mobileRule)
  mobile?: string;

  @ApiPropertyOptional({ example: 'en', default: 'en' })
  @IsOptional()
  @Matches(LANGUAGE_TAG, languageRule)
  preferredLanguage?: string;

  @ApiPropertyOptional({ type: [GrantRequestDto], description: 'Roles to grant at once' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => GrantRequestDto)
  grants?: GrantRequestDto[];
}
