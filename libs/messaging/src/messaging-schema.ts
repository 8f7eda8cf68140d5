import { ProcessedEventEntity } from './consumer/processed-event.entity';
import { CreateMessagingTables1764060000000 } from './migrations/1764060000000-create-messaging-tables';
import { RemindersDueIndexById1764065000000 } from './migrations/1764065000000-reminders-due-index-by-id';
import { TraceContext1796470351020 } from './migrations/1796470351020-trace-context';
import { OutboxEventEntity } from './outbox/outbox-event.entity';
import { ReminderEntity } from './reminders/reminder.entity';

/** Add to every service's DataSource `entities`. */
export const MESSAGING_ENTITIES = [OutboxEventEntity, ProcessedEventEntity, ReminderEntity];

/** Add to every service's DataSource `migrations`, before its own. */
export const MESSAGING_MIGRATIONS = [CreateMessagingTables1764060000000, RemindersDueIndexById1764065000000, TraceContext1796470351020];
