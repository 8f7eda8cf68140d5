import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PageQueryDto } from '@tutti/platform';

export class CreateRoomDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() schoolId: string;
  @ApiProperty() @IsString() @Length(1, 100) name: string;
  @ApiProperty() @IsInt() @Min(1) @Max(2000) capacity: number;
}

export class UpdateRoomDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(2000) capacity?: number;
}

export class RoomListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() schoolId?: string;
}

export class RoomDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty() name: string;
  @ApiProperty() capacity: number;
  @ApiProperty({ description: 'The version read: send it quoted as If-Match to edit' }) version: number;
}

export class RoomPageDto {
  @ApiProperty({ type: [RoomDto] }) items: RoomDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
