import { Logger } from '@nestjs/common';
import type { ReminderDeliverer } from '@tutti/messaging';

/**
 * Staff have no notification channel in this service yet: the reminder is logged, and the
 * instruments due show in `GET /instruments?inspectionDueBy=`.
 */
export function inspectionReminderDeliverer(): ReminderDeliverer {
  const logger = new Logger('InspectionReminder');
  return {
    async deliver(reminder) {
      logger.log(`Inspection due for instrument ${String(reminder.payload.assetTag)} on ${String(reminder.payload.nextInspectionOn)} (tell ${reminder.recipientId})`);
    },
  };
}
