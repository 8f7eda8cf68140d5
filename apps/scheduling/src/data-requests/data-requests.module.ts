import { Module } from '@nestjs/common';
import { DataRequestsService } from './data-requests.service';

/** Scheduling's part of subject access, erasure and retention (issue 19): an event handler, no routes. */
@Module({ providers: [DataRequestsService] })
export class DataRequestsModule {}
