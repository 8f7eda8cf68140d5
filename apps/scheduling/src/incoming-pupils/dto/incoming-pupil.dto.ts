import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@tutti/platform';

export class IncomingPupilsQueryDto extends PageQueryDto {}

export class IncomingPupilEnsembleDto {
  @ApiProperty({ format: 'uuid' }) ensembleId: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) instrument: string | null;
}

/** A pupil on their way to (or at) a partner secondary school: name, when they left primary, what they play. Nothing of characteristics. */
export class IncomingPupilDto {
  @ApiProperty({ format: 'uuid' }) pupilId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ description: 'the calendar year the pupil left primary school', example: 2026 }) yearLeft: number;
  @ApiProperty({ type: [IncomingPupilEnsembleDto], description: 'the ensembles the pupil is a member of now, with their instrument' })
  ensembles: IncomingPupilEnsembleDto[];
}

export class IncomingPupilPageDto {
  @ApiProperty({ type: [IncomingPupilDto] }) items: IncomingPupilDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
