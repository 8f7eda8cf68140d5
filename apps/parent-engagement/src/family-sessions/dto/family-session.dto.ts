import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PageQueryDto } from '@tutti/platform';
import { IsInstant } from '../../common/validation';

export const SESSION_KINDS = ['family_music', 'workshop'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export class CreateFamilySessionDto {
  @ApiProperty({ enum: SESSION_KINDS })
  @IsIn(SESSION_KINDS)
  kind: SessionKind;

  @ApiProperty({ example: 'Play along with your child: strings' })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  schoolId: string;

  @ApiProperty({ format: 'date-time' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  @IsInstant()
  endsAt: string;

  @ApiProperty({ minimum: 1, maximum: 1000, description: 'Places (people), all families together' })
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity: number;
}

export const SESSION_WHEN = ['coming', 'past'] as const;
export type SessionWhen = (typeof SESSION_WHEN)[number];

export class FamilySessionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;
}

/** The list of sessions: those to come, or (when=past) those over. */
export class FamilySessionListQueryDto extends FamilySessionQueryDto {
  @ApiPropertyOptional({
    enum: SESSION_WHEN,
    default: 'coming',
    description: 'coming: not yet over, soonest first; past: over, most recent first',
  })
  @IsOptional()
  @IsIn(SESSION_WHEN)
  when?: SessionWhen;
}

export class FamilySessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SESSION_KINDS }) kind: SessionKind;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() capacity: number;
  @ApiProperty() placesLeft: number;
}

export class FamilySessionPageDto {
  @ApiProperty({ type: [FamilySessionDto] }) items: FamilySessionDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class CreateSignUpDto {
  @ApiProperty({ minimum: 1, maximum: 20, description: 'People of the family coming (adults and children)' })
  @IsInt()
  @Min(1)
  @Max(20)
  places: number;

  @ApiProperty({ type: [String], description: 'Your own children (pupils) coming' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  pupilIds: string[];
}

export class AttendanceDto {
  @ApiProperty()
  @IsBoolean()
  attended: boolean;
}

export class SignUpDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() guardianName: string;
  @ApiProperty() places: number;
  @ApiProperty({ type: [String] }) pupilIds: string[];
  @ApiProperty({ enum: ['signed_up', 'cancelled'] }) status: string;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) attended: boolean | null;
}

export class SignUpPageDto {
  @ApiProperty({ type: [SignUpDto] }) items: SignUpDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
