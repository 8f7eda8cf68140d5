import { HttpStatus, Injectable } from '@nestjs/common';
import { guardedPupils, type Identity } from '@tutti/auth';
import type { EventEnvelope } from '@tutti/contracts';
import { eventIsNewerSql, recordAudit, type AuditOrigin } from '@tutti/messaging';
import { decodeCursor, oneRow, ProblemException, rows, toPage, ValidationProblem, versionOfIfMatch, type Page } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { auditContext } from '../common/audit';
import { familyScopeOf } from '../common/family-scope';
import type { ContactPreferencesDto, FamilyDto, FamilyQueryDto } from './dto/contact-preferences.dto';

interface FamilyRow {
  guardian_id: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  language: string;
  email_enabled: boolean;
  sms_enabled: boolean;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
  version: number;
  children: { pupilId: string; schoolId: string }[];
}

const FAMILY_SELECT = `
  SELECT f.*, COALESCE((SELECT json_agg(json_build_object('pupilId', c.pupil_id, 'schoolId', c.school_id) ORDER BY c.pupil_id)
                          FROM family_children c WHERE c.tenant_id = f.tenant_id AND c.guardian_id = f.guardian_id), '[]') AS children
    FROM families f`;

/** The account's contact (columns of `from`) over a family row; what the family chose itself stays. */
const accountContactSet = (from: string) => `
  display_name = ${from}.display_name, account_email = ${from}.account_email, account_language = ${from}.account_language,
  email = CASE WHEN families.email_chosen THEN families.email ELSE ${from}.account_email END,
  language = CASE WHEN families.language_chosen THEN families.language ELSE ${from}.account_language END,
  account_event_at = ${from}.account_event_at, account_event_id = ${from}.account_event_id, version = families.version + 1, updated_at = now()`;

/** A guardian's family (their children, as the gateway vouches) and how and when to reach them. */
@Injectable()
export class FamiliesService {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the family as the identity has it now (name, children), so staff can find it by school. */
  async ensureFamily(manager: EntityManager, identity: Identity): Promise<void> {
    const pupils = guardedPupils(identity);
    await manager.query(
      `INSERT INTO families (tenant_id, guardian_id, display_name) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, guardian_id) DO UPDATE SET display_name = EXCLUDED.display_name WHERE families.display_name <> EXCLUDED.display_name`,
      [identity.tenantId, identity.userId, identity.displayName],
    );
    await manager.query(
      `DELETE FROM family_children WHERE tenant_id = $1 AND guardian_id = $2 AND NOT (pupil_id = ANY($3::uuid[]))`,
      [identity.tenantId, identity.userId, pupils.map((pupil) => pupil.pupilId)],
    );
    await manager.query(
      `INSERT INTO family_children (tenant_id, guardian_id, pupil_id, school_id)
       SELECT $1, $2, p.pupil_id, p.school_id FROM unnest($3::uuid[], $4::uuid[]) AS p(pupil_id, school_id)
       ON CONFLICT (tenant_id, guardian_id, pupil_id) DO UPDATE SET school_id = EXCLUDED.school_id`,
      [identity.tenantId, identity.userId, pupils.map((pupil) => pupil.pupilId), pupils.map((pupil) => pupil.schoolId)],
    );
  }

  async mine(identity: Identity, origin: AuditOrigin): Promise<FamilyDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.ensureFamily(manager, identity);
      await recordAudit(manager, auditContext(identity, origin), { action: 'read', subjectType: 'family', subjectId: identity.userId });
      return toFamilyDto(await this.row(manager, identity.tenantId, identity.userId));
    });
  }

  async updatePreferences(identity: Identity, dto: ContactPreferencesDto, ifMatch: string | undefined, origin: AuditOrigin): Promise<FamilyDto> {
    if ((dto.quietHoursStart === null) !== (dto.quietHoursEnd === null)) {
      throw new ValidationProblem([{ field: dto.quietHoursStart === null ? 'quietHoursStart' : 'quietHoursEnd', rule: 'pair', message: 'give both quietHoursStart and quietHoursEnd, or neither' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      await this.ensureFamily(manager, identity);
      // No email, or the account's: the family follows its account (and its changes); another address or language is the family's own choice.
      const updated = await oneRow<{ version: number }>(
        manager,
        `UPDATE families SET email = COALESCE($3, account_email), email_chosen = ($3::text IS NOT NULL AND lower($3) IS DISTINCT FROM lower(account_email)),
                phone = $4, language = $5, language_chosen = ($5 IS DISTINCT FROM COALESCE(account_language, 'en')),
                email_enabled = $6, sms_enabled = $7, quiet_hours_start = $8, quiet_hours_end = $9,
                version = version + 1, updated_at = now()
          WHERE tenant_id = $1 AND guardian_id = $2 AND ($10::int IS NULL OR version = $10) RETURNING version`,
        [identity.tenantId, identity.userId, dto.email, dto.phone, dto.language, dto.emailEnabled, dto.smsEnabled, dto.quietHoursStart, dto.quietHoursEnd, versionOfIfMatch(ifMatch)],
      );
      if (!updated) throw new ProblemException(HttpStatus.PRECONDITION_FAILED, 'The contact preferences changed since you read them; reload and try again.');
      await recordAudit(manager, auditContext(identity, origin), { action: 'update', subjectType: 'family', subjectId: identity.userId, detail: { change: 'contact-preferences' } });
      return toFamilyDto(await this.row(manager, identity.tenantId, identity.userId));
    });
  }

  /**
   * A guardian linked to a pupil: their family exists from now on (staff can reach it before the
   * guardian first signs in), with the account's contact unless the family chose its own.
   */
  async applyGuardianLinked(event: EventEnvelope<'identity.guardian.linked'>, manager: EntityManager): Promise<void> {
    const contact = event.payload;
    await manager.query(
      `INSERT INTO families (tenant_id, guardian_id, display_name, email, language, account_email, account_language, account_event_at, account_event_id)
       VALUES ($1, $2, $3, $4, $5, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, guardian_id) DO UPDATE SET ${accountContactSet('EXCLUDED')} WHERE ${eventIsNewerSql('families.account_event', 'EXCLUDED.account_event_at', 'EXCLUDED.account_event_id')}`,
      [event.tenantId, contact.accountId, contact.displayName, contact.email, contact.preferredLanguage, event.occurredAt, event.id],
    );
  }

  /** An account's new name or language reaches its family, if it has one, unless the family chose its own. */
  async applyAccountUpdated(event: EventEnvelope<'identity.account.updated'>, manager: EntityManager): Promise<void> {
    const contact = event.payload;
    await manager.query(
      `UPDATE families SET ${accountContactSet('new')}
         FROM (SELECT $3::text AS display_name, $4::text AS account_email, $5::text AS account_language, $6::timestamptz AS account_event_at, $7::uuid AS account_event_id) new
        WHERE families.tenant_id = $1 AND families.guardian_id = $2 AND ${eventIsNewerSql('families.account_event', 'new.account_event_at', 'new.account_event_id')}`,
      [event.tenantId, contact.accountId, contact.displayName, contact.email, contact.preferredLanguage, event.occurredAt, event.id],
    );
  }

  /** Families with a child in one of the caller's schools (all for the programme admin). */
  async list(identity: Identity, query: FamilyQueryDto, origin: AuditOrigin): Promise<Page<FamilyDto>> {
    const scope = familyScopeOf(identity);
    const after = decodeCursor(query.cursor, ['uuid']);
    const found = await rows<FamilyRow>(
      this.dataSource,
      `${FAMILY_SELECT}
        WHERE f.tenant_id = $1 AND ($2::boolean OR EXISTS (SELECT 1 FROM family_children c WHERE c.tenant_id = f.tenant_id AND c.guardian_id = f.guardian_id AND c.school_id = ANY($3::uuid[])))
          AND ($4::uuid IS NULL OR f.guardian_id > $4) ORDER BY f.guardian_id LIMIT $5`,
      [identity.tenantId, scope.seesAllSchools, scope.schoolIds ?? [], after?.[0] ?? null, query.limit + 1],
    );
    const page = toPage(found, query.limit, toFamilyDto, (row) => [row.guardian_id]);
    if (page.items.length > 0) {
      const entries = page.items.map((family) => ({ action: 'read' as const, subjectType: 'family' as const, subjectId: family.guardianId }));
      await this.dataSource.transaction((manager) => recordAudit(manager, auditContext(identity, origin), entries));
    }
    return page;
  }

  private async row(manager: EntityManager, tenantId: string, guardianId: string): Promise<FamilyRow> {
    const row = await oneRow<FamilyRow>(manager, `${FAMILY_SELECT} WHERE f.tenant_id = $1 AND f.guardian_id = $2`, [tenantId, guardianId]);
    if (!row) throw new Error('family row vanished inside its transaction');
    return row;
  }
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
