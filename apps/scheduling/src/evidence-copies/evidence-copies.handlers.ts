import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tutti/contracts';
import { HandlesEvent } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
import { copyFamilyEngagement, copyPerformanceGiven } from './evidence-copies.queries';

/**
 * Scheduling's copies of what the annual data return counts but other services own: performances
 * and their performers (performance-event), RSVPs, check-ins and family-session attendance
 * (parent-engagement). Every event is a snapshot of its object, applied in the area it came from;
 * a redelivery is not applied twice (the consumer remembers event ids) and an older snapshot
 * arriving late does not overwrite a newer one (by the time it occurred). The owners republish
 * them to fill a new copy (performance-event's and parent-engagement's evidence-republish).
 */
@Injectable()
export class EvidenceCopiesHandlers {
  @HandlesEvent('performance.performance.completed')
  async applyPerformanceCompleted(event: EventEnvelope<'performance.performance.completed'>, manager: EntityManager): Promise<void> {
    const { performanceId, title, startsAt, audience, performers } = event.payload;
    await copyPerformanceGiven(manager, event.tenantId, { performanceId, title, startsAt, audience, performers }, event.occurredAt);
  }

  @HandlesEvent('engagement.rsvp.changed')
  async applyRsvpChanged(event: EventEnvelope<'engagement.rsvp.changed'>, manager: EntityManager): Promise<void> {
    const rsvp = event.payload;
    await copyFamilyEngagement(
      manager,
      event.tenantId,
      {
        kind: 'rsvp',
        sourceId: rsvp.rsvpId,
        occasionId: rsvp.performanceId,
        occursAt: rsvp.performanceStartsAt,
        guardianId: rsvp.guardianId,
        schoolIds: rsvp.schoolIds,
        tookPart: rsvp.attending,
        checkedIn: rsvp.checkedIn,
        expectedPeople: rsvp.attending ? rsvp.adults + rsvp.children : 0,
        arrivedPeople:
          rsvp.checkedIn && rsvp.arrivedAdults !== null && rsvp.arrivedChildren !== null ? rsvp.arrivedAdults + rsvp.arrivedChildren : null,
      },
      event.occurredAt,
    );
  }

  @HandlesEvent('engagement.family-session.attendance-marked')
  async applyFamilySessionAttendance(
    event: EventEnvelope<'engagement.family-session.attendance-marked'>,
    manager: EntityManager,
  ): Promise<void> {
    const signUp = event.payload;
    await copyFamilyEngagement(
      manager,
      event.tenantId,
      {
        kind: 'family_session',
        sourceId: signUp.signUpId,
        occasionId: signUp.sessionId,
        occursAt: signUp.sessionStartsAt,
        guardianId: signUp.guardianId,
        schoolIds: signUp.schoolIds,
        tookPart: signUp.attended === true,
        checkedIn: signUp.attended === true,
        expectedPeople: 0,
        arrivedPeople: null,
      },
      event.occurredAt,
    );
  }
}
