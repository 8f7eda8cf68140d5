import { attachmentDisposition, csvDocument } from './write-csv';

describe('CSV documents', () => {
  it('writes a header and rows with CRLF, quoting what needs it and defusing formulas', () => {
    expect(
      csvDocument(
        ['a', 'b', 'c'],
        [
          [1, 'plain', null],
          ['with, comma', 'say "hi"', '=SUM(A1)'],
          [-1, '-2', true],
        ],
      ),
    ).toBe('a,b,c\r\n1,plain,\r\n"with, comma","say ""hi""",\'=SUM(A1)\r\n-1,\'-2,true\r\n');
  });

  it('starts with a UTF-8 byte order mark when asked', () => {
    expect(csvDocument(['café'], [['Zoë']], { bom: true })).toBe('\uFEFFcafé\r\nZoë\r\n');
  });

  it('names the download safely', () => {
    expect(attachmentDisposition('provision 2026-01-05 "x".csv')).toBe('attachment; filename="provision_2026-01-05__x_.csv"');
  });
});
