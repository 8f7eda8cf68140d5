import { v7 as uuidv7 } from 'uuid';
import { IDENTITY_HEADER, importIdentityKey, signIdentityToken, type Grant, type Identity, type Role } from '@tutti/auth';
import type { ServiceName } from '@tutti/contracts';

/** A fresh tenant id per spec, so that parallel spec files never see each other's rows. */
export const newTenantId = (): string => uuidv7();

/** An identity as the gateway would vouch for it. */
export function testIdentity(tenantId: string, grants: Grant[], overrides: Partial<Identity> = {}): Identity {
  return { userId: uuidv7(), tenantId, displayName: 'Test Person', activeRole: null, grants, ...overrides };
}

export const personas = {
  programmeAdmin: (tenantId: string) => testIdentity(tenantId, [{ role: 'programme_admin' }], { displayName: 'Programme Admin' }),
  headteacher: (tenantId: string, schoolId: string) =>
    testIdentity(tenantId, [{ role: 'headteacher', schoolIds: [schoolId] }], { displayName: 'Headteacher' }),
  tutor: (tenantId: string, schoolIds: string[]) => testIdentity(tenantId, [{ role: 'tutor', schoolIds }], { displayName: 'Tutor' }),
  schoolStaff: (tenantId: string, schoolId: string) =>
    testIdentity(tenantId, [{ role: 'school_staff', schoolIds: [schoolId] }], { displayName: 'School Staff' }),
  guardian: (tenantId: string, pupils: { pupilId: string; schoolId: string }[]) =>
    testIdentity(
      tenantId,
      [{ role: 'guardian', pupils: pupils.map((p) => ({ ...p, relationship: 'parent', canBookTransport: true, canConsent: true })) }],
      { displayName: 'Parent' },
    ),
  evaluator: (tenantId: string) => testIdentity(tenantId, [{ role: 'evaluator' }], { displayName: 'Evaluator' }),
};

export type PersonaName = keyof typeof personas;
export type { Role };

/** Headers carrying a gateway-signed identity for one service (keys from the Jest global set-up). */
export async function identityHeaders(identity: Identity, service: ServiceName): Promise<Record<string, string>> {
  const token = await signIdentityToken(identity, service, await gatewayPrivateKey());
  return { [IDENTITY_HEADER]: token };
}

let privateKey: ReturnType<typeof importIdentityKey> | undefined;

function gatewayPrivateKey(): ReturnType<typeof importIdentityKey> {
  const encodedKey = process.env.IDENTITY_PRIVATE_KEY;
  if (!encodedKey) throw new Error('IDENTITY_PRIVATE_KEY is not set: run specs through the root Jest config');
  privateKey ??= importIdentityKey(encodedKey);
  return privateKey;
}
