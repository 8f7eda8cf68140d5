import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { newTenantId, personas } from '@tutti/testing';
import type { DataSource } from 'typeorm';
import { addInstrument, caller, startInstrumentLoan } from '../testing/loan-test-bed';

describe('QR labels', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let call: ReturnType<typeof caller>;
  const tenantId = newTenantId();
  const tutor = personas.tutor(tenantId, []);

  beforeAll(async () => {
    ({ app, db } = await startInstrumentLoan());
    call = caller(app);
  });

  afterAll(() => app?.close());

  it('prints an SVG label with the tag, and a sheet of several', async () => {
    const first = await addInstrument(db, tenantId, { size: '3/4' });
    const second = await addInstrument(db, tenantId, { type: 'trumpet', size: null });
    const label = await call('GET', `/instruments/${first.id}/label.svg`, tutor);
    expect(label.statusCode).toBe(200);
    expect(label.headers['content-type']).toContain('image/svg+xml');
    expect(label.body).toContain(first.assetTag);
    expect(label.body).toContain('violin 3/4');
    expect(label.body).toMatch(/<path/);
    const sheet = await call('GET', `/instrument-labels?ids=${first.id},${second.id}`, tutor);
    expect(sheet.headers['content-type']).toContain('text/html');
    expect(sheet.body.match(/class="label"/g)).toHaveLength(2);
    expect((await call('GET', `/instruments/${first.id}/label.svg`, personas.tutor(newTenantId(), []))).statusCode).toBe(404);
    const bad = await call('GET', '/instrument-labels?ids=nope', tutor);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('ids');
  });
});
