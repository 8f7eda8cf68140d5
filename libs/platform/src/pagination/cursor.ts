import { ValidationProblem } from '../errors/problem';
import { isOffsetDateTime } from '../validation/dates';

/**
 * What each part of a cursor's key is, so that a forged or corrupted cursor is a 400 naming `cursor`
 * rather than a database error: `text` any string, `uuid` an id, `instant` a timestamp as
 * toISOString() writes it, `date` YYYY-MM-DD, `serial` a bigint as decimal text, `integer` a number
 * in PostgreSQL's int range.
 */
export type CursorPart = 'text' | 'uuid' | 'instant' | 'date' | 'serial' | 'integer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT_MAX = 2_147_483_647;
const NOT_A_CURSOR = 'cursor must be a nextCursor value returned by this list';

const PART_CHECKS: Record<CursorPart, (part: unknown) => boolean> = {
  text: (part) => typeof part === 'string' && part.length <= 1000 && !part.includes('\u0000'),
  uuid: (part) => typeof part === 'string' && UUID.test(part),
  instant: (part) => isOffsetDateTime(part),
  date: (part) => typeof part === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(part) && isOffsetDateTime(`${part}T00:00:00Z`),
  serial: (part) => typeof part === 'string' && /^\d{1,18}$/.test(part),
  integer: (part) => typeof part === 'number' && Number.isInteger(part) && Math.abs(part) <= INT_MAX,
};

/** Opaque keyset cursors: the sort key of the last item, base64url-encoded JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, shape: readonly CursorPart[]): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((part, i) => PART_CHECKS[shape[i]](part)))
      return key as (string | number)[];
  } catch {
    // fall through to the 400 below
  }
  throw new ValidationProblem([{ field: 'cursor', rule: 'cursor', message: NOT_A_CURSOR }]);
}

/** Builds a page from `limit + 1` fetched rows: the extra row only tells that there is more. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  keyOf: (row: Row) => (string | number)[],
): { items: Item[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return { items: pageRows.map(toItem), nextCursor: hasMore ? encodeCursor(keyOf(pageRows[pageRows.length - 1])) : null };
}
