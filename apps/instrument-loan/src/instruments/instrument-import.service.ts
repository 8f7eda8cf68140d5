import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isIsoDate, isoDate, newId, parseCsv, ValidationProblem, type Queryable } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { schoolIdsByUrn } from '../pupils/pupils.queries';
import { ASSET_TAG, type ImportReportDto, type ImportRowReportDto } from './dto/instrument.dto';
import {
  CONDITION_GRADES,
  INSTRUMENT_FAMILY_OF,
  INSTRUMENT_TYPES,
  OWNER_KINDS,
  sizeProblem,
  type InstrumentType,
} from './instrument-catalogue';
import {
  insertImportedInstrument,
  instrumentsByTags,
  updateInstrumentDescription,
  type InstrumentDescription,
  type InstrumentRecord,
} from './instruments.queries';

const REQUIRED_COLUMNS = ['asset_tag', 'type'] as const;
const OPTIONAL_COLUMNS = [
  'size',
  'make',
  'model',
  'serial',
  'purchased_on',
  'purchase_value_pence',
  'owner',
  'owner_school_urn',
  'location',
  'condition',
] as const;
const KNOWN_COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
export const MAX_IMPORT_ROWS = 5000;

/** The descriptive fields an import sets (the family follows from the type); status is never imported (loans and repairs own it). */
type ImportedFields = Omit<InstrumentDescription, 'family' | 'type'> & { type: InstrumentType };

type RowProblem = { column: string; reason: string };

/**
 * Bulk import of stock from CSV: every row is checked and reported (line, column, reason); a dry
 * run changes nothing; a real run writes the good rows in one transaction. Rows are matched by
 * asset tag, so running the same file twice changes nothing the second time.
 */
@Injectable()
export class InstrumentImportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async import(tenantId: string, csv: string, dryRun: boolean): Promise<ImportReportDto> {
    const parsed = parseCsv(csv);
    if ('error' in parsed) throw new ValidationProblem([{ field: 'csv', rule: 'csv', message: parsed.error }]);
    const [header, ...records] = parsed.records;
    if (!header) throw new ValidationProblem([{ field: 'csv', rule: 'header', message: 'csv must start with a header row' }]);
    const columns = header.fields.map((name) => name.trim().toLowerCase());
    const unknown = columns.filter((name) => !KNOWN_COLUMNS.includes(name));
    const missing = REQUIRED_COLUMNS.filter((name) => !columns.includes(name));
    if (unknown.length > 0 || missing.length > 0) {
      const problems = [
        ...missing.map((name) => `missing column ${name}`),
        ...unknown.map((name) => `unknown column ${name} (known: ${KNOWN_COLUMNS.join(', ')})`),
      ];
      throw new ValidationProblem([{ field: 'csv', rule: 'header', message: problems.join('; ') }]);
    }
    if (records.length > MAX_IMPORT_ROWS)
      throw new ValidationProblem([
        { field: 'csv', rule: 'maxRows', message: `csv may hold at most ${MAX_IMPORT_ROWS} rows; split the file` },
      ]);

    const work = async (manager: EntityManager): Promise<ImportReportDto> => {
      const schoolsByUrn = await schoolIdsByUrn(manager, tenantId);
      const seenTags = new Map<string, number>();
      const checked = records.map((record) => {
        const cell = (name: string) => {
          const index = columns.indexOf(name);
          const value = index >= 0 ? (record.fields[index] ?? '').trim() : '';
          return value === '' ? null : value;
        };
        const problems: RowProblem[] = [];
        if (record.fields.length !== columns.length)
          problems.push({ column: '*', reason: `has ${record.fields.length} fields; the header has ${columns.length}` });
        const fields = readRow(cell, schoolsByUrn, problems);
        if (fields) {
          const key = fields.assetTag.toLowerCase();
          const firstLine = seenTags.get(key);
          if (firstLine !== undefined)
            problems.push({ column: 'asset_tag', reason: `asset tag ${fields.assetTag} is also on line ${firstLine}` });
          else seenTags.set(key, record.line);
        }
        return { line: record.line, assetTag: cell('asset_tag'), fields: problems.length === 0 ? fields : null, problems };
      });

      const tags = checked.flatMap((row) => (row.fields ? [row.fields.assetTag] : []));
      const existing = new Map((await instrumentsByTags(manager, tenantId, tags, !dryRun)).map((row) => [row.asset_tag, row]));
      const report: ImportRowReportDto[] = [];
      for (const row of checked) {
        if (!row.fields) {
          report.push({ row: row.line, assetTag: row.assetTag, outcome: 'error', errors: row.problems });
          continue;
        }
        const current = existing.get(row.fields.assetTag);
        const outcome = !current ? 'create' : sameFields(current, row.fields) ? 'unchanged' : 'update';
        if (!dryRun && outcome !== 'unchanged') await write(manager, tenantId, row.fields, current);
        report.push({ row: row.line, assetTag: row.fields.assetTag, outcome, errors: [] });
      }
      const summary = { create: 0, update: 0, unchanged: 0, error: 0 };
      for (const row of report) summary[row.outcome]++;
      return { dryRun, applied: !dryRun, summary, rows: report };
    };
    return dryRun ? work(this.dataSource.manager) : this.dataSource.transaction(work);
  }
}

function readRow(cell: (name: string) => string | null, schoolsByUrn: Map<string, string>, problems: RowProblem[]): ImportedFields | null {
  const assetTag = cell('asset_tag');
  if (!assetTag) problems.push({ column: 'asset_tag', reason: 'is required' });
  else if (!ASSET_TAG.test(assetTag))
    problems.push({ column: 'asset_tag', reason: '1–40 letters, digits, _ . / or -, starting with a letter or digit' });

  const typeText =
    cell('type')
      ?.toLowerCase()
      .replace(/[\s-]+/g, '_') ?? null;
  const type = typeText && (INSTRUMENT_TYPES as string[]).includes(typeText) ? (typeText as InstrumentType) : null;
  if (!typeText) problems.push({ column: 'type', reason: 'is required' });
  else if (!type) problems.push({ column: 'type', reason: `unknown instrument type "${cell('type')}"` });

  const size = cell('size');
  if (type) {
    const sizeError = sizeProblem(type, size);
    if (sizeError) problems.push({ column: 'size', reason: sizeError });
  }

  const purchasedOn = cell('purchased_on');
  if (purchasedOn && !isIsoDate(purchasedOn)) problems.push({ column: 'purchased_on', reason: 'must be a date as YYYY-MM-DD' });

  const valueText = cell('purchase_value_pence');
  const purchaseValuePence = valueText === null ? null : /^\d{1,9}$/.test(valueText) ? Number(valueText) : NaN;
  if (Number.isNaN(purchaseValuePence))
    problems.push({ column: 'purchase_value_pence', reason: 'must be a whole number of pence, e.g. 45000 for £450' });

  const ownerKind = cell('owner')?.toLowerCase() ?? 'programme';
  if (!(OWNER_KINDS as readonly string[]).includes(ownerKind))
    problems.push({ column: 'owner', reason: `must be one of ${OWNER_KINDS.join(', ')}` });
  const urn = cell('owner_school_urn');
  let ownerSchoolId: string | null = null;
  if (ownerKind === 'school') {
    if (!urn) problems.push({ column: 'owner_school_urn', reason: 'is required when the owner is a school' });
    else if (!schoolsByUrn.has(urn)) problems.push({ column: 'owner_school_urn', reason: `no school of this area has URN ${urn}` });
    else ownerSchoolId = schoolsByUrn.get(urn) ?? null;
  } else if (urn) problems.push({ column: 'owner_school_urn', reason: 'only for instruments a school owns' });

  const condition = cell('condition')?.toLowerCase() ?? 'good';
  if (!(CONDITION_GRADES as readonly string[]).includes(condition))
    problems.push({ column: 'condition', reason: `must be one of ${CONDITION_GRADES.join(', ')}` });

  for (const column of ['make', 'model', 'serial', 'location']) {
    if ((cell(column)?.length ?? 0) > (column === 'location' ? 200 : 100)) problems.push({ column, reason: 'is too long' });
  }
  if (problems.length > 0 || !assetTag || !type) return null;
  return {
    assetTag,
    type,
    size,
    make: cell('make'),
    model: cell('model'),
    serial: cell('serial'),
    purchasedOn,
    purchaseValuePence,
    ownerKind,
    ownerSchoolId,
    location: cell('location'),
    condition,
  };
}

function sameFields(current: InstrumentRecord, next: ImportedFields): boolean {
  return (
    current.type === next.type &&
    current.size === next.size &&
    current.make === next.make &&
    current.model === next.model &&
    current.serial === next.serial &&
    isoDate(current.purchased_on) === next.purchasedOn &&
    current.purchase_value_pence === next.purchaseValuePence &&
    current.owner_kind === next.ownerKind &&
    current.owner_school_id === next.ownerSchoolId &&
    current.location === next.location &&
    current.condition === next.condition
  );
}

async function write(db: Queryable, tenantId: string, fields: ImportedFields, current: InstrumentRecord | undefined): Promise<void> {
  const description = { ...fields, family: INSTRUMENT_FAMILY_OF[fields.type] };
  if (current) await updateInstrumentDescription(db, tenantId, current.id, description);
  else await insertImportedInstrument(db, tenantId, newId(), description);
}
