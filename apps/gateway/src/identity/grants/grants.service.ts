import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictProblem, ValidationProblem, newId, type FieldError, type Queryable } from '@tutti/platform';
import { accountById } from '../accounts/accounts.queries';
import type { AuditActor } from '../audit/audit-record';
import { AuditLogService } from '../audit/audit-log.service';
import { guardianLinksOfAccount } from '../guardians/guardian-links.queries';
import { IdentityResolver } from '../resolver/identity-resolver';
import { SchoolDirectory } from '../schools/school-directory.service';
import type { AccountGrantDto } from './dto/account-grant.dto';
import { SCHOOL_SCOPED_ROLES, type GrantRequestDto } from './dto/grant-request.dto';
import { deleteGrant, grantById, grantsOfAccounts, insertGrants, type GrantRow } from './grants.queries';

/** Roles held by accounts, one row per role (and per school for school-scoped roles). */
@Injectable()
export class GrantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schools: SchoolDirectory,
    private readonly auditLog: AuditLogService,
    private readonly resolver: IdentityResolver,
  ) {}

  /** Adds grants to an account of the actor's area, in the caller's transaction; 409 listing what is already held. */
  async add(
    db: Queryable,
    actor: AuditActor,
    accountId: string,
    requests: readonly GrantRequestDto[],
    field = 'grants',
  ): Promise<GrantRow[]> {
    const problems = requests.flatMap((request, index) => scopeProblems(request, field === '' ? '' : `${field}[${index}].`));
    if (problems.length > 0) throw new ValidationProblem(problems);
    await this.schools.requireSchools(
      db,
      actor.tenantId,
      requests.flatMap((request) => request.schoolIds ?? []),
    );

    const wanted = requests.flatMap((request): { role: GrantRequestDto['role']; schoolId: string | null }[] =>
      SCHOOL_SCOPED_ROLES.includes(request.role)
        ? (request.schoolIds ?? []).map((schoolId) => ({ role: request.role, schoolId }))
        : [{ role: request.role, schoolId: null }],
    );
    const held = await grantsOfAccounts(db, actor.tenantId, [accountId]);
    const clashes = wanted.filter((grant) => held.some((row) => row.role === grant.role && row.schoolId === grant.schoolId));
    if (clashes.length > 0) {
      throw new ConflictProblem(
        'The account already holds some of these grants.',
        clashes.map((grant) => ({ role: grant.role, schoolId: grant.schoolId })),
      );
    }
    const rows: GrantRow[] = wanted.map((grant) => ({
      id: newId(),
      tenantId: actor.tenantId,
      accountId,
      role: grant.role,
      schoolId: grant.schoolId,
      createdAt: new Date(),
      createdBy: actor.actorId,
    }));
    await insertGrants(db, rows);
    for (const row of rows) {
      await this.auditLog.record(db, {
        ...actor,
        action: 'create',
        subjectType: 'grant',
        subjectId: row.id,
        detail: { accountId, role: row.role, schoolId: row.schoolId },
      });
    }
    this.resolver.forgetAccount(actor.tenantId, accountId);
    return rows;
  }

  /** Ensures the account holds the guardian role (when a guardian link is made). */
  async ensureGuardian(db: Queryable, actor: AuditActor, accountId: string): Promise<void> {
    const held = await grantsOfAccounts(db, actor.tenantId, [accountId]);
    if (!held.some((grant) => grant.role === 'guardian')) await this.add(db, actor, accountId, [{ role: 'guardian' }]);
  }

  /** POST /identity/accounts/:id/grants */
  async grant(actor: AuditActor, accountId: string, request: GrantRequestDto): Promise<AccountGrantDto[]> {
    const rows = await this.dataSource.transaction(async (manager) => {
      await this.requireAccount(manager, actor.tenantId, accountId);
      return this.add(manager, actor, accountId, [request], '');
    });
    return rows.map((row) => ({ id: row.id, role: row.role, schoolId: row.schoolId }));
  }

  /** DELETE /identity/accounts/:id/grants/:grantId */
  async revoke(actor: AuditActor, accountId: string, grantId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const grant = await grantById(manager, actor.tenantId, accountId, grantId);
      if (!grant) throw new NotFoundException('No such grant on this account.');
      if (grant.role === 'programme_admin' && accountId === actor.actorId) {
        throw new ConflictProblem('You cannot remove your own programme admin grant; ask another programme admin.', [
          { grantId, role: grant.role },
        ]);
      }
      if (grant.role === 'guardian') {
        const links = await guardianLinksOfAccount(manager, actor.tenantId, accountId);
        if (links.length > 0) {
          throw new ConflictProblem(
            'Remove the account’s guardian links before its guardian grant.',
            links.map((link) => ({ guardianLinkId: link.id, pupilId: link.pupilId })),
          );
        }
      }
      await deleteGrant(manager, actor.tenantId, grant.id);
      await this.auditLog.record(manager, {
        ...actor,
        action: 'delete',
        subjectType: 'grant',
        subjectId: grant.id,
        detail: { accountId, role: grant.role, schoolId: grant.schoolId },
      });
    });
    this.resolver.forgetAccount(actor.tenantId, accountId);
  }

  async rowsOf(db: Queryable, tenantId: string, accountIds: readonly string[]): Promise<GrantRow[]> {
    if (accountIds.length === 0) return [];
    return grantsOfAccounts(db, tenantId, accountIds);
  }

  private async requireAccount(db: Queryable, tenantId: string, accountId: string): Promise<void> {
    const account = await accountById(db, tenantId, accountId);
    if (!account) throw new NotFoundException('No such account.');
  }
}

/** School-scoped roles need schools; the others must not name any. */
function scopeProblems(request: GrantRequestDto, prefix: string): FieldError[] {
  const scoped = SCHOOL_SCOPED_ROLES.includes(request.role);
  if (!scoped && request.schoolIds !== undefined) {
    return [
      {
        field: `${prefix}schoolIds`,
        rule: 'notAllowed',
        message: `schoolIds is not allowed for the ${request.role} role, which covers the whole area or a guardian’s own children`,
      },
    ];
  }
  return [];
}
