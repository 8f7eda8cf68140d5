import { parseCsv } from './parse-csv';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF or LF and a leading BOM, with the line each record starts on', () => {
    expect(parseCsv('\ufeffa,"b,c","d ""e"""\r\n1,"two\nlines",3\n\n4,5,6')).toEqual({
      records: [
        { line: 1, fields: ['a', 'b,c', 'd "e"'] },
        { line: 2, fields: ['1', 'two\nlines', '3'] },
        { line: 5, fields: ['4', '5', '6'] },
      ],
    });
  });

  it('says which line opened a quote that is never closed', () => {
    expect(parseCsv('a,b\n1,"never closed\n2,3')).toEqual({ error: 'a quoted field opened on line 2 is never closed' });
  });
});
