import { newId } from '@tutti/platform';
import { expecting } from '../testing/api';
import { adminOf, headteacherOf, newTenantId, tutorOf } from '../testing/identities';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';

interface Summary {
  id: string | null;
  status: string;
  totalRows: number;
  processedRows: number;
  created: number;
  updated: number;
  unchanged: number;
  classesCreated: number;
  newClasses: { className: string; rows: number[] }[];
  skipped: number;
  problems: { row: number; column: string; reason: string }[];
}

const HEADER = 'UPN,Legal Surname,Legal Forename,Year,Reg Group,Pupil Premium,SEN Status,EAL';
const GOOD = ['A100,Khan,Amira,Y3,Oak,Y,N,N', 'A101,"O\'Neil, Jr",Liam,3,Oak,N,K,Y', 'A102,Nowak,Zofia,R,Acorns,N,N,Y'];
const BAD = ['A103,Smith,,4,Ash,N,N,N', 'A104,Jones,Ben,Y14,Ash,maybe,N,N', 'A105,Brown,Nia,N,Ash,N,N,N', 'A100,Duplicate,Dan,3,Oak,N,N,N'];

describe('pupil import from a school MIS export', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;
  const tenantId = newTenantId();
  const admin = adminOf(tenantId);
  let school: string;
  const pupilCount = async () =>
    (await kit.db.query('SELECT count(*)::int AS n FROM pupils WHERE tenant_id = $1', [tenantId]))[0].n as number;

  beforeAll(async () => {
    call = expecting(kit);
    school = (await call(admin, 'POST', '/schools', { name: 'Import Primary', phase: 'primary' }, 201)).id;
  });

  it('reports every bad row’s problems in a dry run, and changes nothing', async () => {
    const report = await call<Summary>(
      admin,
      'POST',
      '/imports/pupils',
      { schoolId: school, csv: [HEADER, ...GOOD, ...BAD].join('\r\n'), dryRun: true, createClasses: ['Oak', 'Acorns'] },
      201,
    );
    expect(report).toMatchObject({
      id: null,
      status: 'checked',
      totalRows: 7,
      created: 3,
      updated: 0,
      unchanged: 0,
      classesCreated: 2,
      skipped: 4,
    });
    expect(report.newClasses).toEqual([
      { className: 'Oak', rows: [2, 3] },
      { className: 'Acorns', rows: [4] },
    ]);
    expect(report.problems).toEqual([
      { row: 5, column: 'Legal Forename', reason: 'is empty' },
      { row: 6, column: 'Year', reason: '"Y14" is not a year group (R, 1–13)' },
      { row: 6, column: 'Pupil Premium', reason: '"maybe" is not a yes/no value' },
      { row: 7, column: 'Year', reason: '"N" is not a year group (R, 1–13)' },
      { row: 8, column: 'UPN', reason: 'repeats row 2' },
    ]);
    expect(await pupilCount()).toBe(0);
  });

  it('imports the good rows; the same file again changes nothing; a changed row updates', async () => {
    const csv = [HEADER, ...GOOD, ...BAD].join('\n');
    const first = await call<Summary>(admin, 'POST', '/imports/pupils', { schoolId: school, csv, createClasses: ['Oak', 'Acorns'] }, 201);
    expect(first).toMatchObject({ status: 'completed', totalRows: 7, processedRows: 7, created: 3, classesCreated: 2, skipped: 4 });
    expect(first.newClasses).toEqual([
      { className: 'Oak', rows: [2, 3] },
      { className: 'Acorns', rows: [4] },
    ]);
    expect(await call<Summary>(admin, 'GET', `/imports/${first.id}`, undefined, 200)).toEqual(first);
    const pupils = await kit.db.query(
      `SELECT last_name, year_group, pupil_premium, send, eal FROM pupils WHERE tenant_id = $1 ORDER BY mis_ref`,
      [tenantId],
    );
    expect(pupils).toEqual([
      { last_name: 'Khan', year_group: 3, pupil_premium: 'yes', send: 'none', eal: 'no' },
      { last_name: "O'Neil, Jr", year_group: 3, pupil_premium: 'no', send: 'sen_support', eal: 'yes' },
      { last_name: 'Nowak', year_group: 0, pupil_premium: 'no', send: 'none', eal: 'yes' },
    ]);

    // Each pupil the import created is in the audit trail, under the import and its importer.
    const audited = async (action: string) =>
      (
        await kit.db.query(
          `SELECT payload FROM outbox_events WHERE tenant_id = $1 AND type = 'audit.entry.recorded' AND payload->>'subjectType' = 'pupil' AND payload->>'action' = $2 ORDER BY id`,
          [tenantId, action],
        )
      ).map((row: { payload: { actorUserId: string; detail: unknown } }) => ({
        actor: row.payload.actorUserId,
        detail: row.payload.detail,
      }));
    expect(await audited('create')).toEqual(Array(3).fill({ actor: admin.userId, detail: { importId: first.id } }));

    const again = await call<Summary>(admin, 'POST', '/imports/pupils', { schoolId: school, csv }, 201);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, classesCreated: 0, newClasses: [] });
    expect(await pupilCount()).toBe(3);

    const changed = await call<Summary>(
      admin,
      'POST',
      '/imports/pupils',
      { schoolId: school, csv: [HEADER, GOOD[0].replace(',Oak,', ',Elm,'), GOOD[1], GOOD[2]].join('\n'), createClasses: ['Elm'] },
      201,
    );
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 2, classesCreated: 1, skipped: 0 });
    expect(await audited('update')).toEqual([
      { actor: admin.userId, detail: { change: 'mis-import', importId: changed.id, fields: ['classId'] } },
    ]);
    const [{ n }] = await kit.db.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE tenant_id = $1 AND type = 'scheduling.pupil.moved'`,
      [tenantId],
    );
    expect(n).toBe(1);

    // A corrected surname reaches the services that keep pupils' names; a class change alone did not tell them anything.
    const renamed = await call<Summary>(
      admin,
      'POST',
      '/imports/pupils',
      { schoolId: school, csv: [HEADER, GOOD[0].replace(',Oak,', ',Elm,'), GOOD[1], GOOD[2].replace('Nowak', 'Nowak-Smith')].join('\n') },
      201,
    );
    expect(renamed).toMatchObject({ updated: 1, unchanged: 2 });
    const details = await kit.db.query(
      `SELECT payload FROM outbox_events WHERE tenant_id = $1 AND type = 'scheduling.pupil.details-changed'`,
      [tenantId],
    );
    expect(details.map((row: { payload: unknown }) => row.payload)).toEqual([
      expect.objectContaining({ firstName: 'Zofia', lastName: 'Nowak-Smith', yearGroup: 0, schoolId: school }),
    ]);
  });

  it('imports a large file in chunks, recording progress', async () => {
    const rows = Array.from({ length: 1_200 }, (_, i) => `B${i},Surname${i},Name${i},${(i % 6) + 1},Class ${(i % 6) + 1},N,N,N`);
    const createClasses = Array.from({ length: 6 }, (_, i) => `Class ${i + 1}`);
    const summary = await call<Summary>(
      admin,
      'POST',
      '/imports/pupils',
      { schoolId: school, csv: [HEADER, ...rows].join('\n'), createClasses },
      201,
    );
    expect(summary).toMatchObject({ status: 'completed', totalRows: 1_200, processedRows: 1_200, created: 1_200, classesCreated: 6 });
    const list = await call<{ items: Summary[] }>(admin, 'GET', '/imports?limit=1', undefined, 200);
    expect(list.items[0].id).toBe(summary.id);
  });

  it('creates a class the school does not have only when told to: a dry run names it per row, the import refuses naming the rows', async () => {
    const csv = [HEADER, 'C100,Ali,Sara,5,5Y,N,N,N', 'C101,Bell,Tom,5,5Z,N,N,N', 'C102,Cole,Ada,5,5Z,N,N,N', 'C103,Dunn,Max,5,,N,N,N'].join(
      '\n',
    );
    await call(admin, 'POST', '/classes', { schoolId: school, name: '5Y', yearGroup: 5 }, 201);
    const classCount = async () =>
      (await kit.db.query('SELECT count(*)::int AS n FROM classes WHERE tenant_id = $1 AND school_id = $2', [tenantId, school]))[0]
        .n as number;
    const [pupilsBefore, classesBefore] = [await pupilCount(), await classCount()];

    const checked = await call<Summary>(admin, 'POST', '/imports/pupils', { schoolId: school, csv, dryRun: true }, 201);
    expect(checked).toMatchObject({ created: 2, classesCreated: 0, newClasses: [], skipped: 2 });
    expect(checked.problems).toEqual([
      { row: 3, column: 'Reg Group', reason: 'no class "5Z" at this school: correct it, or name "5Z" in createClasses to create it' },
      { row: 4, column: 'Reg Group', reason: 'no class "5Z" at this school: correct it, or name "5Z" in createClasses to create it' },
    ]);

    const refused = await kit.call<{ status: number; errors: { field: string; rule: string; message: string }[] }>(
      admin,
      'POST',
      '/imports/pupils',
      { schoolId: school, csv, createClasses: ['5z'] },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      {
        field: 'createClasses',
        rule: 'unknownClass',
        message:
          'rows 3 and 4 of the file name class "5Z", which this school does not have: correct the file, or name "5Z" in createClasses to create it',
      },
    ]);
    expect([await pupilCount(), await classCount()]).toEqual([pupilsBefore, classesBefore]);
    const [{ n: importsOfFile }] = await kit.db.query(
      `SELECT count(*)::int AS n FROM roster_imports WHERE tenant_id = $1 AND total_rows = 4`,
      [tenantId],
    );
    expect(importsOfFile).toBe(0);

    const told = await call<Summary>(admin, 'POST', '/imports/pupils', { schoolId: school, csv, dryRun: true, createClasses: ['5Z'] }, 201);
    expect(told).toMatchObject({
      created: 4,
      classesCreated: 1,
      newClasses: [{ className: '5Z', rows: [3, 4] }],
      skipped: 0,
      problems: [],
    });
    const imported = await call<Summary>(admin, 'POST', '/imports/pupils', { schoolId: school, csv, createClasses: ['5Z'] }, 201);
    expect(imported).toMatchObject({ created: 4, classesCreated: 1, newClasses: [{ className: '5Z', rows: [3, 4] }] });
    expect(await call<Summary>(admin, 'GET', `/imports/${imported.id}`, undefined, 200)).toEqual(imported);
    expect([await pupilCount(), await classCount()]).toEqual([pupilsBefore + 4, classesBefore + 1]);
    const [created] = await kit.db.query(`SELECT year_group FROM classes WHERE tenant_id = $1 AND school_id = $2 AND name = '5Z'`, [
      tenantId,
      school,
    ]);
    expect(created).toEqual({ year_group: 5 });
  });

  it('refuses a malformed createClasses, naming it', async () => {
    const fields = async (createClasses: unknown) => {
      const response = await kit.call<{ errors: { field: string }[] }>(admin, 'POST', '/imports/pupils', {
        schoolId: school,
        csv: HEADER,
        createClasses,
      });
      expect(response.status).toBe(400);
      return [...new Set(response.body.errors.map((error) => error.field))];
    };
    expect(await fields('5Z')).toEqual(['createClasses']);
    expect(await fields(['5Z', '5Z'])).toEqual(['createClasses']);
    expect(await fields([''])).toEqual(['createClasses']);
    expect(await fields(['x'.repeat(101)])).toEqual(['createClasses']);
    expect(await fields([5])).toEqual(['createClasses']);
    expect(await fields(Array.from({ length: 501 }, (_, i) => `C${i}`))).toEqual(['createClasses']);
  });

  it('maps the characteristics columns in the dry run, records them, keeps what an empty cell does not say, and reports a value it cannot read', async () => {
    const header = 'UPN,Surname,Forename,NC Year,FSM,SEN Provision,EAL,Gender,Ethnicity';
    const csv = (...lines: string[]) => [header, ...lines].join('\n');
    const checked = await call<Summary & { columns: { field: string; column: string }[] }>(
      admin,
      'POST',
      '/imports/pupils',
      {
        schoolId: school,
        csv: csv('E100,Ames,Ola,4,T,E,N,F,BAFR', 'E101,Bose,Raj,4,,K,,boy,Asian or Asian British', 'E102,Carr,Lu,4,N,maybe,N,Q,Martian'),
        dryRun: true,
      },
      201,
    );
    expect(checked.columns).toEqual([
      { field: 'misRef', column: 'UPN' },
      { field: 'lastName', column: 'Surname' },
      { field: 'firstName', column: 'Forename' },
      { field: 'yearGroup', column: 'NC Year' },
      { field: 'pupilPremium', column: 'FSM' },
      { field: 'send', column: 'SEN Provision' },
      { field: 'eal', column: 'EAL' },
      { field: 'gender', column: 'Gender' },
      { field: 'ethnicityGroup', column: 'Ethnicity' },
    ]);
    expect(checked.problems).toEqual([
      { row: 4, column: 'SEN Provision', reason: '"maybe" is not a SEN status (N, K or E)' },
      { row: 4, column: 'Gender', reason: '"Q" is not a gender (F, M or X)' },
      { row: 4, column: 'Ethnicity', reason: '"Martian" is not an ethnicity (a census code such as WBRI, or a main group such as White)' },
    ]);
    await call(
      admin,
      'POST',
      '/imports/pupils',
      { schoolId: school, csv: csv('E100,Ames,Ola,4,T,E,N,F,BAFR', 'E101,Bose,Raj,4,,K,,boy,Asian or Asian British') },
      201,
    );
    const recorded = () =>
      kit.db.query(
        `SELECT mis_ref, pupil_premium, send, eal, gender, ethnicity_group FROM pupils WHERE tenant_id = $1 AND mis_ref LIKE 'E10%' ORDER BY mis_ref`,
        [tenantId],
      );
    expect(await recorded()).toEqual([
      { mis_ref: 'E100', pupil_premium: 'yes', send: 'ehcp', eal: 'no', gender: 'female', ethnicity_group: 'black' },
      { mis_ref: 'E101', pupil_premium: 'unknown', send: 'sen_support', eal: 'unknown', gender: 'male', ethnicity_group: 'asian' },
    ]);
    // A later file with the cells empty (or without the columns) leaves what was recorded.
    const again = await call<Summary>(
      admin,
      'POST',
      '/imports/pupils',
      { schoolId: school, csv: csv('E100,Ames,Ola,4,,,,,') + '\nE101,Bose,Raj,4,Y,,,,' },
      201,
    );
    expect(again).toMatchObject({ updated: 1, unchanged: 1 });
    expect((await recorded())[0]).toMatchObject({ pupil_premium: 'yes', send: 'ehcp', gender: 'female', ethnicity_group: 'black' });
    expect((await recorded())[1]).toMatchObject({ pupil_premium: 'yes' });
  });

  it('names a missing column, refuses bad bodies and callers outside the school', async () => {
    const noUpn = await call<Summary>(
      admin,
      'POST',
      '/imports/pupils',
      { schoolId: school, csv: 'Surname,Forename,Year\nA,B,3', dryRun: true },
      201,
    );
    expect(noUpn.problems).toEqual([expect.objectContaining({ row: 1, column: 'upn' })]);
    const bad = await kit.call<{ errors: { field: string }[] }>(admin, 'POST', '/imports/pupils', { schoolId: school, csv: 42 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('csv');
    expect((await kit.call(tutorOf(tenantId, [school]), 'POST', '/imports/pupils', { schoolId: school, csv: HEADER })).status).toBe(403);
    expect((await kit.call(headteacherOf(tenantId, [newId()]), 'POST', '/imports/pupils', { schoolId: school, csv: HEADER })).status).toBe(
      404,
    );
  });
});
