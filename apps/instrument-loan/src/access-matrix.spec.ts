import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Identity } from '@tutti/auth';
import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import type { DataSource } from 'typeorm';
import { matrixIdentities, runAccessMatrix, type AccessMatrixReport, type MatrixFixtures, type MatrixWorld } from '@tutti/testing';
import { addInstrument, addSchool, caller, checkOutBody, startInstrumentLoan } from './testing/loan-test-kit';

type Row = { id: string } & Record<string, unknown>;

interface Scenario {
  schoolId: string;
  pupilId: string;
  loanId: string;
  /** On loan to P1. */
  instrumentId: string;
  assetTag: string;
  freeInstrument(): Promise<string>;
  freshLoan(): Promise<string>;
  flaggedLoan(): Promise<string>;
  freshRepair(): Promise<string>;
  /** The ETag of what the URL reads as it is now (as the admin), for an edit's If-Match. */
  etagOf(url: string): Promise<string>;
}

const SECRET_FIRST = 'Zephyrine';
const SECRET_LAST = 'Quillfeather';
const STAFF = ['admin', 'headteacher', 'tutor', 'schoolStaff'] as const;
const AREA_STOCK = 'tenant' as const;

describe('instrument-loan: the access matrix over every route', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let report: AccessMatrixReport;
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);

  beforeAll(async () => {
    ({ app, db } = await startInstrumentLoan());
    const call = async (method: 'POST' | 'GET', url: string, identity: Identity, body?: unknown): Promise<Row> => {
      const response = await caller(app)(identity, method, url, body);
      if (response.statusCode >= 300) throw new Error(`${method} ${url} → ${response.statusCode}: ${response.body}`);
      return response.json();
    };
    const [schoolId, otherSchoolId] = [await addSchool(db, tenantId), await addSchool(db, tenantId)];
    const addPupil = async (firstName: string, lastName: string): Promise<string> => {
      const id = newId();
      await db.query('INSERT INTO pupils (tenant_id, id, school_id, year_group, first_name, last_name) VALUES ($1, $2, $3, 4, $4, $5)', [
        tenantId,
        id,
        schoolId,
        firstName,
        lastName,
      ]);
      return id;
    };
    const pupilId = await addPupil(SECRET_FIRST, SECRET_LAST);
    const otherFamilyPupilId = await addPupil('Other', 'Family');
    const freeInstrument = async () => (await addInstrument(db, tenantId)).id;
    const freshLoan = async () => (await call('POST', '/loans', admin, checkOutBody(await freeInstrument(), pupilId))).id;
    const instrument = await addInstrument(db, tenantId);
    const loanId = (await call('POST', '/loans', admin, checkOutBody(instrument.id, pupilId))).id;

    const scenario: Scenario = {
      schoolId,
      pupilId,
      loanId,
      instrumentId: instrument.id,
      assetTag: instrument.assetTag,
      freeInstrument,
      freshLoan,
      flaggedLoan: async () => {
        const id = await freshLoan();
        // What the attendance rule does when a conditional loan's pupil misses sessions.
        await db.query(`UPDATE loans SET flagged_at = now(), flag_reason = 'missed sessions' WHERE tenant_id = $1 AND id = $2`, [
          tenantId,
          id,
        ]);
        return id;
      },
      freshRepair: async () => (await call('POST', `/instruments/${await freeInstrument()}/repairs`, admin, { fault: 'Open seam' })).id,
      etagOf: async (url) => String((await caller(app)(admin, 'GET', url)).headers.etag),
    };
    const world: MatrixWorld = {
      tenantId,
      schoolId,
      otherSchoolId,
      pupilId,
      otherFamilyPupilId,
      otherFamilySchoolId: schoolId,
      secrets: [pupilId, SECRET_FIRST, SECRET_LAST],
    };
    const started = Date.now();
    report = await runAccessMatrix({
      app,
      service: 'instrument-loan',
      scenario,
      world,
      identities: { ...matrixIdentities(world, newTenantId()), admin },
      fixtures,
    });
    console.log(`instrument-loan access matrix: ${report.routes} routes, ${report.requests} requests, ${Date.now() - started} ms`);
  });

  afterAll(() => app?.close());

  it('has an entry for every route (a new route must be declared here)', () => {
    expect(report.missing).toEqual([]);
    expect(report.stale).toEqual([]);
  });

  it('lets only the right role through, and refused callers learn nothing of the object', () => {
    expect(report.failures).toEqual([]);
  });
});

const fixtures: MatrixFixtures<Scenario> = {
  'GET /loans': (s) => ({
    url: '/loans?state=all',
    allowed: [...STAFF, 'guardian'],
    scope: 'caller-scoped',
    secrets: [s.loanId, s.pupilId, SECRET_FIRST, SECRET_LAST],
  }),
  'GET /loans/:loanId': (s) => ({ url: `/loans/${s.loanId}`, allowed: [...STAFF, 'guardian'] }),
  'POST /loans': async (s) => ({
    url: '/loans',
    body: checkOutBody(await s.freeInstrument(), s.pupilId),
    allowed: [...STAFF],
    refusedWith: [400, 403, 404],
  }),
  'POST /loans/:loanId/return': async (s) => ({
    url: `/loans/${await s.freshLoan()}/return`,
    body: { conditionIn: 'fair', notes: 'scratched scroll' },
    allowed: [...STAFF],
  }),
  'POST /loans/:loanId/swaps': async (s) => ({
    url: `/loans/${await s.freshLoan()}/swaps`,
    body: { newInstrumentId: await s.freeInstrument(), conditionIn: 'good', conditionOut: 'good' },
    allowed: [...STAFF],
  }),
  'POST /loans/:loanId/problem-reports': async (s) => ({
    url: `/loans/${await s.freshLoan()}/problem-reports`,
    body: { kind: 'damaged', description: 'Bridge fell over' },
    allowed: [...STAFF, 'guardian'],
  }),
  'POST /loans/:loanId/review-cleared': async (s) => ({
    url: `/loans/${await s.flaggedLoan()}/review-cleared`,
    allowed: ['admin', 'headteacher', 'tutor'],
  }),

  'GET /instruments': (s) => ({
    url: '/instruments',
    allowed: [...STAFF],
    scope: 'caller-scoped',
    tenantSecrets: [s.assetTag, s.instrumentId],
  }),
  'GET /instruments/:instrumentId': (s) => ({ url: `/instruments/${s.instrumentId}`, allowed: [...STAFF], scope: AREA_STOCK }),
  'GET /instruments/by-tag/:assetTag': (s) => ({ url: `/instruments/by-tag/${s.assetTag}`, allowed: [...STAFF], scope: AREA_STOCK }),
  'POST /instruments': () => ({
    url: '/instruments',
    body: { assetTag: `CL-${newId().slice(-8)}`, type: 'clarinet', ownerKind: 'programme', condition: 'good', purchaseValuePence: 39900 },
    allowed: ['admin'],
    scope: 'caller-scoped',
  }),
  'PATCH /instruments/:instrumentId': async (s) => {
    const url = `/instruments/${await s.freeInstrument()}`;
    return { url, body: { location: 'Hub store' }, headers: { 'if-match': await s.etagOf(url) }, allowed: ['admin'], scope: AREA_STOCK };
  },
  'POST /instruments/imports': () => ({
    url: '/instruments/imports',
    body: {
      csv: 'asset_tag,type,size,make,model,serial,purchased_on,purchase_value_pence,owner,owner_school_urn,location,condition\nMX-001,violin,1/2,Stentor,Student I,S1,2024-09-01,12000,programme,,Store A,good',
      dryRun: true,
    },
    allowed: ['admin'],
    scope: 'caller-scoped',
  }),
  'GET /instruments/:instrumentId/label.svg': (s) => ({
    url: `/instruments/${s.instrumentId}/label.svg`,
    allowed: [...STAFF],
    scope: AREA_STOCK,
  }),
  // Ids the caller may not see are left off the sheet (200), rather than refused.
  'GET /instrument-labels': (s) => ({
    url: `/instrument-labels?ids=${s.instrumentId}`,
    allowed: [...STAFF],
    scope: 'caller-scoped',
    tenantSecrets: [s.assetTag],
  }),

  // The instrument on loan to P1: the right role hears it is out on loan (409); another school's staff and area get 404 first (opening on free stock: repairs.spec).
  'POST /instruments/:instrumentId/repairs': (s) => ({
    url: `/instruments/${s.instrumentId}/repairs`,
    body: { fault: 'Cracked bridge' },
    allowed: [...STAFF],
    secrets: [s.assetTag],
    succeedsWith: [409],
  }),
  'POST /repairs/:repairId/close': async (s) => ({
    url: `/repairs/${await s.freshRepair()}/close`,
    body: { costPence: 2500, conditionAfter: 'good' },
    allowed: ['admin'],
    scope: AREA_STOCK,
  }),
  'GET /repairs': () => ({ url: '/repairs?state=all', allowed: [...STAFF], scope: 'caller-scoped' }),
  // An instrument on loan to P1 is looked after by S1's staff (and the admin): another school's staff get 404, before any word of its state.
  'POST /instruments/:instrumentId/inspections': (s) => ({
    url: `/instruments/${s.instrumentId}/inspections`,
    body: { condition: 'good' },
    allowed: [...STAFF],
    secrets: [s.assetTag],
  }),

  'GET /settings': () => ({ url: '/settings', allowed: [...STAFF], scope: 'caller-scoped' }),
  'PATCH /settings': async (s) => ({
    url: '/settings',
    body: { missedSessionsThreshold: 3, gracePeriodDays: 7 },
    headers: { 'if-match': await s.etagOf('/settings') },
    allowed: ['admin'],
    scope: 'caller-scoped',
  }),

  'GET /pupils/:pupilId/sizing': (s) => ({ url: `/pupils/${s.pupilId}/sizing`, allowed: [...STAFF, 'guardian'] }),
  'PUT /pupils/:pupilId/arm-length': (s) => ({
    url: `/pupils/${s.pupilId}/arm-length`,
    body: { armLengthMm: 520, measuredOn: '2026-01-12' },
    allowed: [...STAFF],
  }),
  'GET /outgrown-loans': (s) => ({ url: '/outgrown-loans', allowed: [...STAFF], scope: 'caller-scoped', tenantSecrets: [s.assetTag] }),

  'GET /reports/stock': () => ({
    url: '/reports/stock',
    allowed: ['admin', 'headteacher', 'evaluator'],
    scope: 'caller-scoped',
    pseudonymisedFor: ['evaluator'],
  }),
  'GET /reports/value-on-loan': () => ({ url: '/reports/value-on-loan', allowed: ['admin'], scope: 'caller-scoped' }),
  'GET /reports/loans-per-pupil': () => ({ url: '/reports/loans-per-pupil', allowed: ['admin', 'headteacher'], scope: 'caller-scoped' }),
  'GET /schools/:schoolId/loan-summary': (s) => ({ url: `/schools/${s.schoolId}/loan-summary`, allowed: ['admin', 'headteacher'] }),
  'GET /reports/losses-and-repairs': () => ({
    url: '/reports/losses-and-repairs',
    allowed: ['admin', 'evaluator'],
    scope: 'caller-scoped',
    pseudonymisedFor: ['evaluator'],
  }),
};
