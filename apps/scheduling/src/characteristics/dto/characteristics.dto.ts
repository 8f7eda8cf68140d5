import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  ETHNICITY_GROUPS,
  GENDERS,
  SEND_PROVISIONS,
  YES_NO_UNKNOWN,
  type Characteristics,
  type EthnicityGroup,
  type Gender,
  type SendProvision,
  type YesNoUnknown,
} from '../characteristics.model';

const DOC = {
  pupilPremium: { enum: YES_NO_UNKNOWN, description: 'eligible for free school meals or pupil premium' },
  send: { enum: SEND_PROVISIONS, description: 'SEN provision: none, SEN support, an EHC plan' },
  eal: { enum: YES_NO_UNKNOWN, description: 'English as an additional language' },
  gender: { enum: GENDERS },
  ethnicityGroup: { enum: ETHNICITY_GROUPS, description: 'the school census’s main ethnic group' },
} as const;

/** Characteristics to record: each one given replaces what is recorded ('unknown' clears it); one left out is kept. */
export class CharacteristicsChangeDto implements Partial<Characteristics> {
  @ApiPropertyOptional(DOC.pupilPremium) @IsOptional() @IsIn(YES_NO_UNKNOWN) pupilPremium?: YesNoUnknown;
  @ApiPropertyOptional(DOC.send) @IsOptional() @IsIn(SEND_PROVISIONS) send?: SendProvision;
  @ApiPropertyOptional(DOC.eal) @IsOptional() @IsIn(YES_NO_UNKNOWN) eal?: YesNoUnknown;
  @ApiPropertyOptional(DOC.gender) @IsOptional() @IsIn(GENDERS) gender?: Gender;
  @ApiPropertyOptional(DOC.ethnicityGroup) @IsOptional() @IsIn(ETHNICITY_GROUPS) ethnicityGroup?: EthnicityGroup;
}

export class CharacteristicsDto implements Characteristics {
  @ApiProperty({ format: 'uuid' }) pupilId: string;
  @ApiProperty(DOC.pupilPremium) pupilPremium: YesNoUnknown;
  @ApiProperty(DOC.send) send: SendProvision;
  @ApiProperty(DOC.eal) eal: YesNoUnknown;
  @ApiProperty(DOC.gender) gender: Gender;
  @ApiProperty(DOC.ethnicityGroup) ethnicityGroup: EthnicityGroup;
  @ApiProperty({ description: 'The pupil record’s version: send it quoted as If-Match to edit' }) version: number;
}
