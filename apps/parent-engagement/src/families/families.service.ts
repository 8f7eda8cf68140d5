import { HttpStatus, Injectable } from '@nestjs/common';
import { guardedPupils, type Identity } from '@tutti/auth';
import type { EventEnvelope } from '@tutti/contracts';
import { HandlesEvent, recordAudit, type AuditOrigin } from '@tutti/messaging';
import { decodeCursor, ProblemException, toPage, ValidationProblem, versionOfIfMatch, type Page } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { auditContext } from '../common/audit';
import { familyScopeOf } from '../common/family-scope';
import type { ContactPreferencesDto, FamilyDto, FamilyQueryDto } from './dto/contact-preferences.dto';
import {
  familiesPage,
  familyById,
  replaceFamilyChildren,
  updateContactPreferences,
  updateFamilyFromAccount,
  upsertFamilyFromAccount,
  upsertFamilyName,
  type AccountContact,
  type FamilyRow,
} from './families.queries';

/** A guardian's family (their children, as the gateway vouches) and how and when to reach them. */
@Injectable()
export class FamiliesService {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the family as the identity has it now (name, children), so staff can find it by school. */
  async ensureFamily(manager: EntityManager, identity: Identity): Promise<void> {
    const pupils = guardedPupils(identity);
    await upsertFamilyName(manager, identity.tenantId, identity.userId, identity.displayName);
    await replaceFamilyChildren(manager, identity.tenantId, identity.userId, pupils);
  }

  async mine(identity: Identity, origin: AuditOrigin): Promise<FamilyDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.ensureFamily(manager, identity);
      await recordAudit(manager, auditContext(identity, origin), { action: 'read', subjectType: 'family', subjectId: identity.userId });
      return toFamilyDto(await this.row(manager, identity.tenantId, identity.userId));
    });
  }

  async updatePreferences(
    identity: Identity,
    dto: ContactPreferencesDto,
    ifMatch: string | undefined,
    origin: AuditOrigin,
  ): Promise<FamilyDto> {
    if ((dto.quietHoursStart === null) !== (dto.quietHoursEnd === null)) {
      throw new ValidationProblem([
        {
          field: dto.quietHoursStart === null ? 'quietHoursStart' : 'quietHoursEnd',
          rule: 'pair',
          message: 'give both quietHoursStart and quietHoursEnd, or neither',
        },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      await this.ensureFamily(manager, identity);
      const updated = await updateContactPreferences(manager, identity.tenantId, identity.userId, dto, versionOfIfMatch(ifMatch));
      if (!updated)
        throw new ProblemException(
          HttpStatus.PRECONDITION_FAILED,
          'The contact preferences changed since you read them; reload and try again.',
        );
      await recordAudit(manager, auditContext(identity, origin), {
        action: 'update',
        subjectType: 'family',
        subjectId: identity.userId,
        detail: { change: 'contact-preferences' },
      });
      return toFamilyDto(await this.row(manager, identity.tenantId, identity.userId));
    });
  }

  /**
   * A guardian linked to a pupil: their family exists from now on (staff can reach it before the
   * guardian first signs in), with the account's contact unless the family chose its own.
   */
  @HandlesEvent('identity.guardian.linked')
  async applyGuardianLinked(event: EventEnvelope<'identity.guardian.linked'>, manager: EntityManager): Promise<void> {
    await upsertFamilyFromAccount(manager, event.tenantId, accountContactOf(event));
  }

  /** An account's new name or language reaches its family, if it has one, unless the family chose its own. */
  @HandlesEvent('identity.account.updated')
  async applyAccountUpdated(event: EventEnvelope<'identity.account.updated'>, manager: EntityManager): Promise<void> {
    await updateFamilyFromAccount(manager, event.tenantId, accountContactOf(event));
  }

  /** Families with a child in one of the caller's schools (all for the programme admin). */
  async list(identity: Identity, query: FamilyQueryDto, origin: AuditOrigin): Promise<Page<FamilyDto>> {
    const scope = familyScopeOf(identity);
    const after = decodeCursor(query.cursor, ['uuid']);
    const found = await familiesPage(this.dataSource, identity.tenantId, {
      allSchools: scope.seesAllSchools,
      schoolIds: scope.schoolIds ?? [],
      after: after?.[0] ?? null,
      limit: query.limit + 1,
    });
    const page = toPage(found, query.limit, toFamilyDto, (row) => [row.guardian_id]);
    if (page.items.length > 0) {
      const entries = page.items.map((family) => ({
        action: 'read' as const,
        subjectType: 'family' as const,
        subjectId: family.guardianId,
      }));
      await this.dataSource.transaction((manager) => recordAudit(manager, auditContext(identity, origin), entries));
    }
    return page;
  }

  private async row(manager: EntityManager, tenantId: string, guardianId: string): Promise<FamilyRow> {
    const row = await familyById(manager, tenantId, guardianId);
    if (!row) throw new Error('family row vanished inside its transaction');
    return row;
  }
}

function accountContactOf(event: EventEnvelope<'identity.guardian.linked' | 'identity.account.updated'>): AccountContact {
  const contact = event.payload;
  return {
    guardianId: contact.accountId,
    displayName: contact.displayName,
    email: contact.email,
    language: contact.preferredLanguage,
    eventAt: event.occurredAt,
    eventId: event.id,
  };
}

function toFamilyDto(row: FamilyRow): FamilyDto {
  return {
    guardianId: row.guardian_id,
    displayName: row.display_name,
    children: row.children,
    email: row.email,
    phone: row.phone,
    language: row.language,
    emailEnabled: row.email_enabled,
    smsEnabled: row.sms_enabled,
    quietHoursStart: row.quiet_hours_start?.slice(0, 5) ?? null,
    quietHoursEnd: row.quiet_hours_end?.slice(0, 5) ?? null,
    version: row.version,
  };
}
