import { HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { ALL_SCHOOLS, inSchoolScope, staffSchoolScope, type Identity } from '@tutti/auth';
import { recordAudit, type AuditOrigin } from '@tutti/messaging';
import {
  csvDocument,
  newId,
  onceForKey,
  parseCsv,
  ProblemException,
  staleEdit,
  ValidationProblem,
  type CsvFile,
  type FieldError,
} from '@tutti/platform';
import { DataSource } from 'typeorm';
import { auditContext } from '../common/audit';
import type { ParentEngagementConfig } from '../config';
import { PARENT_ENGAGEMENT_CONFIG } from '../config.token';
import { FAMILY_CATALOGUES, familyTranslator, type FamilyMessageKey } from '../i18n/family-messages';
import { toHtml, toText } from '../reminders/templates';
import { TenantSettingsService } from '../tenant-settings/tenant-settings.service';
import type {
  FamilyMessageCatalogueDto,
  FamilyMessageDto,
  MessageOverrideImportDto,
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

  /** Every family message key in `language`: English, its placeholders, what the area's families get now and from where. */
  async catalogue(identity: Identity, language: string): Promise<FamilyMessageCatalogueDto> {
    const own = new Map((await areaOverrides(this.dataSource, identity.tenantId, language)).map((row) => [row.key, row]));
    return {
      language,
      messages: FAMILY_CATALOGUES.keys.length,
      items: FAMILY_CATALOGUES.keys.map((key) => familyMessage(language, key, own.get(key))),
    };
  }

  /** The catalogue as a spreadsheet (UTF-8 with a BOM, formula-like cells neutralised), to translate and upload back. */
  async catalogueCsv(identity: Identity, language: string): Promise<CsvFile> {
    const { items } = await this.catalogue(identity, language);
    return {
      fileName: `family-messages-${language}.csv`,
      body: csvDocument(
        CATALOGUE_COLUMNS,
        items.map((item) => [item.key, item.english, item.placeholders.join(' '), item.message, item.source]),
        { bom: true },
      ),
    };
  }

  /**
   * The catalogue CSV back from a translator: each row whose wording differs from what families get
   * now becomes the area's wording, in one transaction, each audited as a single write is. An unknown
   * key, a key twice, or wording a single PUT would refuse refuses the whole file (400 naming each row).
   */
  async import(
    identity: Identity,
    language: string,
    csv: string,
    idempotencyKey: string | undefined,
    origin: AuditOrigin,
  ): Promise<MessageOverrideImportDto> {
    const rows = importedRows(csv);
    return this.dataSource.transaction((manager) =>
      onceForKey(
        manager,
        {
          tenantId: identity.tenantId,
          callerId: identity.userId,
          operation: 'import-message-overrides',
          key: idempotencyKey,
          request: { language, csv },
        },
        async () => {
          const own = new Map((await areaOverrides(manager, identity.tenantId, language)).map((row) => [row.key, row]));
          const counts = { created: 0, changed: 0, unchanged: 0 };
          for (const row of rows) {
            const current = own.get(row.key);
            if (row.wording === '' || row.wording === familyMessage(language, row.key, current).message) {
              counts.unchanged++;
              continue;
            }
            const version = current?.version ?? 0;
            const written = await writeOverride(
              manager,
              identity.tenantId,
              { id: newId(), language, key: row.key, message: row.wording, updatedBy: identity.userId },
              version,
            );
            if (!written)
              throw new ProblemException(
                HttpStatus.CONFLICT,
                `Another admin changed ${row.key} in ${language} during the import; upload the file again.`,
              );
            await recordAudit(manager, auditContext(identity, origin), {
              action: version === 0 ? 'create' : 'update',
              subjectType: 'message_override',
              subjectId: written.id,
              detail: { language, key: row.key, import: true },
            });
            counts[version === 0 ? 'created' : 'changed']++;
          }
          return { language, ...counts };
        },
      ),
    );
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

/** The catalogue CSV's columns; an upload needs key and wording, and the others are read for nothing. */
export const CATALOGUE_COLUMNS = ['key', 'english', 'placeholders', 'wording', 'source'] as const;

/**
 * The rows of an uploaded catalogue CSV, checked: a 400 naming `csv` for a file that is not CSV or
 * lacks the key or wording column, else one naming each bad row as `rows[n].key` or `rows[n].wording`
 * (n: the spreadsheet's row number, the header being row 1).
 */
function importedRows(csv: string): { key: FamilyMessageKey; wording: string }[] {
  const parsed = parseCsv(csv);
  if ('error' in parsed) throw new ValidationProblem([{ field: 'csv', rule: 'csv', message: parsed.error }]);
  const [header, ...records] = parsed.records;
  const columns = (header?.fields ?? []).map((name) => name.trim().toLowerCase());
  const keyAt = columns.indexOf('key');
  const wordingAt = columns.indexOf('wording');
  if (keyAt < 0 || wordingAt < 0)
    throw new ValidationProblem([
      {
        field: 'csv',
        rule: 'header',
        message: `csv must start with a header row naming key and wording (${CATALOGUE_COLUMNS.join(', ')})`,
      },
    ]);
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const found: { key: FamilyMessageKey; wording: string }[] = [];
  for (const record of records) {
    const key = (record.fields[keyAt] ?? '').trim();
    const wording = fromCsvCell(record.fields[wordingAt] ?? '');
    const row = `rows[${record.line}]`;
    if (!FAMILY_CATALOGUES.isKey(key)) {
      errors.push({ field: `${row}.key`, rule: 'isFamilyMessage', message: `${row}.key: ${key || '(blank)'} is not a family message` });
      continue;
    }
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      errors.push({ field: `${row}.key`, rule: 'unique', message: `${row}.key: ${key} is also on row ${firstLine}` });
      continue;
    }
    seen.set(key, record.line);
    const problem = wording === '' ? undefined : FAMILY_CATALOGUES.problemOf(key, wording);
    if (problem) errors.push({ field: `${row}.wording`, rule: problem.rule, message: `${row}.wording: ${problem.detail}` });
    else found.push({ key, wording });
  }
  if (errors.length > 0) throw new ValidationProblem(errors);
  return found;
}

/** A cell as written before csvDocument neutralised it: its leading apostrophe before = + - @ dropped again. */
function fromCsvCell(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
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
