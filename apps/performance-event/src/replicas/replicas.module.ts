import { Module } from '@nestjs/common';
import { ReplicaHandlers } from './replica-handlers';

/** The replicas of other services' data this service keeps, fed by their events. */
@Module({ providers: [ReplicaHandlers] })
export class ReplicasModule {}
