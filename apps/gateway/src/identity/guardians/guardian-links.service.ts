import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ALL_SCHOOLS, inSchoolScope, staffSchoolScope, type Identity } from '@tutti/auth';
import { ConflictProblem, decodeCursor, isUniqueViolation, newId, toPage, type Page } from '@tutti/platform';
import { publishGuardianLinked } from '../accounts/account-events';
import { accountById } from '../accounts/accounts.queries';
import { AuditLogService } from '../audit/audit-log.service';
import type { AuditActor } from '../audit/audit-record';
import { GrantsService } from '../grants/grants.service';
import { IdentityResolver } from '../resolver/identity-resolver';
import { SchoolDirectory } from '../schools/school-directory.service';
import type { CreateGuardianLinkDto, GuardianLinkDto, ListGuardianLinksQueryDto } from './dto/guardian-link.dto';
import {
  deleteGuardianLink,
  guardianLinkById,
  guardianLinkOf,
  insertGuardianLink,
  listGuardianLinks,
  movePupilLinks,
  type GuardianLinkRow,
} from './guardian-links.queries';

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
    if (!inSchoolScope(staffSchoolScope(identity), request.schoolId))
      throw new NotFoundException(`No school ${request.schoolId} among yours.`);
    try {
      const link = await this.dataSource.transaction(async (manager) => {
        const account = await accountById(manager, identity.tenantId, request.accountId);
        if (!account) throw new NotFoundException('No such account.');
        await this.schools.requireSchools(manager, identity.tenantId, [request.schoolId]);
        const existing = await guardianLinkOf(manager, identity.tenantId, request.accountId, request.pupilId);
        if (existing) throw duplicateLink(existing);
        await this.grants.ensureGuardian(manager, actor, request.accountId);
        const row: GuardianLinkRow = {
          id: newId(),
          tenantId: identity.tenantId,
          ...request,
          createdAt: new Date(),
          createdBy: identity.userId,
        };
        await insertGuardianLink(manager, row);
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
      if (isUniqueViolation(error)) throw duplicateLink(request);
      throw error;
    } finally {
      this.resolver.forgetAccount(identity.tenantId, request.accountId);
    }
  }

  async remove(identity: Identity, actor: AuditActor, linkId: string): Promise<void> {
    const accountId = await this.dataSource.transaction(async (manager) => {
      const link = await guardianLinkById(manager, identity.tenantId, linkId);
      if (!link || !inSchoolScope(staffSchoolScope(identity), link.schoolId)) throw new NotFoundException('No such guardian link.');
      await deleteGuardianLink(manager, identity.tenantId, link.id);
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
    const scope = staffSchoolScope(identity);
    const links = await listGuardianLinks(
      this.dataSource,
      identity.tenantId,
      {
        schoolIds: scope === ALL_SCHOOLS ? undefined : [...scope],
        accountId: query.accountId,
        pupilId: query.pupilId,
        schoolId: query.schoolId,
        afterId: after ? String(after[0]) : undefined,
      },
      query.limit + 1,
    );
    const page = toPage(links, query.limit, toGuardianLinkDto, (row) => [row.id]);
    await this.auditLog.record(this.dataSource.manager, {
      ...actor,
      action: 'list',
      subjectType: 'guardian_link',
      subjectId: null,
      detail: {
        guardianLinkIds: page.items.map((item) => item.id),
        filters: { accountId: query.accountId, pupilId: query.pupilId, schoolId: query.schoolId },
      },
    });
    return page;
  }

  /** For the consumer of `scheduling.pupil.moved`: the pupil's links follow them to the new school. */
  async movePupil(tenantId: string, pupilId: string, toSchoolId: string): Promise<void> {
    const movedAccounts = await movePupilLinks(this.dataSource, tenantId, pupilId, toSchoolId);
    for (const accountId of movedAccounts) this.resolver.forgetAccount(tenantId, accountId);
  }
}

function duplicateLink(link: { accountId: string; pupilId: string; id?: string }): ConflictProblem {
  return new ConflictProblem('This account is already linked to this pupil.', [
    { guardianLinkId: link.id, accountId: link.accountId, pupilId: link.pupilId },
  ]);
}

export function toGuardianLinkDto(row: GuardianLinkRow): GuardianLinkDto {
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
