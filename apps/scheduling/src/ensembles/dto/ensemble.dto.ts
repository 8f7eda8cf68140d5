import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsIsoDate, PageQueryDto } from '@tutti/platform';
import { ENSEMBLE_KINDS, STRANDS, type EnsembleKind, type Strand } from '../ensemble.model';

export class CreateEnsembleDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'omit for an area-wide ensemble' }) @IsOptional() @IsUUID() schoolId?: string;
  @ApiProperty() @IsString() @Length(1, 200) name: string;
  @ApiProperty({ enum: ENSEMBLE_KINDS }) @IsIn(ENSEMBLE_KINDS) kind: EnsembleKind;
  @ApiProperty({ enum: STRANDS }) @IsIn(STRANDS) strand: Strand;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) level?: string;
}

export class UpdateEnsembleDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ enum: STRANDS }) @IsOptional() @IsIn(STRANDS) strand?: Strand;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) level?: string;
}

export class EnsembleListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() schoolId?: string;
  @ApiPropertyOptional({ enum: STRANDS }) @IsOptional() @IsIn(STRANDS) strand?: Strand;
}

export class EnsembleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) schoolId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ENSEMBLE_KINDS }) kind: EnsembleKind;
  @ApiProperty({ enum: STRANDS }) strand: Strand;
  @ApiPropertyOptional({ nullable: true, type: String }) level: string | null;
  @ApiProperty({ description: 'The version read: send it quoted as If-Match to edit' }) version: number;
}

export class EnsemblePageDto {
  @ApiProperty({ type: [EnsembleDto] }) items: EnsembleDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class AddMemberDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() pupilId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() staffId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) instrument?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) section?: string;
  @ApiPropertyOptional({ format: 'date', description: 'defaults to today' }) @IsOptional() @IsIsoDate() joinedOn?: string;
  @ApiPropertyOptional({ description: 'add the pupil even though this ensemble meets while another of theirs does' })
  @IsOptional()
  @IsBoolean()
  override?: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'A move between levels in one step: the pupil leaves their current membership of this other ensemble on joinedOn, in the same ' +
      'change as joining (a refusal leaves both as they were). Pupils only; that ensemble’s sessions no longer count as clashes.',
  })
  @IsOptional()
  @IsUUID()
  leavingEnsembleId?: string;
}

export class EndMembershipDto {
  @ApiProperty({ format: 'date' }) @IsIsoDate() leftOn: string;
}

export class MemberListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'include members who have left' }) @IsOptional() @IsIn(['true', 'false']) includeFormer?:
    'true' | 'false';
}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) ensembleId: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) pupilId: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) staffId: string | null;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) instrument: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) section: string | null;
  @ApiProperty() joinedOn: string;
  @ApiPropertyOptional({ nullable: true, type: String }) leftOn: string | null;
}

export class MemberPageDto {
  @ApiProperty({ type: [MemberDto] }) items: MemberDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
