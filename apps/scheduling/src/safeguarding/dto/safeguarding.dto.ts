import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { IsIsoDate } from '@tutti/platform';
import { STAFF_KINDS, type StaffKind } from '../../staff/staff.model';
import {
  CLEARANCE_STATUSES,
  DBS_LEVELS,
  UNCLEARED_REASONS,
  type ClearanceStatus,
  type DbsLevel,
  type UnclearedReason,
} from '../safeguarding.model';

export class DbsCheckInputDto {
  @ApiProperty({ description: 'The 12-digit DBS certificate number', example: '001234567890' })
  @IsString()
  @Matches(/^[0-9]{12}$/, { message: 'number must be the 12 digits of the DBS certificate number' })
  number: string;
  @ApiProperty({ enum: DBS_LEVELS, description: 'Working with children needs enhanced_barred_list' }) @IsIn(DBS_LEVELS) level: DbsLevel;
  @ApiProperty({ format: 'date', example: '2025-01-20' }) @IsIsoDate() issuedOn: string;
  @ApiPropertyOptional({ format: 'date', description: 'The last check of this certificate on the DBS Update Service' })
  @IsOptional()
  @IsIsoDate()
  updateServiceCheckedOn?: string;
}

export class TrainingInputDto {
  @ApiProperty({ format: 'date', example: '2025-09-01' }) @IsIsoDate() completedOn: string;
  @ApiProperty({ example: 'Level 2 safeguarding children' }) @IsString() @Length(1, 100) level: string;
  @ApiProperty({ format: 'date', example: '2028-09-01', description: 'The first day the training no longer counts' })
  @IsIsoDate()
  expiresOn: string;
}

/** The whole record: a part left out is recorded as missing. */
export class PutSafeguardingRecordDto {
  @ApiPropertyOptional({ type: DbsCheckInputDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DbsCheckInputDto)
  dbs?: DbsCheckInputDto;
  @ApiPropertyOptional({ type: TrainingInputDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TrainingInputDto)
  training?: TrainingInputDto;
}

export class DbsCheckDto {
  @ApiProperty({ description: 'Shown to programme admins only' }) number: string;
  @ApiProperty({ enum: DBS_LEVELS }) level: DbsLevel;
  @ApiProperty({ format: 'date' }) issuedOn: string;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String }) updateServiceCheckedOn: string | null;
  @ApiProperty({ format: 'date', description: 'Renewal due: 3 years after the later of issue and the last Update Service check' })
  expiresOn: string;
}

export class TrainingDto {
  @ApiProperty({ format: 'date' }) completedOn: string;
  @ApiProperty() level: string;
  @ApiProperty({ format: 'date' }) expiresOn: string;
}

/**
 * A member of staff's safeguarding status. The programme admin sees the record itself (`dbs`,
 * `training`); anyone else who may see the member of staff sees the status and expiry only.
 */
export class SafeguardingRecordDto {
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: STAFF_KINDS }) kind: StaffKind;
  @ApiProperty({ enum: CLEARANCE_STATUSES, description: 'Whether they may work with children today (expiring: within 30 days)' })
  status: ClearanceStatus;
  @ApiProperty({ enum: UNCLEARED_REASONS, isArray: true }) reasons: UnclearedReason[];
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'The first day they are no longer cleared' })
  expiresOn: string | null;
  @ApiPropertyOptional({ type: DbsCheckDto, nullable: true, description: 'Programme admins only' }) dbs?: DbsCheckDto | null;
  @ApiPropertyOptional({ type: TrainingDto, nullable: true, description: 'Programme admins only' }) training?: TrainingDto | null;
  @ApiProperty({ description: 'The version read (0: nothing recorded yet): send it quoted as If-Match to edit' }) version: number;
}

export class SafeguardingAlertDto {
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: STAFF_KINDS }) kind: StaffKind;
  @ApiProperty({ enum: ['expiring', 'not_cleared'] }) status: Exclude<ClearanceStatus, 'cleared'>;
  @ApiProperty({ enum: UNCLEARED_REASONS, isArray: true }) reasons: UnclearedReason[];
  @ApiProperty({
    format: 'date',
    nullable: true,
    type: String,
    description: 'The day the check or training runs (or ran) out; null if never recorded',
  })
  runsOutOn: string | null;
  @ApiProperty({ type: [String], description: 'Ensembles they are a current staff member of' }) ensembleIds: string[];
  @ApiProperty({ description: 'Scheduled sessions to come that they tutor' }) upcomingSessions: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) nextSessionAt: string | null;
}

export class SafeguardingAlertsDto {
  @ApiProperty({ format: 'date', description: 'The day the list was drawn for (area time zone)' }) asOf: string;
  @ApiProperty({ type: [SafeguardingAlertDto] }) items: SafeguardingAlertDto[];
}
