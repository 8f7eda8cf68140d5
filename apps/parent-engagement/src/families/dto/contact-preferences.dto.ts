import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, Matches, ValidateIf } from 'class-validator';
import { PageQueryDto } from '@tutti/platform';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class ContactPreferencesDto {
  @ApiPropertyOptional({ nullable: true, type: String, format: 'email' })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @IsEmail()
  email: string | null = null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '+447700900123' })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @Matches(/^\+?[0-9 ]{7,20}$/, { message: 'phone must be a telephone number, e.g. +447700900123' })
  phone: string | null = null;

  @ApiProperty({ example: 'en', description: 'Language of messages (BCP 47); untranslated messages come in English' })
  @Matches(/^[a-z]{2,3}(-[A-Z]{2})?$/, { message: 'language must be a language code such as en or pl' })
  language: string;

  @ApiProperty()
  @IsBoolean()
  emailEnabled: boolean;

  @ApiProperty()
  @IsBoolean()
  smsEnabled: boolean;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '21:00',
    description: 'Start of quiet hours (local time); with quietHoursEnd',
  })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @Matches(TIME, { message: 'quietHoursStart must be a time HH:MM' })
  quietHoursStart: string | null = null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '07:00' })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @Matches(TIME, { message: 'quietHoursEnd must be a time HH:MM' })
  quietHoursEnd: string | null = null;
}

export class FamilyChildDto {
  @ApiProperty({ format: 'uuid' }) pupilId: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
}

export class FamilyDto extends ContactPreferencesDto {
  @ApiProperty({ format: 'uuid' }) guardianId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: [FamilyChildDto] }) children: FamilyChildDto[];
  @ApiProperty() version: number;
}

export class FamilyPageDto {
  @ApiProperty({ type: [FamilyDto] }) items: FamilyDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class FamilyQueryDto extends PageQueryDto {}
