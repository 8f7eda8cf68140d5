import { useState } from 'react';
import { saveFile } from '../../api';
import { answered, client, type Schema } from '../../api/client';
import { useI18n } from '../../i18n';
import { Empty, FigureRow, FormError, Loaded, Notice, TableFrame, useLoad } from '../../ui';

type Figure = Schema<'scheduling.FigureDto'>;
type Behind = Schema<'scheduling.FigurePupilsDto'>;
type Report = 'annual-return' | 'transition';
/** A figure's cell, or its total (cell undefined), asked for by a click. */
type Chosen = { report: Report; figureId: string; cell?: string };

/** Figures that count schools, performances, families or people rather than pupils: no click-through. */
const NOT_PUPILS = new Set(['schools-worked-with', 'performances-given', 'performance-audience', 'audience-people', 'family-engagement']);

/** The academic year (2025-26) that holds today, and the four before it. */
function academicYears(today = new Date()): string[] {
  const first = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
  return Array.from({ length: 5 }, (_, i) => `${first - i}-${String((first - i + 1) % 100).padStart(2, '0')}`);
}

/**
 * Evidence for funders (issue 18): the area's annual data return and the transition report, each
 * figure with how it is computed; small counts suppressed as the API publishes them; a click on a
 * count lists the pseudonymised pupils behind it (nobody behind a suppressed one); the return as CSV or XLSX.
 */
export function AnnualReturnPage() {
  const { t } = useI18n();
  const years = academicYears();
  const [year, setYear] = useState(years[1]);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [fileError, setFileError] = useState<unknown>(null);
  const annual = useLoad(
    async () => answered((await client.GET('/api/scheduling/reports/annual-return', { params: { query: { academicYear: year } } })).data),
    [year],
  );
  const transition = useLoad(
    async () => answered((await client.GET('/api/scheduling/reports/transition', { params: { query: { academicYear: year } } })).data),
    [year],
  );
  const download = async (extension: 'csv' | 'xlsx') => {
    setFileError(null);
    try {
      await saveFile(
        client.GET(extension === 'csv' ? '/api/scheduling/reports/annual-return.csv' : '/api/scheduling/reports/annual-return.xlsx', {
          params: { query: { academicYear: year } },
          parseAs: 'blob',
        }),
        `annual-return-${year}.${extension}`,
      );
    } catch (error) {
      setFileError(error);
    }
  };
  return (
    <>
      <h1>{t('evidence.title')}</h1>
      <p>{t('evidence.intro')}</p>
      <div className="actions">
        <label>
          {t('evidence.year')}{' '}
          <select
            name="academicYear"
            value={year}
            onChange={(event) => {
              setYear(event.target.value);
              setChosen(null);
            }}
          >
            {years.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" onClick={() => void download('csv')}>
          {t('evidence.downloadCsv')}
        </button>
        <button type="button" className="button" onClick={() => void download('xlsx')}>
          {t('evidence.downloadXlsx')}
        </button>
      </div>
      {fileError !== null && <FormError error={fileError} fields={['academicYear']} />}
      {chosen && <PupilsBehind chosen={chosen} year={year} onClose={() => setChosen(null)} />}
      <section aria-labelledby="annual-return-heading">
        <h2 id="annual-return-heading">{t('evidence.annualReturn')}</h2>
        <Loaded value={annual}>
          {(report) => (
            <Figures figures={report.figures} onChoose={(figureId, cell) => setChosen({ report: 'annual-return', figureId, cell })} />
          )}
        </Loaded>
      </section>
      <section aria-labelledby="transition-heading">
        <h2 id="transition-heading">{t('evidence.transition')}</h2>
        <p>{t('evidence.transitionIntro')}</p>
        <Loaded value={transition}>
          {(report) => (
            <Figures figures={report.figures} onChoose={(figureId, cell) => setChosen({ report: 'transition', figureId, cell })} />
          )}
        </Loaded>
      </section>
    </>
  );
}

function Figures({ figures, onChoose }: { figures: Figure[]; onChoose: (figureId: string, cell?: string) => void }) {
  const { t } = useI18n();
  if (figures.length === 0) return <Empty>{t('evidence.none')}</Empty>;
  return (
    <div className="reports">
      {figures.map((figure) => {
        const clickable = !NOT_PUPILS.has(figure.id);
        const count = (value: number | null, cell?: string, label?: string) =>
          value === null ? (
            <span title={t('evidence.suppressedWhy')}>{t('evidence.suppressed')}</span>
          ) : clickable ? (
            <button
              type="button"
              className="button link"
              onClick={() => onChoose(figure.id, cell)}
              aria-label={t('evidence.whoIsBehind', { n: value, what: `${figure.title}: ${label ?? t('evidence.total')}` })}
            >
              {value}
            </button>
          ) : (
            value
          );
        return (
          <section key={figure.id} className="panel" aria-label={figure.title}>
            <TableFrame
              label={figure.title}
              caption={figure.title}
              figures
              columns={[t('evidence.breakdown'), t('evidence.count'), t('evidence.percent')]}
              footer={<FigureRow cells={[t('evidence.total'), count(figure.total), '']} />}
            >
              {figure.cells.map((cell) => (
                <FigureRow
                  key={cell.key}
                  cells={[cell.label, count(cell.count, cell.key, cell.label), cell.percent === null ? '' : `${cell.percent}%`]}
                />
              ))}
            </TableFrame>
            <p className="hint">
              <strong>{t('evidence.howComputed')}</strong> {figure.howComputed}
            </p>
          </section>
        );
      })}
    </div>
  );
}

function PupilsBehind({ chosen, year, onClose }: { chosen: Chosen; year: string; onClose: () => void }) {
  const { t } = useI18n();
  const behind = useLoad(async (): Promise<Behind> => {
    const query = { academicYear: year, ...(chosen.cell === undefined ? {} : { cell: chosen.cell }) };
    const path = { figureId: chosen.figureId };
    return answered(
      chosen.report === 'annual-return'
        ? (await client.GET('/api/scheduling/reports/annual-return/figures/{figureId}/pupils', { params: { path, query } })).data
        : (await client.GET('/api/scheduling/reports/transition/figures/{figureId}/pupils', { params: { path, query } })).data,
    );
  }, [chosen.report, chosen.figureId, chosen.cell, year]);
  return (
    <section className="panel" aria-labelledby="pupils-behind-heading">
      <Loaded value={behind}>
        {(found) => (
          <>
            <h2 id="pupils-behind-heading">{t('evidence.pupilsBehind', { figure: found.figureTitle, cell: found.cellLabel })}</h2>
            {found.suppressed ? (
              <Notice kind="info">{t('evidence.suppressedNobody')}</Notice>
            ) : found.pupils.length === 0 ? (
              <Empty>{t('evidence.nobody')}</Empty>
            ) : (
              <ul className="pseudonyms">
                {found.pupils.map((pupil) => (
                  <li key={pupil.pseudonym}>
                    <code>{pupil.pseudonym}</code>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
      <div className="actions">
        <button type="button" className="button secondary" onClick={onClose}>
          {t('evidence.close')}
        </button>
      </div>
    </section>
  );
}
