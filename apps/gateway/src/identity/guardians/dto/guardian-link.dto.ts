import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@tutti/platform';
import { GUARDIAN_RELATIONSHIPS, type GuardianRelationship } from '../guardian-link.model';

export class CreateGuardianLinkDto {
  @ApiProperty({ format: 'uuid', description: 'The guardian’s account' })
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId: string;

  @ApiProperty({ format: 'uuid', description: 'The pupil (a record in scheduling)' })
  @IsUUID('all', { message: 'pupilId must be a UUID' })
  pupilId: string;

  @ApiProperty({ format: 'uuid', description: 'The pupil’s school' })
  @IsUUID('all', { message: 'schoolId must be a UUID' })
  schoolId: string;

  @ApiProperty({ enum: GUARDIAN_RELATIONSHIPS })
  @IsIn(GUARDIAN_RELATIONSHIPS, { message: `relationship must be one of ${GUARDIAN_RELATIONSHIPS.join(', ')}` })
  relationship: GuardianRelationship;

  @ApiProperty({ description: 'May book free transport seats for this pupil' })
  @IsBoolean()
  canBookTransport: boolean;

  @ApiProperty({ description: 'May give consents for this pupil' })
  @IsBoolean()
  canGiveConsent: boolean;
}

export class GuardianLinkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty({ format: 'uuid' }) pupilId: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ enum: GUARDIAN_RELATIONSHIPS }) relationship: GuardianRelationship;
  @ApiProperty() canBookTransport: boolean;
  @ApiProperty() canGiveConsent: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class GuardianLinkPageDto {
  @ApiProperty({ type: [GuardianLinkDto] }) items: GuardianLinkDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ListGuardianLinksQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'pupilId must be a UUID' })
  pupilId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'schoolId must be a UUID' })
  schoolId?: string;
}
