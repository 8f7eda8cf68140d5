import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** A family's answer: granted, refused (or withdrawn), or not answered yet (staff chase the family). */
export const CONSENT_STATES = ['granted', 'refused', 'not_answered'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** What staff watch for on the day: refused (keep the child out) is told apart from not answered (chase the family). */
export const PERFORMER_FLAGS = [
  'photo_film_refused',
  'photo_film_not_answered',
  'public_performance_refused',
  'public_performance_not_answered',
] as const;
export type PerformerFlag = (typeof PERFORMER_FLAGS)[number];

export class AddPerformerDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() pupilId: string;
}

export class PerformerConsentsDto {
  @ApiProperty({
    enum: CONSENT_STATES,
    description: 'refused: keep out of photos and film; not_answered: chase the family (and keep out until they answer)',
  })
  photoFilm: ConsentState;
  @ApiProperty({ enum: CONSENT_STATES, description: 'Only granted is named in the audience programme' }) performingInPublic: ConsentState;
}

export class PerformerDto {
  @ApiProperty({ format: 'uuid' }) pupilId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ type: String, nullable: true }) instrument: string | null;
  @ApiProperty({ enum: ['ensemble', 'added'] }) source: 'ensemble' | 'added';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ensembleId: string | null;
  @ApiProperty({ type: PerformerConsentsDto }) consents: PerformerConsentsDto;
  @ApiProperty({ enum: PERFORMER_FLAGS, isArray: true, description: 'What staff must watch on the day' }) flags: PerformerFlag[];
  @ApiProperty({ description: 'Completed performances this academic year' }) performedThisYear: number;
  @ApiProperty({ description: 'Published performances to come this academic year (this one included)' }) upcomingThisYear: number;
  @ApiProperty({ description: 'Soloist turns this academic year' }) featuredThisYear: number;
}

export class RosterPageDto {
  @ApiProperty({ type: [PerformerDto] }) items: PerformerDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class RosterBuildDto {
  @ApiProperty({ format: 'uuid' }) performanceId: string;
  @ApiProperty({ description: 'Performers now on the roster' }) performers: number;
  @ApiProperty({ description: 'Of whom from the ensembles taking part' }) fromEnsembles: number;
  @ApiProperty({ description: 'Of whom added one by one' }) added: number;
  @ApiProperty({ description: 'Ensemble members kept off the roster by an earlier removal' }) keptRemoved: number;
  @ApiProperty({ description: 'Performers for whom this is their first chance this academic year' }) firstChanceThisYear: number;
}

export class SuggestionDto {
  @ApiProperty({ format: 'uuid' }) pupilId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty() performedThisYear: number;
  @ApiProperty() upcomingThisYear: number;
  @ApiProperty() featuredThisYear: number;
}

export class SuggestionPageDto {
  @ApiProperty({ type: [SuggestionDto], description: 'Pupils with the fewest chances this year first' }) items: SuggestionDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
