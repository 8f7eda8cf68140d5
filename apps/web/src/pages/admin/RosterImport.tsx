import { useState, type ChangeEvent, type FormEvent } from 'react';
import { answered, client, everyItem, type Schema } from '../../api/client';
import { useI18n } from '../../i18n';
import { Empty, Field, Loaded, Notice, SelectField, TableFrame, useLoad, useSubmit } from '../../ui';
import { ConflictNotice } from '../conflict-words';

type Summary = Schema<'scheduling.ImportSummaryDto'>;
const FIELDS = ['schoolId', 'csv', 'createClasses'] as const;

/**
 * The classes a dry run found the school lacks. The API reports them only as each naming row's
 * problem, in words (`no class "Oak" at this school: …`), so they are read from there.
 */
function unknownClassesOf(summary: Summary): string[] {
  const names = summary.problems
    .map((problem) => /^no class "(.+)" at this school/.exec(problem.reason)?.[1])
    .filter((name): name is string => !!name);
  return [...new Set(names)];
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A school's roster from its MIS export: choose the file, check it (a dry run: every problem by
 * row and column, the classes it would create, which column feeds which field), then import it,
 * with its progress; the same file again changes nothing, and says so.
 */
export function AdminRosterImport() {
  const { t } = useI18n();
  const schools = useLoad(
    () => everyItem(async (cursor) => (await client.GET('/api/scheduling/schools', { params: { query: { limit: 100, cursor } } })).data),
    [],
  );
  const [schoolId, setSchoolId] = useState('');
  const [fileName, setFileName] = useState('');
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<Summary | null>(null);
  const [createClasses, setCreateClasses] = useState<string[]>([]);
  const [offeredClasses, setOfferedClasses] = useState<string[]>([]);
  const [result, setResult] = useState<Summary | null>(null);
  const checking = useSubmit();
  const importing = useSubmit();

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setReport(null);
    setResult(null);
    setFileName(file?.name ?? '');
    setCsv(file ? await file.text() : '');
  };
  /**
   * A dry run. A class the school lacks is reported as a problem of each row naming it unless it is
   * named in createClasses, so the first run's unknown classes are offered as new classes (ticked)
   * and checked again with them; unticking one checks again without it.
   */
  const dryRun = (classes: string[] | null) =>
    checking.run(async () => {
      const run = async (names: string[]) =>
        answered(
          (await client.POST('/api/scheduling/imports/pupils', { body: { schoolId, csv, dryRun: true, createClasses: names } })).data,
        );
      let summary = await run(classes ?? []);
      const offered = classes ?? unknownClassesOf(summary);
      if (classes === null && offered.length > 0) summary = await run(offered);
      setReport(summary);
      setOfferedClasses((current) => (classes === null ? offered : current));
      setCreateClasses(offered.filter((name) => summary.newClasses.some((item) => item.className === name)));
    });
  const check = (event: FormEvent) => {
    event.preventDefault();
    setReport(null);
    setResult(null);
    void dryRun(null);
  };
  const toggleClass = (className: string, wanted: boolean) => {
    const next = wanted ? [...createClasses, className] : createClasses.filter((name) => name !== className);
    setCreateClasses(next);
    setResult(null);
    void dryRun(next);
  };
  const apply = () =>
    importing.run(async () => {
      let summary = answered((await client.POST('/api/scheduling/imports/pupils', { body: { schoolId, csv, createClasses } })).data);
      setResult(summary);
      // A long file goes on in the background: follow it until it is done.
      while (summary.status === 'running' && summary.id) {
        await wait(1000);
        summary = answered((await client.GET('/api/scheduling/imports/{importId}', { params: { path: { importId: summary.id } } })).data);
        setResult(summary);
      }
    });

  return (
    <>
      <h1>{t('admin.import.title')}</h1>
      <section className="card" aria-labelledby="import-file-heading">
        <h2 id="import-file-heading">{t('admin.import.step1')}</h2>
        <Loaded value={schools}>
          {(list) =>
            list.length === 0 ? (
              <Empty>{t('admin.import.noSchools')}</Empty>
            ) : (
              <form onSubmit={check} noValidate className="stack" data-testid="import-check">
                <ConflictNotice error={checking.error} fields={FIELDS} />
                <SelectField
                  label={t('school')}
                  error={checking.fieldError('schoolId')}
                  name="schoolId"
                  value={schoolId}
                  onChange={setSchoolId}
                  none={t('admin.import.chooseSchool')}
                  choices={list}
                />
                <Field label={t('admin.import.file')} hint={t('admin.import.fileHint')} error={checking.fieldError('csv')}>
                  {(props) => <input {...props} name="file" type="file" accept=".csv,text/csv" onChange={(event) => void choose(event)} />}
                </Field>
                {fileName && (
                  <p className="muted">{t('admin.import.chosen', { name: fileName, lines: csv.split(/\r?\n/).filter(Boolean).length })}</p>
                )}
                <button type="submit" className="button primary" disabled={checking.busy}>
                  {checking.busy ? t('admin.import.checking') : t('admin.import.check')}
                </button>
              </form>
            )
          }
        </Loaded>
      </section>
      {report && (
        <section className="card" aria-labelledby="import-report-heading" data-testid="import-report">
          <h2 id="import-report-heading">{t('admin.import.step2')}</h2>
          <p>
            {t('admin.import.wouldDo', {
              rows: report.totalRows,
              created: report.created,
              updated: report.updated,
              unchanged: report.unchanged,
              skipped: report.skipped,
            })}
          </p>
          {report.problems.length === 0 ? (
            <Notice>{t('admin.import.noProblems')}</Notice>
          ) : (
            <TableFrame
              label={t('admin.import.problems')}
              caption={t('admin.import.problemsCount', { n: report.problems.length })}
              testId="import-problems"
              columns={[t('admin.import.row'), t('admin.import.column'), t('admin.import.reason')]}
            >
              {report.problems.map((problem, index) => (
                <tr key={index}>
                  <td>{problem.row}</td>
                  <td>{problem.column}</td>
                  <td>{problem.reason}</td>
                </tr>
              ))}
            </TableFrame>
          )}
          {offeredClasses.length > 0 && (
            <fieldset className="checkbox-list" data-testid="new-classes">
              <legend>{t('admin.import.newClasses')}</legend>
              {offeredClasses.map((className) => {
                const rows = report.newClasses.find((item) => item.className === className)?.rows;
                return (
                  <label key={className} className="checkbox">
                    <input
                      type="checkbox"
                      name="createClasses"
                      value={className}
                      disabled={checking.busy}
                      checked={createClasses.includes(className)}
                      onChange={(event) => toggleClass(className, event.target.checked)}
                    />{' '}
                    {rows ? t('admin.import.newClass', { name: className, rows: rows.join(', ') }) : className}
                  </label>
                );
              })}
            </fieldset>
          )}
          {report.columns && report.columns.length > 0 && (
            <details>
              <summary>{t('admin.import.columns')}</summary>
              <ul>
                {report.columns.map((column) => (
                  <li key={column.field}>
                    {column.column} → {column.field}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <ConflictNotice error={importing.error} fields={[]} />
          <button type="button" className="button primary" disabled={importing.busy} onClick={() => void apply()}>
            {importing.busy ? t('admin.import.importing') : t('admin.import.apply')}
          </button>
        </section>
      )}
      {result && (
        <section className="card" aria-labelledby="import-result-heading" data-testid="import-result" aria-live="polite">
          <h2 id="import-result-heading">{t('admin.import.step3')}</h2>
          {result.status === 'running' && (
            <>
              <label htmlFor="import-progress">{t('admin.import.progress', { done: result.processedRows, of: result.totalRows })}</label>
              <progress id="import-progress" max={result.totalRows} value={result.processedRows} />
            </>
          )}
          {result.status === 'failed' && <Notice kind="error">{t('admin.import.failed')}</Notice>}
          {result.status === 'completed' &&
            (result.created + result.updated + result.classesCreated === 0 ? (
              <Notice>{t('admin.import.noChanges', { unchanged: result.unchanged })}</Notice>
            ) : (
              <Notice>
                {t('admin.import.done', {
                  created: result.created,
                  updated: result.updated,
                  unchanged: result.unchanged,
                  classes: result.classesCreated,
                  skipped: result.skipped,
                })}
              </Notice>
            ))}
        </section>
      )}
    </>
  );
}
