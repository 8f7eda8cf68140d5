import { ApiProperty } from '@nestjs/swagger';
import { CONSENT_STATES, type ConsentState } from '../../rosters/dto/roster.dto';

export const AUDIT_PLACES = ['printed_programme', 'printed_run_sheet', 'public_performance', 'public_listing'] as const;
export type AuditPlace = (typeof AUDIT_PLACES)[number];

export class AuditConsentsDto {
  @ApiProperty({ enum: CONSENT_STATES }) photoFilm: ConsentState;
  @ApiProperty({ enum: CONSENT_STATES }) performingInPublic: ConsentState;
}

export class PrintedAppearanceDto {
  @ApiProperty({ enum: ['programme', 'run_sheet'] }) kind: 'programme' | 'run_sheet';
  @ApiProperty({ format: 'date-time' }) printedAt: string;
  @ApiProperty({ description: 'Named on it (a programme counts the children it does not name)' }) named: boolean;
  @ApiProperty({ type: AuditConsentsDto, description: 'The consents the sheet was printed with' }) consentsAsPrinted: AuditConsentsDto;
}

export class AppearancesDto {
  @ApiProperty({ description: 'On the roster, so on the run sheet' }) runSheet: boolean;
  @ApiProperty({
    enum: ['named', 'counted', 'absent'],
    description: 'The programme as it prints now: named only with consent to perform in public',
  })
  programme: 'named' | 'counted' | 'absent';
  @ApiProperty({ description: 'A soloist in the running order' }) soloist: boolean;
  @ApiProperty({ description: 'Named in the public listing (the performance is listed and its title names the child)' })
  publicListing: boolean;
  @ApiProperty({ type: [PrintedAppearanceDto], description: 'Programmes and run sheets handed out that listed the child' })
  printed: PrintedAppearanceDto[];
}

export class ConsentMismatchDto {
  @ApiProperty({ enum: AUDIT_PLACES }) where: AuditPlace;
  @ApiProperty({ enum: ['photo_film', 'performing_in_public'] }) consent: 'photo_film' | 'performing_in_public';
  @ApiProperty({ enum: ['refused', 'not_answered'], description: 'refused: keep the child out; not_answered: chase the family' })
  state: 'refused' | 'not_answered';
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the sheet in question was printed' })
  printedAt: string | null;
  @ApiProperty() message: string;
}

export class AuditedChildDto {
  @ApiProperty({ format: 'uuid' }) pupilId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) schoolId: string | null;
  @ApiProperty({ type: AuditConsentsDto, description: 'Their consents now' }) consents: AuditConsentsDto;
  @ApiProperty({ type: AppearancesDto }) appearances: AppearancesDto;
  @ApiProperty({ type: [ConsentMismatchDto] }) mismatches: ConsentMismatchDto[];
}

export class ConsentAuditDto {
  @ApiProperty({ format: 'uuid' }) performanceId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ enum: ['draft', 'published', 'completed', 'cancelled'] }) status: string;
  @ApiProperty({ enum: ['public', 'school_community'] }) audience: string;
  @ApiProperty({ description: 'Shown in the area’s public listing and calendar feed' }) publiclyListed: boolean;
  @ApiProperty({ format: 'date-time' }) checkedAt: string;
  @ApiProperty({ description: 'Children with at least one mismatch' }) childrenWithMismatches: number;
  @ApiProperty({ type: [AuditedChildDto] }) children: AuditedChildDto[];
}
