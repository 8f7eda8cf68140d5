import { newId } from '@tutti/platform';
import { startIdentityTestApp, type IdentityTestApp } from './testing/identity-test-app';
import { randomIp } from './testing/random-ip';

interface FieldError {
  field: string;
  rule: string;
  message: string;
}

type Case = [method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload: object | undefined, fields: string[]];

/** Bad input gets a 400 that names every bad field, as application/problem+json; never a 500. */
describe('bad input to identity endpoints', () => {
  let t: IdentityTestApp;
  let adminHeaders: Record<string, string>;
  let accountId: string;

  beforeAll(async () => {
    t = await startIdentityTestApp();
    const area = await t.fixtures.tenant();
    const admin = await t.fixtures.account(area, { grants: [{ role: 'programme_admin' }] });
    adminHeaders = await t.fixtures.bearer(admin);
    accountId = (await t.fixtures.account(area)).id;
  });
  afterAll(() => t?.close());

  const expectFields = async (
    method: Case[0],
    url: string,
    payload: object | undefined,
    fields: string[],
    headers: Record<string, string> = {},
  ) => {
    const response = await t.app.inject({ method, url, remoteAddress: randomIp(), headers, ...(payload ? { payload } : {}) });
    expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
    expect(response.headers['content-type']).toContain('application/problem+json');
    const named = response.json<{ errors: FieldError[] }>().errors.map((error) => error.field);
    expect(named).toEqual(expect.arrayContaining(fields));
    for (const error of response.json<{ errors: FieldError[] }>().errors)
      expect(error.message).toContain(
        error.field
          .replace(/\[\d+\]/g, '')
          .split('.')
          .pop()
          ?.split('[')[0] ?? '',
      );
  };

  const authCases: Case[] = [
    ['POST', '/auth/sign-in', {}, ['area', 'email', 'password']],
    ['POST', '/auth/sign-in', { area: 'Liver Pool!', email: 'not-an-email', password: '' }, ['area', 'email', 'password']],
    ['POST', '/auth/sign-in', { area: 'liverpool', email: 'a@example.org', password: 42 }, ['password']],
    ['POST', '/auth/sign-in', { area: 'liverpool', email: 'a@example.org', password: 'x', role: 'programme_admin' }, ['role']],
    ['POST', '/auth/refresh', {}, ['refreshToken']],
    ['POST', '/auth/refresh', { refreshToken: ['a'] }, ['refreshToken']],
    ['POST', '/auth/sign-out', { refreshToken: '' }, ['refreshToken']],
    ['POST', '/auth/invitations/accept', {}, ['token', 'password']],
    ['POST', '/auth/invitations/accept', { token: 7, password: null }, ['token', 'password']],
    ['POST', '/auth/password-reset', { email: 'someone' }, ['area', 'email']],
    ['POST', '/auth/password-reset/complete', { token: '', password: 12345678901 }, ['token', 'password']],
  ];

  it.each(authCases)('%s %s %j → 400 naming %j', (method, url, payload, fields) => expectFields(method, url, payload, fields));

  it('names the fields of the admin endpoints too', async () => {
    const cases: Case[] = [
      [
        'POST',
        '/identity/accounts',
        { email: 'nope', displayName: '', mobile: '0770', preferredLanguage: 'English', grants: [{ role: 'wizard' }, { role: 'tutor' }] },
        ['email', 'displayName', 'mobile', 'preferredLanguage', 'grants[0].role', 'grants[1].schoolIds'],
      ],
      ['PATCH', `/identity/accounts/${accountId}`, { status: 'deleted', displayName: 7 }, ['status', 'displayName']],
      ['PATCH', '/identity/accounts/not-a-uuid', { displayName: 'x' }, ['id']],
      ['GET', '/identity/accounts?limit=1000&status=gone&role=king', undefined, ['limit', 'status', 'role']],
      ['GET', '/identity/accounts?cursor=bm90LWEtY3Vyc29y', undefined, ['cursor']],
      ['POST', `/identity/accounts/${accountId}/grants`, { role: 'headteacher', schoolIds: ['x'] }, ['schoolIds']],
      ['DELETE', `/identity/accounts/${accountId}/grants/123`, undefined, ['grantId']],
      [
        'POST',
        '/identity/guardian-links',
        { accountId: 'a', pupilId: newId(), schoolId: newId(), relationship: 'uncle-ish', canBookTransport: 'yes' },
        ['accountId', 'relationship', 'canBookTransport', 'canGiveConsent'],
      ],
      ['GET', '/audit-log?from=yesterday&subjectId=x&subjectType=Pupil', undefined, ['from', 'subjectId', 'subjectType']],
    ];
    // An edit names the version it is based on (If-Match), so that its body is what is refused.
    for (const [method, url, payload, fields] of cases)
      await expectFields(method, url, payload, fields, method === 'PATCH' ? { ...adminHeaders, 'if-match': '"1"' } : adminHeaders);
  });

  it('answers a body that is not JSON with 400, not 500', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/auth/sign-in',
      remoteAddress: randomIp(),
      headers: { 'content-type': 'application/json' },
      payload: '{"area": ',
    });
    expect(response.statusCode).toBe(400);
  });
});
