import { ValidationProblem } from '../errors/problem';

/** Opaque keyset cursors: the sort key of the last item, base64url-encoded JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, shape: readonly ('string' | 'number')[]): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((part, i) => typeof part === shape[i])) return key;
  } catch {
    // fall through to the 400 below
  }
  throw new ValidationProblem([{ field: 'cursor', rule: 'cursor', message: 'cursor must be a nextCursor value returned by this list' }]);
}

/** Builds a page from `limit + 1` fetched rows: the extra row only tells that there is more. */
export function toPage<Row, Item>(rows: Row[], limit: number, toItem: (row: Row) => Item, keyOf: (row: Row) => (string | number)[]): { items: Item[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return { items: pageRows.map(toItem), nextCursor: hasMore ? encodeCursor(keyOf(pageRows[pageRows.length - 1])) : null };
}
