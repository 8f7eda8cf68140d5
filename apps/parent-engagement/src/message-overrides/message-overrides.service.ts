import { HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { ALL_SCHOOLS, inSchoolScope, staffSchoolScope, type Identity } from '@tutti/auth';
import { recordAudit, type AuditOrigin } from '@tutti/messaging';
import { newId, ProblemException, staleEdit, ValidationProblem } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { auditContext } from '../common/audit';
import type { ParentEngagementConfig } from '../config';
import { PARENT_ENGAGEMENT_CONFIG } from '../config.token';
import { FAMILY_CATALOGUES, familyTranslator, type FamilyMessageKey } from '../i18n/family-messages';
import { toHtml, toText } from '../reminders/templates';
import { TenantSettingsService } from '../tenant-settings/tenant-settings.service';
import type {
  FamilyMessageDto,
  MessageOverrideDto,
  MessagePreviewDto,
  MissingMessagesReportDto,
  PreviewMessageDto,
} from './dto/message-override.dto';
import type { MessageSettingsDto } from './dto/message-settings.dto';
import { schoolKnown } from '../roster/roster.queries';
import { messageSettings, schoolMessageSettings, updateMessageSettings, updateSchoolMessageSettings } from './message-settings.queries';
import { previewOf } from './message-previews';
import {
  areaOverrides,
  deleteOverride,
  familyLanguages,
  overrideOf,
  overridesOf,
  writeOverride,
  type MessageOverrideRow,
} from './message-overrides.queries';

/**
 * An area's own wording of the family messages (issue 17): a programme admin corrects or adds a
 * language message by message; what they write must be ICU MessageFormat with English's placeholders.
 * Every change is audited; two admins editing one message at once are told apart by If-Match.
 */
@Injectable()
export class MessageOverridesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tenantSettings: TenantSettingsService,
    @Inject(PARENT_ENGAGEMENT_CONFIG) private readonly config: ParentEngagementConfig,
  ) {}

  async list(identity: Identity, language?: string): Promise<MessageOverrideDto[]> {
    return (await areaOverrides(this.dataSource, identity.tenantId, language)).map(toOverrideDto);
  }

  async message(identity: Identity, language: string, key: FamilyMessageKey): Promise<FamilyMessageDto> {
    return familyMessage(language, key, await overrideOf(this.dataSource, identity.tenantId, language, key));
  }

  /** Writes the area's wording of `key` in `language` if nobody changed it since the caller's read (`version`, 0 for none). */
  async write(
    identity: Identity,
    language: string,
    key: FamilyMessageKey,
    message: string,
    version: number,
    origin: AuditOrigin,
  ): Promise<FamilyMessageDto> {
    refuseUnusable(key, message, 'message');
    return this.dataSource.transaction(async (manager) => {
      const written = await writeOverride(
        manager,
        identity.tenantId,
        { id: newId(), language, key, message, updatedBy: identity.userId },
        version,
      );
      if (!written) throw staleEdit('message', (await overrideOf(manager, identity.tenantId, language, key))?.version ?? 0);
      await recordAudit(manager, auditContext(identity, origin), {
        action: version === 0 ? 'create' : 'update',
        subjectType: 'message_override',
        subjectId: written.id,
        detail: { language, key },
      });
      return familyMessage(language, key, written);
    });
  }

  /** Removes the area's wording (the shipped one, or English's, applies again) if still at `version`. */
  async remove(identity: Identity, language: string, key: FamilyMessageKey, version: number, origin: AuditOrigin): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const deleted = await deleteOverride(manager, identity.tenantId, language, key, version);
      if (!deleted) {
        const current = await overrideOf(manager, identity.tenantId, language, key);
        if (!current) throw new ProblemException(HttpStatus.NOT_FOUND, `The area has no wording of ${key} in ${language}.`);
        throw staleEdit('message', current.version);
      }
      await recordAudit(manager, auditContext(identity, origin), {
        action: 'delete',
        subjectType: 'message_override',
        subjectId: deleted.id,
        detail: { language, key },
      });
    });
  }

  /** The message carrying `key` as a family of the area would get it in `language`, with sample facts (and a draft wording, if given). */
  async preview(identity: Identity, dto: PreviewMessageDto): Promise<MessagePreviewDto> {
    if (!FAMILY_CATALOGUES.isKey(dto.key))
      throw new ValidationProblem([{ field: 'key', rule: 'isFamilyMessage', message: `${dto.key} is not a family message` }]);
    if (dto.message !== undefined) refuseUnusable(dto.key, dto.message, 'message');
    const overrides = await overridesOf(this.dataSource, identity.tenantId, dto.language);
    const translator = familyTranslator(dto.language, dto.message === undefined ? overrides : { ...overrides, [dto.key]: dto.message });
    const { timeZone } = await this.tenantSettings.settingsOf(this.dataSource.manager, identity.tenantId);
    const message = previewOf(dto.key, translator, timeZone, (path) => this.config.publicLink(path));
    return { language: message.language, dir: message.dir, subject: message.subject, text: toText(message), html: toHtml(message) };
  }

  /**
   * Per language (the shipped ones, those the area has wording in, those its families chose): which
   * messages are neither shipped nor the area's own, and so reach those families in English.
   */
  async missing(identity: Identity): Promise<MissingMessagesReportDto> {
    const overrides = await areaOverrides(this.dataSource, identity.tenantId);
    const families = new Map(
      (await familyLanguages(this.dataSource, identity.tenantId))
        .filter((row) => /^[a-z]{2,3}$/.test(row.language))
        .map((row) => [row.language, row.families]),
    );
    const languages = [...new Set([...FAMILY_CATALOGUES.languages, ...overrides.map((row) => row.language), ...families.keys()])];
    return {
      messages: FAMILY_CATALOGUES.keys.length,
      languages: languages.map((language) => {
        const own = overrides.filter((row) => row.language === language).map((row) => row.key);
        return {
          language,
          shipped: (FAMILY_CATALOGUES.languages as string[]).includes(language),
          families: families.get(language) ?? 0,
          overridden: own.length,
          missing: FAMILY_CATALOGUES.missingIn(language, own),
        };
      }),
    };
  }

  async settings(identity: Identity): Promise<MessageSettingsDto> {
    const row = await messageSettings(this.dataSource, identity.tenantId);
    return { replyTo: row.reply_to, version: row.version };
  }

  /** Sets the area's Reply-To if nobody changed the settings since the caller's read (`version`, 0 for none). */
  async updateSettings(identity: Identity, replyTo: string | null, version: number): Promise<MessageSettingsDto> {
    const updated = await updateMessageSettings(this.dataSource, identity.tenantId, replyTo, identity.userId, version);
    if (!updated) throw staleEdit('message settings', (await messageSettings(this.dataSource, identity.tenantId)).version);
    return { replyTo: updated.reply_to, version: updated.version };
  }

  /** A school's own settings, for its headteacher or the area's programme admin; 404 for another school. */
  async schoolSettings(identity: Identity, schoolId: string): Promise<MessageSettingsDto> {
    await this.mustManageSchool(identity, schoolId);
    const row = await schoolMessageSettings(this.dataSource, identity.tenantId, schoolId);
    return { replyTo: row.reply_to, version: row.version };
  }

  /** Sets a school's Reply-To if nobody changed it since the caller's read (`version`, 0 for none). */
  async updateSchoolSettings(identity: Identity, schoolId: string, replyTo: string | null, version: number): Promise<MessageSettingsDto> {
    await this.mustManageSchool(identity, schoolId);
    const updated = await updateSchoolMessageSettings(this.dataSource, identity.tenantId, schoolId, replyTo, identity.userId, version);
    if (!updated)
      throw staleEdit('school message settings', (await schoolMessageSettings(this.dataSource, identity.tenantId, schoolId)).version);
    return { replyTo: updated.reply_to, version: updated.version };
  }

  /** A headteacher manages their own schools; the programme admin any school of the area. */
  private async mustManageSchool(identity: Identity, schoolId: string): Promise<void> {
    const scope = staffSchoolScope(identity, ['headteacher']);
    const mine = scope === ALL_SCHOOLS ? await schoolKnown(this.dataSource, identity.tenantId, schoolId) : inSchoolScope(scope, schoolId);
    if (!mine) throw new NotFoundException('No such school among yours.');
  }
}

/** A 400 naming `field` for wording that cannot stand for English's (not ICU; placeholders that differ, named). */
function refuseUnusable(key: string, message: string, field: string): void {
  const problem = FAMILY_CATALOGUES.problemOf(key, message);
  if (problem) throw new ValidationProblem([{ field, rule: problem.rule, message: problem.detail }]);
}

function familyMessage(language: string, key: FamilyMessageKey, override: MessageOverrideRow | undefined): FamilyMessageDto {
  const shipped = FAMILY_CATALOGUES.shippedEntry(language, key);
  const english = FAMILY_CATALOGUES.shippedEntry('en', key)?.message ?? '';
  return {
    language,
    key,
    message: override?.message ?? shipped?.message ?? english,
    source: override ? 'override' : shipped ? 'catalogue' : 'english',
    shipped: shipped?.message ?? null,
    shippedDescription: shipped?.description ?? null,
    english,
    placeholders: FAMILY_CATALOGUES.placeholders(key),
    version: override?.version ?? 0,
  };
}

function toOverrideDto(row: MessageOverrideRow): MessageOverrideDto {
  return {
    language: row.language,
    key: row.key,
    message: row.message,
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
  };
}
