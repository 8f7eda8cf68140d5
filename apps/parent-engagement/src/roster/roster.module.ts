import { Module } from '@nestjs/common';
import { RosterService } from './roster.service';

/** The replica of scheduling's classes and ensembles (ids only), for announcements to a class or an ensemble. */
@Module({ providers: [RosterService], exports: [RosterService] })
export class RosterModule {}
