import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { LANGUAGE_TAG, MOBILE, TidyName, languageRule, mobileRule, trim } from './account-fields';

/** What an admin may change; `status` disables or re-enables the account. */
export class UpdateAccountDto {
  @ApiPropertyOptional({ example: 'Tom Reilly' })
  @IsOptional()
  @TidyName()
  @IsString()
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(120)
  displayName?: string;

  @ApiPropertyOptional({ example: '+447700900123', nullable: true, type: String, description: 'null removes it' })
  @ValidateIf((_dto, value) => value !== undefined && value !== null)
  @Transform(trim)
  @Matches(MOBILE, mobileRule)
  mobile?: string | null;

  @ApiPropertyOptional({ example: 'pl' })
  @IsOptional()
  @Matches(LANGUAGE_TAG, languageRule)
  preferredLanguage?: string;

  @ApiPropertyOptional({
    enum: ['active', 'disabled'],
    description:
      'disabled: signs the person out everywhere within a minute; active: enables again (an account that never set a password goes back to invited)',
  })
  @IsOptional()
  @IsIn(['active', 'disabled'], { message: 'status must be active or disabled' })
  status?: 'active' | 'disabled';
}
