import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';

export class ProvisionExportQueryDto {
  @ApiProperty({ format: 'uuid', description: 'the term to export' }) @IsUUID() termId!: string;
}

export class SchoolsExportQueryDto {
  @ApiProperty({ example: '2025-26', description: 'the academic year whose programme cohorts are counted, 1 September to 31 August' })
  @Matches(/^\d{4}-\d{2}$/, { message: 'academicYear must look like 2025-26' })
  academicYear!: string;
}
