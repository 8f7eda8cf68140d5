import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsIsoDate, PageQueryDto } from '@tutti/platform';

export const DATA_REQUEST_KINDS = ['export', 'erasure', 'retention'] as const;
export const SUBJECT_TYPES = ['pupil', 'guardian'] as const;

/** A subject access export or an erasure, about one pupil or one guardian's account. */
export class OpenDataRequestDto {
  @ApiProperty({ enum: ['export', 'erasure'], description: 'A guardian may ask only for an export of their own child' })
  @IsIn(['export', 'erasure'])
  kind: 'export' | 'erasure';

  @ApiProperty({ enum: SUBJECT_TYPES })
  @IsIn(SUBJECT_TYPES)
  subjectType: 'pupil' | 'guardian';

  @ApiProperty({ format: 'uuid', description: 'The pupil’s id, or the guardian’s account id' })
  @IsUUID()
  subjectId: string;
}

/** A retention run of the caller's area, now. */
export class OpenRetentionRunDto {
  @ApiProperty({ description: 'Only count what the schedule would anonymise or delete' })
  @IsBoolean()
  dryRun: boolean;

  @ApiPropertyOptional({ example: '2026-12-05', description: 'The day the schedule is applied as of (default today); not in the future' })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}

export class ListDataRequestsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DATA_REQUEST_KINDS })
  @IsOptional()
  @IsIn(DATA_REQUEST_KINDS)
  kind?: (typeof DATA_REQUEST_KINDS)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'Requests about this pupil or account' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;
}

export class DataSubjectDto {
  @ApiProperty({ enum: SUBJECT_TYPES }) type: 'pupil' | 'guardian';
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class DataRequestProgressDto {
  @ApiProperty({ example: 3, description: 'Parts in so far (the gateway’s own is in from the start)' }) received: number;
  @ApiProperty({ example: 5 }) of: number;
  @ApiProperty({ type: [String], example: ['gateway', 'scheduling', 'parent-engagement'] }) answered: string[];
  @ApiProperty({ type: [String], example: ['instrument-loan', 'performance-event'] }) missing: string[];
}

export class DataRequestActionDto {
  @ApiProperty({ example: 'attendance marks' }) what: string;
  @ApiProperty() rows: number;
  @ApiProperty({ enum: ['anonymised', 'deleted', 'kept'] }) action: 'anonymised' | 'deleted' | 'kept';
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class DataRequestServicePartDto {
  @ApiProperty({ example: 'scheduling' }) service: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { pupil: 1, attendance: 64 },
    description: 'An export’s records by what they are, counted (the records themselves are in the ZIP)',
  })
  records: Record<string, number>;
  @ApiProperty({ type: [DataRequestActionDto] }) actions: DataRequestActionDto[];
}

export class RetentionRunSettingsDto {
  @ApiProperty({ example: '2026-12-05' }) asOf: string;
  @ApiProperty() dryRun: boolean;
}

export class DataRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DATA_REQUEST_KINDS }) kind: (typeof DATA_REQUEST_KINDS)[number];
  @ApiProperty({ type: DataSubjectDto, nullable: true, description: 'Null for a retention run' }) subject: DataSubjectDto | null;
  @ApiProperty({ enum: ['collecting', 'done'] }) state: 'collecting' | 'done';
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for the daily scheduled run' }) requestedBy:
    string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Pupil 7F3A', description: 'What an erasure writes in place of the name' })
  pseudonym: string | null;
  @ApiProperty({ type: RetentionRunSettingsDto, nullable: true }) retentionRun: RetentionRunSettingsDto | null;
  @ApiProperty({ type: DataRequestProgressDto }) progress: DataRequestProgressDto;
  @ApiProperty({ type: [DataRequestServicePartDto], description: 'What each service answered so far' }) parts: DataRequestServicePartDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A finished export’s ZIP of JSON' }) zipUrl: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A finished export’s readable summary' }) pdfUrl: string | null;
}

export class DataRequestPageDto {
  @ApiProperty({ type: [DataRequestDto] }) items: DataRequestDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
