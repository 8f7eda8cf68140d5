import { Module } from '@nestjs/common';
import { TransportModule } from '../transport/transport.module';
import { DataRequestsService } from './data-requests.service';

/** Parent-engagement's part of subject access, erasure and retention (issue 19): an event handler, no routes. */
@Module({ imports: [TransportModule], providers: [DataRequestsService] })
export class DataRequestsModule {}
