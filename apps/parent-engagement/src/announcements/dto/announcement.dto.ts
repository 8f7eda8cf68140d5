import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  isUUID,
  IsString,
  Length,
  Matches,
  registerDecorator,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { PageQueryDto } from '@tutti/platform';

export const AUDIENCES = ['school', 'performance', 'class', 'ensemble'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const DELIVERY_STATUSES = ['queued', 'sent', 'failed'] as const;

/**
 * The id an audience is chosen by: required (a UUID) with that audience, and refused with any other
 * (400 `onlyWithAudience` naming the field), so that an id the audience would ignore is never taken
 * in silently, let alone stored. An explicit null counts as left out.
 */
function TargetOf(audience: Audience): PropertyDecorator {
  const given = (value: unknown) => value !== undefined && value !== null;
  const chosen = (args: ValidationArguments) => (args.object as CreateAnnouncementDto).audience === audience;
  const rule =
    (
      name: string,
      validate: (value: unknown, args: ValidationArguments) => boolean,
      message: (args: ValidationArguments) => string,
    ): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: String(propertyName),
        validator: { validate, defaultMessage: message },
      });
  return applyDecorators(
    ValidateIf((dto: CreateAnnouncementDto, value: unknown) => dto.audience === audience || given(value)),
    rule(
      'isUuid',
      (value, args) => !chosen(args) || isUUID(value),
      (args) => `${args.property} must be a UUID`,
    ),
    rule(
      'onlyWithAudience',
      (_value, args) => chosen(args),
      (args) =>
        `${args.property} goes with audience ${audience} only; leave it out for audience ${String((args.object as CreateAnnouncementDto).audience)}`,
    ),
  );
}

export class CreateAnnouncementDto {
  @ApiProperty({
    enum: AUDIENCES,
    description:
      'school: the families of a school; performance: the families coming to a performance (RSVP or bus), of your schools; ' +
      'class: the families of the pupils now in a class; ensemble: the families of the pupils now in an ensemble (of a cross-school ensemble, those of your schools). ' +
      'A class or ensemble none of whose families uses Tutti yet is refused with 409 (nothing is sent or recorded).',
  })
  @IsIn(AUDIENCES)
  audience: Audience;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'With audience school (a school of your area; staff: one of yours); refused with any other audience; null is the same as leaving it out',
  })
  @TargetOf('school')
  schoolId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'With audience performance; refused with any other audience; null is the same as leaving it out',
  })
  @TargetOf('performance')
  performanceId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'With audience class: a class of one of your schools; null is the same as leaving it out',
  })
  @TargetOf('class')
  classId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'With audience ensemble: an ensemble of one of your schools, or a cross-school ensemble with pupils of your schools; null is the same as leaving it out',
  })
  @TargetOf('ensemble')
  ensembleId?: string | null;

  @ApiProperty({ example: 'Concert dress: black and white' })
  @IsString()
  @Length(1, 200)
  subject: string;

  @ApiProperty()
  @IsString()
  @Length(1, 10000)
  body: string;
}

export class DeliveryCountsDto {
  @ApiProperty() queued: number;
  @ApiProperty() sent: number;
  @ApiProperty() failed: number;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' }) guardianId: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The guardian’s name as the family is known here' }) familyName:
    string | null;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status: string;
  @ApiPropertyOptional({ nullable: true, type: String }) error: string | null;
}

export class AnnouncementDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: AUDIENCES }) audience: Audience;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The school reached; for a class or a school’s ensemble, its school; null for a performance or a cross-school ensemble',
  })
  schoolId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) performanceId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) classId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) ensembleId: string | null;
  @ApiProperty() senderName: string;
  @ApiProperty() subject: string;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'Recipients only: when you first opened it (null: not yet read)',
  })
  readAt?: string | null;
  @ApiPropertyOptional({ type: DeliveryCountsDto, description: 'Staff only (in the list too)' }) deliveryCounts?: DeliveryCountsDto;
  @ApiPropertyOptional({ type: [DeliveryDto], description: 'Staff only: one per family' }) deliveries?: DeliveryDto[];
}

export class AnnouncementPageDto {
  @ApiProperty({ type: [AnnouncementDto] }) items: AnnouncementDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class AnnouncementQueryDto extends PageQueryDto {}

/** An announcement as written, to see in the frame a family of that language gets (nothing is sent or stored). */
export class PreviewAnnouncementDto extends PickType(CreateAnnouncementDto, ['subject', 'body'] as const) {
  @ApiProperty({ example: 'ar', description: 'The family’s language (ISO 639): the frame (greeting, signature, links) comes in it' })
  @Matches(/^[a-z]{2,3}$/, { message: 'language must be an ISO 639 language code such as ro or ar' })
  language: string;

  @ApiPropertyOptional({ example: 'Mrs Khan', description: 'A family name for the greeting; without it, the greeting without a name' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  familyName?: string;
}
