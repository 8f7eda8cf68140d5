import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { BODY_LIMIT_BYTES } from '@tutti/platform';

const LANGUAGE = /^[a-z]{2,3}$/;

/** An area's wording of one family message in one language (ETag: its version). */
export class MessageOverrideDto {
  @ApiProperty({ example: 'ro', description: 'ISO 639 language code' })
  language: string;

  @ApiProperty({ example: 'transport.booking-confirmed.subject' })
  key: string;

  @ApiProperty({ example: 'Transport rezervat: {performanceTitle}', description: 'ICU MessageFormat, with English’s placeholders' })
  message: string;

  @ApiProperty({ description: 'Send it quoted as If-Match to edit or delete' })
  version: number;

  @ApiProperty({ format: 'uuid' })
  updatedBy: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class MessageOverrideListDto {
  @ApiProperty({ type: [MessageOverrideDto] })
  items: MessageOverrideDto[];
}

export class MessageOverrideQueryDto {
  @ApiPropertyOptional({ example: 'ro', description: 'Only this language' })
  @IsOptional()
  @Matches(LANGUAGE, { message: 'language must be an ISO 639 language code such as ro or ar' })
  language?: string;
}

/** One family message in one language as the area has it: its own wording, the shipped one, English's. */
export class FamilyMessageDto {
  @ApiProperty({ example: 'ro' })
  language: string;

  @ApiProperty({ example: 'transport.booking-confirmed.subject' })
  key: string;

  @ApiProperty({ description: 'What a family of the area gets: the override, else the shipped wording, else English’s' })
  message: string;

  @ApiProperty({ enum: ['override', 'catalogue', 'english'], description: 'Where message comes from' })
  source: 'override' | 'catalogue' | 'english';

  @ApiProperty({ nullable: true, type: String, description: 'The shipped catalogue’s wording in this language, if any' })
  shipped: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'The shipped wording’s note (a machine translation is marked so)' })
  shippedDescription: string | null;

  @ApiProperty()
  english: string;

  @ApiProperty({ type: [String], description: 'English’s placeholders: an override must use exactly these' })
  placeholders: string[];

  @ApiProperty({ description: 'The override’s version, 0 while there is none: send it quoted as If-Match' })
  version: number;
}

export class PutMessageOverrideDto {
  @ApiProperty({ example: 'Transport rezervat: {performanceTitle}', description: 'ICU MessageFormat, with English’s placeholders' })
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  message: string;
}

export class PreviewMessageDto {
  @ApiProperty({ example: 'ro' })
  @Matches(LANGUAGE, { message: 'language must be an ISO 639 language code such as ro or ar' })
  language: string;

  @ApiProperty({ example: 'transport.booking-confirmed.body', description: 'The family message to show in the message that carries it' })
  @IsString()
  @MaxLength(200)
  key: string;

  @ApiPropertyOptional({ description: 'A draft wording of key to try before saving it (checked as an override is)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  message?: string;
}

/** A message as a family of the area would get it, with sample facts. */
export class MessagePreviewDto {
  @ApiProperty()
  language: string;

  @ApiProperty({ enum: ['ltr', 'rtl'] })
  dir: 'ltr' | 'rtl';

  @ApiProperty()
  subject: string;

  @ApiProperty({ description: 'The plain-text part (also what a text message is made of)' })
  text: string;

  @ApiProperty({ description: 'The HTML part, with lang and dir' })
  html: string;
}

export class MissingMessagesDto {
  @ApiProperty({ example: 'so' })
  language: string;

  @ApiProperty({ description: 'Whether Tutti ships a catalogue of this language' })
  shipped: boolean;

  @ApiProperty({ description: 'Families of the area who chose this language' })
  families: number;

  @ApiProperty({ description: 'Messages the area has its own wording of in this language' })
  overridden: number;

  @ApiProperty({ type: [String], description: 'Messages neither shipped nor overridden in this language: they come in English' })
  missing: string[];
}

export class MissingMessagesReportDto {
  @ApiProperty({ description: 'Family messages there are (English has every one)' })
  messages: number;

  @ApiProperty({ type: [MissingMessagesDto] })
  languages: MissingMessagesDto[];
}

/** Every family message in one language as the area's families get it now, for a translator. */
export class FamilyMessageCatalogueDto {
  @ApiProperty({ example: 'ro' })
  language: string;

  @ApiProperty({ description: 'Family messages there are: the shipped catalogue’s keys (English has every one)' })
  messages: number;

  @ApiProperty({ type: [FamilyMessageDto], description: 'One per family message key, in the catalogue’s order' })
  items: FamilyMessageDto[];
}

export class ImportMessageOverridesDto {
  @ApiProperty({
    description:
      'The catalogue CSV (GET …/catalogue.csv) with the wording column edited: a header row naming key and wording, then one row per message. ' +
      'A row whose wording differs from what the area’s families get now becomes the area’s wording; a blank wording changes nothing.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(BODY_LIMIT_BYTES)
  csv: string;
}

export class MessageOverrideImportDto {
  @ApiProperty({ example: 'ro' })
  language: string;

  @ApiProperty({ description: 'Rows that became the area’s wording where it had none' })
  created: number;

  @ApiProperty({ description: 'Rows that replaced the area’s own wording' })
  changed: number;

  @ApiProperty({ description: 'Rows whose wording is what families get now (or blank)' })
  unchanged: number;
}
