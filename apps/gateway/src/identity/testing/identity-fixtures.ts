import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { GuardedPupil, Role } from '@tutti/auth';
import { newId } from '@tutti/platform';
import type { AccountStatus } from '../accounts/account.model';
import { PasswordHasher } from '../credentials/password-hasher';
import { SchoolDirectory } from '../schools/school-directory.service';
import type { SessionTokensDto } from '../sessions/session-tokens';
import { createTenant } from '../../tenants/tenant-events';
import { randomIp } from './random-ip';

export const FIXTURE_PASSWORD = 'violet harbour lantern';

export interface TestTenant {
  id: string;
  slug: string;
  name: string;
}

export interface TestAccount {
  id: string;
  tenantId: string;
  email: string;
  password: string;
  area: string;
}

export interface AccountSpec {
  status?: AccountStatus;
  displayName?: string;
  /** Omit for an invited account that has not set one. */
  password?: string | null;
  grants?: { role: Role; schoolId?: string }[];
  pupils?: Omit<GuardedPupil, 'canConsent'>[];
}

/** Areas, schools and accounts written straight to the database, and signing in over HTTP. */
export class IdentityFixtures {
  private hashOfFixturePassword: Promise<string> | undefined;

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly dataSource: DataSource,
  ) {}

  async tenant(): Promise<TestTenant> {
    const id = newId();
    const slug = `area-${randomBytes(5).toString('hex')}`;
    const name = `In Harmony ${slug}`;
    await this.dataSource.transaction((manager) =>
      createTenant(manager, {
        id,
        slug,
        name,
        weeklyProvisionTargetMinutes: 240,
        familyLanguages: ['en', 'pl'],
        familyTransportSeatLimit: 4,
      }),
    );
    return { id, slug, name };
  }

  async school(tenant: TestTenant): Promise<string> {
    const schoolId = newId();
    await this.app.get(SchoolDirectory).recordSchool(tenant.id, { schoolId, name: `School ${schoolId.slice(-6)}` });
    return schoolId;
  }

  async account(tenant: TestTenant, spec: AccountSpec = {}): Promise<TestAccount> {
    const id = newId();
    const email = `person-${randomBytes(5).toString('hex')}@example.org`;
    const password = spec.password === undefined ? FIXTURE_PASSWORD : spec.password;
    await this.dataSource.query(`INSERT INTO accounts (id, tenant_id, email, display_name, status) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      tenant.id,
      email,
      spec.displayName ?? 'Sam Tester',
      spec.status ?? 'active',
    ]);
    if (password !== null) {
      const hash = password === FIXTURE_PASSWORD ? await this.fixturePasswordHash() : await this.app.get(PasswordHasher).hash(password);
      await this.dataSource.query(`INSERT INTO credentials (account_id, tenant_id, password_hash) VALUES ($1, $2, $3)`, [
        id,
        tenant.id,
        hash,
      ]);
    }
    for (const grant of spec.grants ?? []) {
      await this.dataSource.query(`INSERT INTO grants (id, tenant_id, account_id, role, school_id) VALUES ($1, $2, $3, $4, $5)`, [
        newId(),
        tenant.id,
        id,
        grant.role,
        grant.schoolId ?? null,
      ]);
    }
    for (const pupil of spec.pupils ?? []) {
      await this.dataSource.query(
        `INSERT INTO guardian_links (id, tenant_id, account_id, pupil_id, school_id, relationship, can_book_transport, can_give_consent) VALUES ($1, $2, $3, $4, $5, $6, $7, true)`,
        [newId(), tenant.id, id, pupil.pupilId, pupil.schoolId, pupil.relationship, pupil.canBookTransport],
      );
    }
    return { id, tenantId: tenant.id, email, password: password ?? '', area: tenant.slug };
  }

  async signIn(account: Pick<TestAccount, 'area' | 'email' | 'password'>, ip = randomIp()): Promise<SessionTokensDto> {
    const response = await this.app.inject({
      method: 'POST',
      url: '/auth/sign-in',
      remoteAddress: ip,
      payload: { area: account.area, email: account.email, password: account.password },
    });
    if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
    return response.json<SessionTokensDto>();
  }

  async bearer(account: TestAccount, role?: Role): Promise<Record<string, string>> {
    const tokens = await this.signIn(account);
    return { authorization: `Bearer ${tokens.accessToken}`, ...(role ? { 'x-tutti-role': role } : {}) };
  }

  private fixturePasswordHash(): Promise<string> {
    this.hashOfFixturePassword ??= this.app.get(PasswordHasher).hash(FIXTURE_PASSWORD);
    return this.hashOfFixturePassword;
  }
}
