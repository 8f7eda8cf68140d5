import { newTenantId, personas } from '@tutti/testing';
import { toString as qrToString } from 'qrcode';
import { addInstrument, useLoanTestKit } from '../testing/loan-test-kit';

describe('QR labels', () => {
  // Trailing slash and all, as people paste it.
  const kit = useLoanTestKit({ PUBLIC_URL: 'https://tutti.example.test/' });
  const tenantId = newTenantId();
  const tutor = personas.tutor(tenantId, []);

  it('prints an SVG label with the tag, and a sheet of several', async () => {
    const first = await addInstrument(kit.db, tenantId, { size: '3/4' });
    const second = await addInstrument(kit.db, tenantId, { type: 'trumpet', size: null });
    const label = await kit.call(tutor, 'GET', `/instruments/${first.id}/label.svg`);
    expect(label.statusCode).toBe(200);
    expect(label.headers['content-type']).toContain('image/svg+xml');
    expect(label.body).toContain(first.assetTag);
    expect(label.body).toContain('violin 3/4');
    expect(label.body).toMatch(/<path/);
    const sheet = await kit.call(tutor, 'GET', `/instrument-labels?ids=${first.id},${second.id}`);
    expect(sheet.headers['content-type']).toContain('text/html');
    expect(sheet.body.match(/class="label"/g)).toHaveLength(2);
    expect((await kit.call(personas.tutor(newTenantId(), []), 'GET', `/instruments/${first.id}/label.svg`)).statusCode).toBe(404);
    const bad = await kit.call(tutor, 'GET', '/instrument-labels?ids=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('ids');
  });

  it('encodes the instrument’s page at PUBLIC_URL in the QR code', async () => {
    const instrument = await addInstrument(kit.db, tenantId, { size: '1/2' });
    const label = (await kit.call(tutor, 'GET', `/instruments/${instrument.id}/label.svg`)).body;
    // The dark modules of a QR code made the label's way for a given address.
    const modules = (url: string) =>
      qrToString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }).then(
        (svg) => /<path stroke="[^"]*" d="([^"]+)"/.exec(svg)?.[1],
      );
    const expected = await modules(`https://tutti.example.test/instruments/${instrument.id}`);
    expect(expected).toBeDefined();
    expect(label).toContain(`d="${expected}"`);
    expect(label).not.toContain(`d="${await modules(`http://localhost:3000/instruments/${instrument.id}`)}"`);
  });
});
