/**
 * SQL condition: an event at (`eventAt`, `eventId`) is newer than the one that last set a row's
 * `<marker>_at` / `<marker>_id` columns, or none has (NULL). Consumers apply events concurrently and
 * retry them, so a copy kept from events takes only newer ones; event ids are UUIDv7, so they order
 * one transaction's events (same occurred-at) too. Arguments are SQL expressions.
 */
export function eventIsNewerSql(marker: string, eventAt: string, eventId: string): string {
  return `(${marker}_at IS NULL OR (${marker}_at, ${marker}_id) < (${eventAt}, ${eventId}))`;
}
