/** Postgres truncates identifiers (and refuses channel names) beyond 63 bytes. */
const MAX_CHANNEL_NAME_LENGTH = 63;

/** The LISTEN/NOTIFY channel on which a publish wakes the relay of the schema's service at once. */
export function outboxChannelOf(schema: string): string {
  return `tutti_outbox_${schema}`.slice(0, MAX_CHANNEL_NAME_LENGTH);
}
