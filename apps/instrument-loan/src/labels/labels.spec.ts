import { newTenantId, personas } from '@tutti/testing';
import { toString as qrToString } from 'qrcode';
import { addInstrument, useLoanTestBed } from '../testing/loan-test-bed';

describe('QR labels', () => {
  // Trailing slash and all, as people paste it.
  const bed = useLoanTestBed({ PUBLIC_URL: 'https://tutti.example.test/' });
  const tenantId = newTenantId();
  const tutor = personas.tutor(tenantId, []);

  it('prints an SVG label with the tag, and a sheet of several', async () => {
    const first = await addInstrument(bed.db, tenantId, { size: '3/4' });
    const second = await addInstrument(bed.db, tenantId, { type: 'trumpet', size: null });
    const label = await bed.call('GET', `/instruments/${first.id}/label.svg`, tutor);
    expect(label.statusCode).toBe(200);
    expect(label.headers['content-type']).toContain('image/svg+xml');
    expect(label.body).toContain(first.assetTag);
    expect(label.body).toContain('violin 3/4');
    expect(label.body).toMatch(/<path/);
    const sheet = await bed.call('GET', `/instrument-labels?ids=${first.id},${second.id}`, tutor);
    expect(sheet.headers['content-type']).toContain('text/html');
    expect(sheet.body.match(/class="label"/g)).toHaveLength(2);
    expect((await bed.call('GET', `/instruments/${first.id}/label.svg`, personas.tutor(newTenantId(), []))).statusCode).toBe(404);
    const bad = await bed.call('GET', '/instrument-labels?ids=nope', tutor);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('ids');
  });

  it('encodes the instrument’s page at PUBLIC_URL in the QR code', async () => {
    const instrument = await addInstrument(bed.db, tenantId, { size: '1/2' });
    const label = (await bed.call('GET', `/instruments/${instrument.id}/label.svg`, tutor)).body;
    // The dark modules of a QR code made the label's way for a given address.
    const modules = (url: string) => qrToString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }).then((svg) => /<path stroke="[^"]*" d="([^"]+)"/.exec(svg)?.[1]);
    const expected = await modules(`https://tutti.example.test/instruments/${instrument.id}`);
    expect(expected).toBeDefined();
    expect(label).toContain(`d="${expected}"`);
    expect(label).not.toContain(`d="${await modules(`http://localhost:3000/instruments/${instrument.id}`)}"`);
  });
});
