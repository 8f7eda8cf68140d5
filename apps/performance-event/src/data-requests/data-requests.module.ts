import { Module } from '@nestjs/common';
import { DataRequestsService } from './data-requests.service';

/** This service's answer to subject access, erasure and retention requests (issue 19). */
@Module({ providers: [DataRequestsService] })
export class DataRequestsModule {}
