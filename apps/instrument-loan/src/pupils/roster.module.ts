import { Module } from '@nestjs/common';
import { RosterProjection } from './roster-projection';

/** Scheduling's schools and pupils as this service keeps them, fed by scheduling's events. */
@Module({ providers: [RosterProjection] })
export class RosterModule {}
