import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { ALL_SCHOOLS, inSchoolScope, staffSchoolScope, type Identity } from '@tutti/auth';
import { ConflictProblem, decodeCursor, newId, toPage, type Page } from '@tutti/platform';
import { publishGuardianLinked } from '../accounts/account-events';
import { Account } from '../accounts/account.entity';
import { AuditLogService } from '../audit/audit-log.service';
import type { AuditActor } from '../audit/audit-record';
import { GrantsService } from '../grants/grants.service';
import { IdentityResolver } from '../resolver/identity-resolver';
import { SchoolDirectory } from '../schools/school-directory.service';
import type { CreateGuardianLinkDto, GuardianLinkDto, ListGuardianLinksQueryDto } from './dto/guardian-link.dto';
import { GuardianLink } from './guardian-link.entity';

/**
 * Guardian ↔ pupil links. Programme admins manage every link of their area; headteachers and
 * school staff those of their own schools' pupils. A link the caller may not see is "not found".
 */
@Injectable()
export class GuardianLinksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly grants: GrantsService,
    private readonly schools: SchoolDirectory,
    private readonly auditLog: AuditLogService,
    private readonly resolver: IdentityResolver,
  ) {}

  async create(identity: Identity, actor: AuditActor, request: CreateGuardianLinkDto): Promise<GuardianLinkDto> {
    if (!inSchoolScope(staffSchoolScope(identity), request.schoolId)) throw new NotFoundException(`No school ${request.schoolId} among yours.`);
    try {
      const link = await this.dataSource.transaction(async (manager) => {
        const account = await manager.findOneBy(Account, { tenantId: identity.tenantId, id: request.accountId });
        if (!account) throw new NotFoundException('No such account.');
        await this.schools.requireSchools(manager, identity.tenantId, [request.schoolId]);
        const existing = await manager.findOneBy(GuardianLink, { tenantId: identity.tenantId, accountId: request.accountId, pupilId: request.pupilId });
        if (existing) throw duplicateLink(existing);
        await this.grants.ensureGuardian(manager, actor, request.accountId);
        const row: GuardianLink = { id: newId(), tenantId: identity.tenantId, ...request, createdAt: new Date(), createdBy: identity.userId };
        await manager.insert(GuardianLink, row);
        await publishGuardianLinked(manager, account, row);
        await this.auditLog.record(manager, {
          ...actor,
          action: 'create',
          subjectType: 'guardian_link',
          subjectId: row.id,
          detail: { accountId: row.accountId, pupilId: row.pupilId, schoolId: row.schoolId, relationship: row.relationship },
        });
        return row;
      });
      return toGuardianLinkDto(link);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') throw duplicateLink(request);
      throw error;
    } finally {
      this.resolver.forgetAccount(identity.tenantId, request.accountId);
    }
  }

  async remove(identity: Identity, actor: AuditActor, linkId: string): Promise<void> {
    const accountId = await this.dataSource.transaction(async (manager) => {
      const link = await manager.findOneBy(GuardianLink, { tenantId: identity.tenantId, id: linkId });
      if (!link || !inSchoolScope(staffSchoolScope(identity), link.schoolId)) throw new NotFoundException('No such guardian link.');
      await manager.delete(GuardianLink, { tenantId: identity.tenantId, id: link.id });
      await this.auditLog.record(manager, {
        ...actor,
        action: 'delete',
        subjectType: 'guardian_link',
        subjectId: link.id,
        detail: { accountId: link.accountId, pupilId: link.pupilId, schoolId: link.schoolId },
      });
      return link.accountId;
    });
    this.resolver.forgetAccount(identity.tenantId, accountId);
  }

  async list(identity: Identity, actor: AuditActor, query: ListGuardianLinksQueryDto): Promise<Page<GuardianLinkDto>> {
    const after = decodeCursor(query.cursor, ['uuid']);
    const rows = this.dataSource
      .getRepository(GuardianLink)
      .createQueryBuilder('l')
      .where('l.tenantId = :tenantId', { tenantId: identity.tenantId })
      .orderBy('l.id', 'ASC')
      .limit(query.limit + 1);
    const scope = staffSchoolScope(identity);
    if (scope !== ALL_SCHOOLS) rows.andWhere('l.schoolId IN (:...schoolIds)', { schoolIds: scope.size > 0 ? [...scope] : ['00000000-0000-0000-0000-000000000000'] });
    if (query.accountId) rows.andWhere('l.accountId = :accountId', { accountId: query.accountId });
    if (query.pupilId) rows.andWhere('l.pupilId = :pupilId', { pupilId: query.pupilId });
    if (query.schoolId) rows.andWhere('l.schoolId = :schoolId', { schoolId: query.schoolId });
    if (after) rows.andWhere('l.id > :afterId', { afterId: after[0] });
    const page = toPage(await rows.getMany(), query.limit, toGuardianLinkDto, (row) => [row.id]);
    await this.auditLog.record(this.dataSource.manager, {
      ...actor,
      action: 'list',
      subjectType: 'guardian_link',
      subjectId: null,
      detail: { guardianLinkIds: page.items.map((item) => item.id), filters: { accountId: query.accountId, pupilId: query.pupilId, schoolId: query.schoolId } },
    });
    return page;
  }

  /** For the consumer of `scheduling.pupil.moved`: the pupil's links follow them to the new school. */
  async movePupil(tenantId: string, pupilId: string, toSchoolId: string): Promise<void> {
    const moved: { account_id: string }[] = await this.dataSource.query(
      `UPDATE guardian_links SET school_id = $3 WHERE tenant_id = $1 AND pupil_id = $2 AND school_id <> $3 RETURNING account_id`,
      [tenantId, pupilId, toSchoolId],
    );
    for (const row of moved) this.resolver.forgetAccount(tenantId, row.account_id);
  }
}

function duplicateLink(link: { accountId: string; pupilId: string; id?: string }): ConflictProblem {
  return new ConflictProblem('This account is already linked to this pupil.', [{ guardianLinkId: link.id, accountId: link.accountId, pupilId: link.pupilId }]);
}

export function toGuardianLinkDto(row: GuardianLink): GuardianLinkDto {
  return {
    id: row.id,
    accountId: row.accountId,
    pupilId: row.pupilId,
    schoolId: row.schoolId,
    relationship: row.relationship,
    canBookTransport: row.canBookTransport,
    canGiveConsent: row.canGiveConsent,
    createdAt: row.createdAt.toISOString(),
  };
}
