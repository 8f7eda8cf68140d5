import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ProvisionExportQueryDto {
  @ApiProperty({ format: 'uuid', description: 'the term to export' }) @IsUUID() termId!: string;
}
