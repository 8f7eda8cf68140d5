import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tutti/contracts';
import { HandlesEvent } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
import { DataRequestsService, type DataRequestAnsweredEvent } from './data-requests.service';

/** The four services' answers to a data request, each recorded once (DataRequestsService.collect). */
@Injectable()
export class DataRequestAnswers {
  constructor(@Inject(DataRequestsService) private readonly requests: DataRequestsService) {}

  @HandlesEvent(
    'scheduling.data-request.answered',
    'loan.data-request.answered',
    'performance.data-request.answered',
    'engagement.data-request.answered',
  )
  async applyAnswer(event: EventEnvelope<DataRequestAnsweredEvent>, manager: EntityManager): Promise<void> {
    await this.requests.collect(event, manager);
  }
}
