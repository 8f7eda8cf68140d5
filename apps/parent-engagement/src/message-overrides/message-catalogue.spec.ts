import { csvDocument, parseCsv } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { FAMILY_MESSAGE_KEYS } from '../i18n/family-messages';
import { useEngagementTestKit } from '../testing/engagement-test-kit';

/** The rows of a downloaded catalogue CSV, header first. */
function csvRows(body: string): string[][] {
  const parsed = parseCsv(body);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.records.map((record) => record.fields);
}

describe('the whole family message catalogue of a language, for a translator', () => {
  const kit = useEngagementTestKit();
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);
  const otherAdmin = personas.programmeAdmin(newTenantId());

  const put = (who: typeof admin, language: string, key: string, message: string) =>
    kit.call(who, 'PUT', `/message-overrides/${language}/${key}`, { message }, { 'if-match': '"0"' });
  const upload = (language: string, csv: string, headers: Record<string, string> = {}) =>
    kit.call(admin, 'POST', `/message-overrides/${language}/import`, { csv }, headers);

  it('lists every shipped key with English, placeholders and what families get now; an override shows with its version, another area’s never', async () => {
    expect((await put(admin, 'ro', 'greeting', 'Dragă familie {familyName},')).statusCode).toBe(200);
    expect((await put(otherAdmin, 'ro', 'signature', 'Altă zonă, {senderName}')).statusCode).toBe(200);

    const response = await kit.call(admin, 'GET', '/message-overrides/ro/catalogue');
    expect(response.statusCode).toBe(200);
    const catalogue = response.json();
    expect(catalogue.messages).toBe(FAMILY_MESSAGE_KEYS.length);
    expect(catalogue.items.map((item: { key: string }) => item.key)).toEqual(FAMILY_MESSAGE_KEYS);
    const byKey = new Map(catalogue.items.map((item: { key: string }) => [item.key, item]));
    expect(byKey.get('greeting')).toMatchObject({
      source: 'override',
      message: 'Dragă familie {familyName},',
      version: 1,
      placeholders: ['familyName'],
    });
    expect(byKey.get('transport.booking-confirmed.subject')).toMatchObject({
      source: 'catalogue',
      message: 'Transport rezervat: {performanceTitle}',
      version: 0,
    });
    // The other area's Romanian signature is not this area's.
    expect(byKey.get('signature')).toMatchObject({ source: 'catalogue', version: 0 });
    expect(JSON.stringify(catalogue)).not.toContain('Altă zonă');

    // A language nothing ships: every message comes in English.
    const somali = (await kit.call(admin, 'GET', '/message-overrides/so/catalogue')).json();
    expect(somali.items).toHaveLength(FAMILY_MESSAGE_KEYS.length);
    expect(
      somali.items.every(
        (item: { source: string; message: string; english: string }) => item.source === 'english' && item.message === item.english,
      ),
    ).toBe(true);

    const bad = await kit.call(admin, 'GET', '/message-overrides/Romanian/catalogue');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('language');
  });

  it('downloads the same as CSV (UTF-8 with a BOM, formula-like cells neutralised): key, english, placeholders, wording, source', async () => {
    const tenant = newTenantId();
    const own = personas.programmeAdmin(tenant);
    expect((await put(own, 'pl', 'greeting', '=Drodzy {familyName},')).statusCode).toBe(200);
    const response = await kit.call(own, 'GET', '/message-overrides/pl/catalogue.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="family-messages-pl.csv"');
    expect(response.body.startsWith('\uFEFFkey,english,placeholders,wording,source\r\n')).toBe(true);
    const [header, ...rows] = csvRows(response.body);
    expect(header).toEqual(['key', 'english', 'placeholders', 'wording', 'source']);
    expect(rows.map((row) => row[0])).toEqual(FAMILY_MESSAGE_KEYS);
    expect(rows.find((row) => row[0] === 'greeting')).toEqual([
      'greeting',
      expect.any(String),
      'familyName',
      "'=Drodzy {familyName},",
      'override',
    ]);
    expect((await kit.call(own, 'GET', '/message-overrides/P1/catalogue.csv')).statusCode).toBe(400);
    // Uploaded back as it came, the neutralised cell is read as written: nothing changes.
    const back = await kit.call(own, 'POST', '/message-overrides/pl/import', { csv: response.body });
    expect(back.json()).toEqual({ language: 'pl', created: 0, changed: 0, unchanged: FAMILY_MESSAGE_KEYS.length });
  });

  it('takes the CSV back: changed rows become the area’s wording (created or changed), the rest unchanged, audited, once per Idempotency-Key', async () => {
    const tenant = newTenantId();
    const own = personas.programmeAdmin(tenant);
    const call = (language: string, csv: string, headers: Record<string, string> = {}) =>
      kit.call(own, 'POST', `/message-overrides/${language}/import`, { csv }, headers);
    expect((await put(own, 'ro', 'signature', 'Cu drag, {senderName}')).statusCode).toBe(200);
    const download = (await kit.call(own, 'GET', '/message-overrides/ro/catalogue.csv')).body;
    const [header, ...rows] = csvRows(download);
    const edited = rows.map((row) =>
      row[0] === 'greeting'
        ? [row[0], row[1], row[2], 'Stimată familie {familyName},', row[4]]
        : row[0] === 'signature'
          ? [row[0], row[1], row[2], 'Toate cele bune, {senderName}', row[4]]
          : row,
    );
    const csv = csvDocument(header, edited, { bom: true });

    const imported = await call('ro', csv, { 'idempotency-key': 'ro-import-1' });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({ language: 'ro', created: 1, changed: 1, unchanged: FAMILY_MESSAGE_KEYS.length - 2 });
    const catalogue = new Map(
      (await kit.call(own, 'GET', '/message-overrides/ro/catalogue')).json().items.map((item: { key: string }) => [item.key, item]),
    );
    expect(catalogue.get('greeting')).toMatchObject({ source: 'override', message: 'Stimată familie {familyName},', version: 1 });
    expect(catalogue.get('signature')).toMatchObject({ source: 'override', message: 'Toate cele bune, {senderName}', version: 2 });
    expect([...catalogue.values()].filter((item) => (item as { source: string }).source === 'override')).toHaveLength(2);

    // The same key again answers the first answer, changing nothing; a second plain upload finds everything unchanged.
    const replay = await call('ro', csv, { 'idempotency-key': 'ro-import-1' });
    expect(replay.json()).toEqual(imported.json());
    expect((await call('ro', csv)).json()).toEqual({ language: 'ro', created: 0, changed: 0, unchanged: FAMILY_MESSAGE_KEYS.length });

    const audit: { payload: { action: string; detail: { key: string } } }[] = await kit.db.query(
      `SELECT payload FROM outbox_events WHERE tenant_id = $1 AND type = 'audit.entry.recorded'
         AND payload->>'subjectType' = 'message_override' AND payload->'detail'->>'import' = 'true' ORDER BY occurred_at, id`,
      [tenant],
    );
    expect(audit.map((entry) => [entry.payload.action, entry.payload.detail.key]).sort()).toEqual([
      ['create', 'greeting'],
      ['update', 'signature'],
    ]);
  });

  it('refuses the whole file for an unknown key, a key twice or wrong placeholders, naming each row, and writes nothing', async () => {
    const csv = csvDocument(
      ['key', 'english', 'placeholders', 'wording', 'source'],
      [
        ['greeting', '', '', 'Salut {familyName},', ''],
        ['no.such.message', '', '', 'Salut', ''],
        ['signature', '', '', 'Cu drag, {name}', ''],
        ['greeting', '', '', 'Bună {familyName},', ''],
        ['greetingWithoutName', '', '', 'Dragă {familyName', ''],
      ],
    );
    const refused = await upload('ro', csv);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((error: { field: string; rule: string }) => [error.field, error.rule])).toEqual([
      ['rows[3].key', 'isFamilyMessage'],
      ['rows[4].wording', 'placeholders'],
      ['rows[5].key', 'unique'],
      ['rows[6].wording', 'icu-syntax'],
    ]);
    expect(refused.json().errors[1].message).toContain('missing placeholders senderName');
    const greeting = (await kit.call(admin, 'GET', '/message-overrides/ro/greeting')).json();
    expect(greeting.message).not.toBe('Salut {familyName},');

    const noHeader = await upload('ro', 'greeting,Salut {familyName}\r\n');
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().errors[0]).toMatchObject({ field: 'csv', rule: 'header' });
    const open = await upload('ro', 'key,wording\r\ngreeting,"Salut {familyName}\r\n');
    expect(open.json().errors[0]).toMatchObject({ field: 'csv', rule: 'csv' });
    expect((await upload('Romanian', csv)).json().errors[0].field).toBe('language');
  });
});
