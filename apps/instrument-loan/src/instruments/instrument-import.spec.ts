import { newTenantId, personas } from '@tutti/testing';
import { addSchool, useLoanTestKit } from '../testing/loan-test-kit';

describe('instrument stock: CSV import, search and edits', () => {
  const kit = useLoanTestKit();
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);

  beforeAll(async () => {
    await addSchool(kit.db, tenantId, '104567');
  });

  const csv = [
    'asset_tag,type,size,make,model,serial,purchased_on,purchase_value_pence,owner,owner_school_urn,location,condition',
    'VN-001,violin,1/2,Stentor,Student I,S123,2024-09-01,12000,programme,,Store A,good',
    'VN-002,Violin,3/4,"Stentor, Ltd","Student ""II""",S124,2024-09-01,15000,school,104567,School cupboard,excellent',
    'FL-001,flute,,Yamaha,YFL-212,F9,2023-01-15,45000,hub,,,good',
    'BAD-1,violin,,,,,,,,,,good',
    'BAD-2,kazoo,,,,,,,,,,good',
    'BAD-3,trumpet,1/2,,,,2024-13-01,12.50,school,999999,,shiny',
    'VN-001,violin,1/4,,,,,,,,,good',
    ',cello,1/2,,,,,,,,,good',
  ].join('\n');

  it('reports every bad row with row, column and reason, and changes nothing on a dry run', async () => {
    const response = await kit.call(admin, 'POST', '/instruments/imports', { csv, dryRun: true });
    expect(response.statusCode).toBe(201);
    const report = response.json();
    expect(report).toMatchObject({ dryRun: true, applied: false, summary: { create: 3, update: 0, unchanged: 0, error: 5 } });
    const errorsOf = (row: number) => report.rows.find((entry: { row: number }) => entry.row === row).errors;
    expect(errorsOf(5)).toEqual([{ column: 'size', reason: expect.stringContaining('needs a size') }]);
    expect(errorsOf(6)).toEqual([{ column: 'type', reason: 'unknown instrument type "kazoo"' }]);
    expect(errorsOf(7).map((error: { column: string }) => error.column)).toEqual([
      'size',
      'purchased_on',
      'purchase_value_pence',
      'owner_school_urn',
      'condition',
    ]);
    expect(errorsOf(8)).toEqual([{ column: 'asset_tag', reason: 'asset tag VN-001 is also on line 2' }]);
    expect(errorsOf(9)).toEqual([{ column: 'asset_tag', reason: 'is required' }]);
    expect((await kit.db.query('SELECT count(*)::int AS n FROM instruments WHERE tenant_id = $1', [tenantId]))[0].n).toBe(0);
  });

  it('imports the good rows, and a second run of the same file changes nothing', async () => {
    const first = (await kit.call(admin, 'POST', '/instruments/imports', { csv, dryRun: false })).json();
    expect(first.summary).toEqual({ create: 3, update: 0, unchanged: 0, error: 5 });
    const stored = await kit.db.query(
      `SELECT asset_tag, family, type, make, model, owner_kind, owner_school_id IS NOT NULL AS school_owned, status FROM instruments WHERE tenant_id = $1 ORDER BY asset_tag`,
      [tenantId],
    );
    expect(stored).toEqual([
      {
        asset_tag: 'FL-001',
        family: 'woodwind',
        type: 'flute',
        make: 'Yamaha',
        model: 'YFL-212',
        owner_kind: 'hub',
        school_owned: false,
        status: 'available',
      },
      {
        asset_tag: 'VN-001',
        family: 'strings',
        type: 'violin',
        make: 'Stentor',
        model: 'Student I',
        owner_kind: 'programme',
        school_owned: false,
        status: 'available',
      },
      {
        asset_tag: 'VN-002',
        family: 'strings',
        type: 'violin',
        make: 'Stentor, Ltd',
        model: 'Student "II"',
        owner_kind: 'school',
        school_owned: true,
        status: 'available',
      },
    ]);
    const second = (await kit.call(admin, 'POST', '/instruments/imports', { csv, dryRun: false })).json();
    expect(second.summary).toEqual({ create: 0, update: 0, unchanged: 3, error: 5 });
    const changed = csv.replace('Store A,good', 'Store B,fair');
    expect((await kit.call(admin, 'POST', '/instruments/imports', { csv: changed, dryRun: false })).json().summary).toMatchObject({
      update: 1,
      unchanged: 2,
    });
  });

  it.each([
    [{ csv: 'asset_tag,colour\nX,red', dryRun: true }, 'csv'],
    [{ csv: 'type\nviolin', dryRun: true }, 'csv'],
    [{ csv: 'asset_tag,type\n"VN-9,violin', dryRun: true }, 'csv'],
    [{ csv: 'asset_tag,type', dryRun: 'yes' }, 'dryRun'],
  ])('refuses a bad file %j with a 400 naming %s', async (body, field) => {
    const response = await kit.call(admin, 'POST', '/instruments/imports', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe(field);
  });

  it('is for the programme admin only', async () => {
    expect((await kit.call(personas.tutor(tenantId, []), 'POST', '/instruments/imports', { csv, dryRun: true })).statusCode).toBe(403);
  });

  it('searches and filters with cursor pagination', async () => {
    const page1 = (await kit.call(admin, 'GET', '/instruments?family=strings&limit=1')).json();
    expect(page1.items.map((item: { assetTag: string }) => item.assetTag)).toEqual(['VN-001']);
    const page2 = (await kit.call(admin, 'GET', `/instruments?family=strings&limit=1&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((item: { assetTag: string }) => item.assetTag)).toEqual(['VN-002']);
    expect(page2.nextCursor).toBeNull();
    expect((await kit.call(admin, 'GET', '/instruments?q=yfl')).json().items.map((item: { assetTag: string }) => item.assetTag)).toEqual([
      'FL-001',
    ]);
    expect((await kit.call(admin, 'GET', '/instruments?size=3/4')).json().items).toHaveLength(1);
    expect((await kit.call(admin, 'GET', '/instruments?status=on_loan')).json().items).toHaveLength(0);
    const bad = await kit.call(admin, 'GET', '/instruments?size=huge');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('size');
    expect((await kit.call(personas.programmeAdmin(newTenantId()), 'GET', '/instruments')).json().items).toEqual([]);
  });

  it('creates one instrument, refuses a duplicate tag and a flute with a size, and edits with If-Match', async () => {
    const body = { assetTag: 'CL-001', type: 'clarinet', ownerKind: 'programme', condition: 'good', purchaseValuePence: 39900 };
    const created = await kit.call(admin, 'POST', '/instruments', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ family: 'woodwind', status: 'available', size: null });
    expect((await kit.call(admin, 'POST', '/instruments', body)).statusCode).toBe(409);
    const sized = await kit.call(admin, 'POST', '/instruments', { ...body, assetTag: 'CL-002', size: '1/2' });
    expect(sized.statusCode).toBe(400);
    expect(sized.json().errors[0].field).toBe('size');
    const pence = await kit.call(admin, 'POST', '/instruments', { ...body, assetTag: 'CL-003', purchaseValuePence: 12.5 });
    expect(pence.json().errors[0].field).toBe('purchaseValuePence');

    const read = await kit.call(admin, 'GET', `/instruments/${created.json().id}`);
    const etag = read.headers.etag as string;
    const edit = await kit.call(admin, 'PATCH', `/instruments/${created.json().id}`, { location: 'Hub store' }, { 'if-match': etag });
    expect(edit.statusCode).toBe(200);
    const stale = await kit.call(admin, 'PATCH', `/instruments/${created.json().id}`, { location: 'Elsewhere' }, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ currentETag: edit.headers.etag });
    // An edit that names no version could overwrite one made meanwhile: it is refused.
    const blind = await kit.call(admin, 'PATCH', `/instruments/${created.json().id}`, { location: 'Elsewhere' });
    expect(blind.statusCode).toBe(428);
    expect((await kit.call(admin, 'GET', `/instruments/${created.json().id}`)).json().location).toBe('Hub store');
  });

  it('refuses an owner school of another area with a 404 naming ownerSchoolId, and stores nothing', async () => {
    const elsewhere = await addSchool(kit.db, newTenantId());
    const ours = await addSchool(kit.db, tenantId);
    const body = { assetTag: 'VN-OWNED-1', type: 'violin', size: '1/2', ownerKind: 'school', ownerSchoolId: elsewhere, condition: 'good' };
    const refused = await kit.call(admin, 'POST', '/instruments', body);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'ownerSchoolId' })]);
    expect(
      (
        await kit.db.query('SELECT count(*)::int AS n FROM instruments WHERE tenant_id = $1 AND asset_tag = $2', [tenantId, body.assetTag])
      )[0].n,
    ).toBe(0);

    const created = await kit.call(admin, 'POST', '/instruments', { ...body, ownerSchoolId: ours });
    expect(created.statusCode).toBe(201);
    const url = `/instruments/${created.json().id}`;
    const etag = (await kit.call(admin, 'GET', url)).headers.etag as string;
    const moved = await kit.call(admin, 'PATCH', url, { ownerSchoolId: elsewhere }, { 'if-match': etag });
    expect(moved.statusCode).toBe(404);
    expect(moved.json().errors).toEqual([expect.objectContaining({ field: 'ownerSchoolId' })]);
    const after = await kit.call(admin, 'GET', url);
    expect(after.json().ownerSchoolId).toBe(ours);
    expect(after.headers.etag).toBe(etag);
  });
});
