/** Prints a Markdown table; columns listed in `leftAligned` are padded on the right, the rest (figures) on the left. */
export function printTable(header: string[], rows: string[][], leftAligned: number[] = [0]): void {
  const table = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...table.map((row) => row[column].length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => (leftAligned.includes(column) ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  rows.forEach((row) => console.log(line(row)));
}

/** Two decimals. */
export const round2 = (value: number): number => Math.round(value * 100) / 100;

/** "0.72 (goal ≥ 0.6: met)" */
export function verdict(value: number, goal: number, comparison: '≥' | '<' | '≤' = '≥'): string {
  const met = comparison === '≥' ? value >= goal : comparison === '<' ? value < goal : value <= goal;
  return `${value} (goal ${comparison} ${goal}: ${met ? 'met' : 'NOT met'})`;
}
