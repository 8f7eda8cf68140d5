import { Injectable, Logger } from '@nestjs/common';
import { DeliversReminder, type ReminderRow } from '@tutti/messaging';
import { INSPECTION_REMINDER_KIND } from './repairs.service';

/**
 * Staff have no notification channel in this service yet: the reminder is logged, and the
 * instruments due show in `GET /instruments?inspectionDueBy=`.
 */
@Injectable()
export class InspectionReminder {
  private readonly logger = new Logger('InspectionReminder');

  @DeliversReminder(INSPECTION_REMINDER_KIND)
  async deliver(reminder: ReminderRow): Promise<void> {
    this.logger.log(
      `Inspection due for instrument ${String(reminder.payload.assetTag)} on ${String(reminder.payload.nextInspectionOn)} (tell ${reminder.recipientId})`,
    );
  }
}
