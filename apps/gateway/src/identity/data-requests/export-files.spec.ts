import { pdfText } from '@tutti/testing';
import type { DataRequestPartRow, DataRequestRow } from './data-requests.queries';
import { exportSummaryPdf } from './export-files';

const reversed = (text: string): string => [...text].reverse().join('');

const request: DataRequestRow = {
  id: '0190a000-0000-7000-8000-000000000001',
  tenantId: '0190a000-0000-7000-8000-000000000002',
  kind: 'export',
  subjectType: 'guardian',
  subjectId: '0190a000-0000-7000-8000-000000000003',
  state: 'done',
  requestedBy: null,
  pseudonym: null,
  retention: null,
  asOf: null,
  dryRun: null,
  report: null,
  createdAt: new Date('2026-12-01T10:00:00Z'),
  finishedAt: new Date('2026-12-01T10:05:00Z'),
} as DataRequestRow;

describe('the subject access summary PDF of an Arabic-speaking guardian', () => {
  it('prints the name in its title and the records’ Arabic in reading order, with no missing glyph', async () => {
    const parts: DataRequestPartRow[] = [
      {
        service: 'gateway',
        records: { account: [{ firstName: 'يوسف', lastName: 'حبيب', email: 'yusuf@example.org' }] },
        actions: [],
        receivedAt: new Date('2026-12-01T10:01:00Z'),
      },
      {
        service: 'parent-engagement',
        records: { contacts: [{ displayName: 'عائلة حبيب', language: 'ar' }] },
        actions: [],
        receivedAt: new Date('2026-12-01T10:02:00Z'),
      },
    ];
    const text = pdfText(await exportSummaryPdf(request, parts, { compress: false }));
    expect(text.filter((shown) => shown.includes('\uFFFD') || shown.includes(String.fromCharCode(0)))).toEqual([]);
    // "Subject access export: يوسف حبيب": English first on the left, the name's words from the right.
    expect(text.slice(0, 2)).toEqual(['Subject access export: ', reversed('يوسف حبيب')]);
    // A record line mixing Latin keys and an Arabic value keeps the line's order left to right.
    const line = text.join('|');
    expect(line).toContain(`displayName: |${reversed('عائلة حبيب')}| · language: ar`);
  });
});
