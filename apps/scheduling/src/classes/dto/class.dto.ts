import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '@tutti/platform';
import { IsYearGroup, YEAR_GROUP_DOC } from '../../common/validation';

export class CreateClassDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() schoolId: string;
  @ApiProperty() @IsString() @Length(1, 100) name: string;
  @ApiProperty(YEAR_GROUP_DOC) @IsYearGroup() yearGroup: number;
}

export class UpdateClassDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) name?: string;
  @ApiPropertyOptional(YEAR_GROUP_DOC) @IsOptional() @IsYearGroup() yearGroup?: number;
}

export class ClassListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() schoolId?: string;
}

export class ClassDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty() name: string;
  @ApiProperty() yearGroup: number;
  @ApiProperty({ description: 'The version read: send it quoted as If-Match to edit' }) version: number;
}

export class ClassPageDto {
  @ApiProperty({ type: [ClassDto] }) items: ClassDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
