import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed', 'completed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export class QueueCountsDto {
  @ApiProperty({ example: 'reminders.parent-engagement' }) name: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: `Jobs per state (${JOB_STATES.join(', ')}); absent when the queue could not be read`,
    example: { waiting: 0, active: 0, delayed: 3, prioritized: 0, 'waiting-children': 0, failed: 1, completed: 12 },
  })
  counts?: Record<JobState, number>;
  @ApiPropertyOptional({ description: 'Why the counts are missing (Redis unreachable…)' }) error?: string;
}

export class FailedReminderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'transport.pickup-24h' }) kind: string;
  @ApiProperty({ format: 'date-time' }) due: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
}

export class FailedReminderPageDto {
  @ApiProperty({ type: [FailedReminderDto] }) items: FailedReminderDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class QueueDashboardDto {
  @ApiProperty({ type: [QueueCountsDto], description: "This service's queues (all tenants: jobs carry no tenant in BullMQ's counts)" })
  queues: QueueCountsDto[];
  @ApiProperty({ type: FailedReminderPageDto, description: "Your tenant's reminders that failed for good, earliest due first" })
  failedReminders: FailedReminderPageDto;
}

export class RetriedReminderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['scheduled'] }) status: 'scheduled';
  @ApiProperty({ format: 'date-time' }) due: string;
}
