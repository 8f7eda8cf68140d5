import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { PageQueryDto } from '@tutti/platform';
import { STAFF_KINDS, type StaffKind } from '../staff.model';

export class CreateStaffDto {
  @ApiProperty({ enum: STAFF_KINDS }) @IsIn(STAFF_KINDS) kind: StaffKind;
  @ApiProperty() @IsString() @Length(1, 200) displayName: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional({ description: 'partner orchestra employing a teaching artist' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  employer?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  instruments?: string[];
  @ApiPropertyOptional({ format: 'uuid', description: 'the gateway account of this person' }) @IsOptional() @IsUUID() userId?: string;
  @ApiProperty({ type: [String], format: 'uuid' }) @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) schoolIds: string[];
}

export class UpdateStaffDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) displayName?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) employer?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  instruments?: string[];
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() userId?: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  schoolIds?: string[];
}

export class StaffListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() schoolId?: string;
  @ApiPropertyOptional({ enum: STAFF_KINDS }) @IsOptional() @IsIn(STAFF_KINDS) kind?: StaffKind;
  @ApiPropertyOptional({
    maxLength: 100,
    example: 'anna now',
    description: 'name search: every word (case and accents aside) is part of the display name; trimmed, blank for none',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(100, { message: 'q must be at most 100 characters' })
  q?: string;
}

export class StaffDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: STAFF_KINDS }) kind: StaffKind;
  @ApiProperty() displayName: string;
  @ApiPropertyOptional({ nullable: true, type: String }) email: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) employer: string | null;
  @ApiProperty({ type: [String] }) instruments: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) userId: string | null;
  @ApiProperty({ type: [String] }) schoolIds: string[];
  @ApiProperty({ description: 'The version read: send it quoted as If-Match to edit' }) version: number;
}

export class StaffPageDto {
  @ApiProperty({ type: [StaffDto] }) items: StaffDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
