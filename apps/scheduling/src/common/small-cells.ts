/** Counts of people under this (other than 0) are never published. */
export const SMALL_CELL_LIMIT = 5;

/** A published count: null when suppressed. */
export type PublishedCount = number | null;

export interface SuppressedBreakdown<K extends string> {
  total: PublishedCount;
  cells: Record<K, PublishedCount>;
}

/**
 * Small-cell suppression of one breakdown of a total (counts of people):
 * - primary: a count of 1 to 4 is suppressed; 0 is shown (it describes nobody), and so is 5 or more;
 * - a total of 1 to 4 is suppressed with every cell;
 * - secondary, when the cells partition the total (each person in exactly one cell): a reader who
 *   knows the rule knows each suppressed cell is at least 1, so the total minus the shown cells gives
 *   a suppressed cell away when it is the only one suppressed, or when the suppressed cells are all
 *   ones. Until neither holds, the smallest shown non-zero cell is suppressed as well; when none is
 *   left, the total is.
 * Cells that overlap (a person in several) cannot be recovered from the total: primary only.
 */
export function suppressBreakdown<K extends string>(
  counts: Record<K, number>,
  total: number,
  options: {
    partition: boolean;
    /** Cells suppressed whatever their count (suppressed in another breakdown they can be derived from). */ alsoHidden?: readonly string[];
  },
): SuppressedBreakdown<K> {
  const keys = Object.keys(counts) as K[];
  const hidden = new Set<K>(keys.filter((key) => isSmall(counts[key]) || (options.alsoHidden?.includes(key) && counts[key] !== 0)));
  if (isSmall(total)) return { total: null, cells: publish(keys, counts, new Set(keys.filter((key) => counts[key] !== 0))) };
  let totalShown = true;
  if (options.partition) {
    while (hidden.size > 0 && recoverable(keys, counts, hidden)) {
      const next = keys.filter((key) => !hidden.has(key) && counts[key] > 0).sort((a, b) => counts[a] - counts[b])[0];
      if (next === undefined) {
        totalShown = false;
        break;
      }
      hidden.add(next);
    }
  }
  return { total: totalShown ? total : null, cells: publish(keys, counts, hidden) };
}

/** A share in per cent to one decimal place, suppressed with its count (or its total). */
export function percentOf(count: PublishedCount, total: PublishedCount): number | null {
  if (count === null || total === null || total === 0) return null;
  return Math.round((count / total) * 1000) / 10;
}

function isSmall(count: number): boolean {
  return count > 0 && count < SMALL_CELL_LIMIT;
}

function recoverable<K extends string>(keys: K[], counts: Record<K, number>, hidden: Set<K>): boolean {
  const suppressed = keys.filter((key) => hidden.has(key));
  return suppressed.length === 1 || suppressed.every((key) => counts[key] === 1);
}

function publish<K extends string>(keys: K[], counts: Record<K, number>, hidden: Set<K>): Record<K, PublishedCount> {
  return Object.fromEntries(keys.map((key) => [key, hidden.has(key) ? null : counts[key]])) as Record<K, PublishedCount>;
}
