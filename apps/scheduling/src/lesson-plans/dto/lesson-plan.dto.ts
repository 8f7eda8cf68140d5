import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '@tutti/platform';

export class CreateLessonPlanDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() classId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() termId: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the session it is taught in' }) @IsOptional() @IsUUID() occurrenceId?: string;
  @ApiProperty({ example: 'Science' }) @IsString() @Length(1, 100) subject: string;
  @ApiProperty({ example: 'How sound travels' }) @IsString() @Length(1, 200) topic: string;
  @ApiProperty({ example: 'Pluck and bow open strings; feel the vibration' }) @IsString() @Length(1, 2000) musicalActivity: string;
  @ApiProperty({ format: 'uuid', description: 'the class teacher (school staff)' }) @IsUUID() classTeacherId: string;
  @ApiProperty({ format: 'uuid', description: 'the tutor (teaching artist)' }) @IsUUID() tutorId: string;
}

export class UpdateLessonPlanDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() occurrenceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) subject?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) topic?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) musicalActivity?: string;
}

export class LessonPlanListQueryDto extends PageQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() classId: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() termId?: string;
}

export class LessonPlanDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) classId: string;
  @ApiProperty({ format: 'uuid' }) termId: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) occurrenceId: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) sessionStartsAt: string | null;
  @ApiProperty() subject: string;
  @ApiProperty() topic: string;
  @ApiProperty() musicalActivity: string;
  @ApiProperty({ format: 'uuid' }) classTeacherId: string;
  @ApiProperty() classTeacherName: string;
  @ApiProperty({ format: 'uuid' }) tutorId: string;
  @ApiProperty() tutorName: string;
  @ApiProperty({ description: 'The version read: send it quoted as If-Match to edit' }) version: number;
}

export class LessonPlanPageDto {
  @ApiProperty({ type: [LessonPlanDto] }) items: LessonPlanDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
