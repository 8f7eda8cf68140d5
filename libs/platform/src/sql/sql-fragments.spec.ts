import { isoDay, isoInstant, wordsPattern } from './sql-fragments';

describe('SQL fragments', () => {
  it('formats instants in UTC with milliseconds and days as YYYY-MM-DD', () => {
    expect(isoInstant('l.starts_at')).toBe(`to_char(l.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
    expect(isoDay('due_on')).toBe(`to_char(due_on, 'YYYY-MM-DD')`);
  });

  it('matches whole words with any white space between them, regex characters escaped', () => {
    expect(wordsPattern('  Amira   Quarrington ')).toBe('\\mAmira\\s+Quarrington\\M');
    expect(wordsPattern('O.Neil (Jr)')).toBe('\\mO\\.Neil\\s+\\(Jr\\)\\M');
    expect(wordsPattern('a+b|c')).toBe('\\ma\\+b\\|c\\M');
  });
});
