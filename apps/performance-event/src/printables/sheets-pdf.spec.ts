import { pdfText } from '@tutti/testing';
import type { ProgrammeSheet } from './printable-sheets';
import { programmePdf } from './sheets-pdf';

const reversed = (text: string): string => [...text].reverse().join('');

const sheet = (names: string[], professionalMusicians: string[] = []): ProgrammeSheet => ({
  title: 'Side by Side',
  when: 'Friday, 25 December 2026 at 18:00',
  where: 'St Mary’s Hall',
  items: [{ piece: 'Ode to Joy', credit: '', ensemble: 'Junior Strings', soloists: '' }],
  professionalMusicians,
  performersBySchool: [{ school: 'مدرسة النور', names }],
  unnamedCount: 0,
});

describe('the audience programme PDF with Arabic and Urdu names', () => {
  it('prints each Arabic-script name and school in reading order (drawn from the right), beside Latin names as before', async () => {
    const pdf = await programmePdf(sheet(['Amara Okafor', 'يوسف حبيب', 'ٹیپو ڈار'], ['Łucja Wróbel', 'مريم']), { compress: false });
    const text = pdfText(pdf);
    expect(text.filter((shown) => shown.includes('\uFFFD'))).toEqual([]);
    for (const name of ['يوسف حبيب', 'ٹیپو ڈار', 'مدرسة النور', 'مريم']) expect(text.join('\n')).toContain(reversed(name));
    expect(text).toEqual(expect.arrayContaining(['Amara Okafor', 'Side by Side', 'Programme', 'Performers']));
    expect(text.join('\n')).toContain('Łucja Wróbel');
  });

  it('keeps pdfkit’s list for Latin names', async () => {
    const text = pdfText(await programmePdf(sheet(['Amara Okafor'], ['Łucja Wróbel']), { compress: false }));
    expect(text).toContain('Łucja Wróbel');
    expect(text.join('\n')).not.toContain('•');
  });
});
