import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import type { ConsentKind } from '@tutti/contracts';
import { PageQueryDto } from '@tutti/platform';

export const CONSENT_KINDS = ['photo_film', 'performing_in_public', 'transport', 'trips'] as const satisfies readonly ConsentKind[];
export const CONSENT_STATES = ['granted', 'refused', 'withdrawn', 'missing'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export class ConsentKindParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  pupilId: string;

  @ApiProperty({ enum: CONSENT_KINDS })
  @IsIn(CONSENT_KINDS)
  kind: ConsentKind;
}

export class RecordConsentDto {
  @ApiProperty({ description: 'true gives consent; false refuses it, or withdraws consent given before' })
  @IsBoolean()
  granted: boolean;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'Yes, except social media',
    description: 'A "yes, except …" note; only with granted: true',
  })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @IsString()
  @MaxLength(1000)
  note?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why the decision was made or changed' })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @IsString()
  @MaxLength(1000)
  reason?: string | null;
}

export class ConsentDto {
  @ApiProperty({ enum: CONSENT_KINDS }) kind: ConsentKind;
  @ApiProperty({ enum: CONSENT_STATES, description: 'missing: nobody has answered yet' }) state: ConsentState;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) givenByName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) givenAt: string | null;
}

export class PupilConsentsDto {
  @ApiProperty({ format: 'uuid' }) pupilId: string;
  @ApiProperty({ type: [ConsentDto], description: 'One per kind, the latest decision' }) consents: ConsentDto[];
}

export class ConsentHistoryItemDto extends ConsentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class ConsentHistoryPageDto {
  @ApiProperty({ type: [ConsentHistoryItemDto] }) items: ConsentHistoryItemDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ConsentHistoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONSENT_KINDS })
  @IsOptional()
  @IsIn(CONSENT_KINDS)
  kind?: ConsentKind;
}

export class MissingConsentDto {
  @ApiProperty({ format: 'uuid' }) pupilId: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) schoolId: string | null;
  @ApiProperty({ description: 'Guardian name on the booking or RSVP' }) familyName: string;
}

export class MissingConsentListDto {
  @ApiProperty({ format: 'uuid' }) performanceId: string;
  @ApiProperty({ enum: CONSENT_KINDS }) kind: ConsentKind;
  @ApiProperty({ type: [MissingConsentDto] }) pupils: MissingConsentDto[];
}
