import { useState, type ReactNode } from 'react';
import { allPages, answered, client } from '../../api/client';
import { useI18n, type Language, type MessageKey } from '../../i18n';
import { Empty, Field, FigureRow, Loaded, TableFrame, useLoad } from '../../ui';
import { INSTRUMENT_STATUSES as STATUSES, instrumentName, statusWords, typeWords } from '../instrument-words';

/** Fractional string sizes, smallest first (as instrument-loan orders them). */
const SIZES = ['1/16', '1/10', '1/8', '1/4', '1/2', '3/4', '7/8', '4/4'];
const TOP_PUPILS = 10;

const count = (language: Language, n: number) => new Intl.NumberFormat(language).format(n);
const money = (language: Language, pence: number) =>
  new Intl.NumberFormat(language, { style: 'currency', currency: 'GBP' }).format(pence / 100);
const sum = <T,>(items: readonly T[], of: (item: T) => number) => items.reduce((total, item) => total + of(item), 0);

/** 1 September to 31 August of the school year that holds `day`. */
function schoolYearOf(day: Date): { from: string; to: string } {
  const start = day.getMonth() >= 8 ? day.getFullYear() : day.getFullYear() - 1;
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

/** A table of figures with a caption, scrollable on a narrow screen, and a totals row in its footer. */
function FigureTable({ caption, head, rows, total }: { caption: string; head: string[]; rows: ReactNode[][]; total?: ReactNode[] }) {
  return (
    <TableFrame label={caption} caption={caption} figures columns={head} footer={total && <FigureRow cells={total} />}>
      {rows.map((cells, index) => (
        <FigureRow key={index} cells={cells} />
      ))}
    </TableFrame>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <p className="figure" data-figure={testId}>
      <span className="figure-number">{value}</span> {label}
    </p>
  );
}

/** The programme admin's reports for funders and insurers: stock, value on loan, loans per pupil, losses and repairs, family engagement. */
export function AdminReports() {
  const { t } = useI18n();
  const schools = useLoad(() => allPages('/api/scheduling/schools'), []);
  const schoolName = (schoolId: string | null) =>
    (schoolId && schools.state === 'ready' ? schools.data.find((school) => school.id === schoolId)?.name : undefined) ?? t('unknownSchool');
  return (
    <>
      <h1>{t('reports')}</h1>
      <p className="muted">{t('reportsIntro')}</p>
      <div className="reports">
        <StockSection schoolName={schoolName} />
        <ValueOnLoanSection />
        <LossesAndRepairsSection />
        <LoansPerPupilSection />
        <EngagementSection schoolName={schoolName} />
      </div>
    </>
  );
}

function StockSection({ schoolName }: { schoolName: (schoolId: string | null) => string }) {
  const { t, language } = useI18n();
  const stock = useLoad(async () => answered((await client.GET('/api/instrument-loan/reports/stock')).data), []);
  const statusLabel = (status: string) => statusWords(t, status);
  return (
    <section className="panel" aria-labelledby="stock-heading">
      <h2 id="stock-heading">{t('stockReport')}</h2>
      <Loaded value={stock}>
        {(report) => {
          const total = sum(report.byStatus, (row) => row.count);
          const kinds = new Map<string, { type: string; size: string | null; counts: Record<string, number> }>();
          for (const row of report.byTypeAndSize) {
            const key = `${row.type} ${row.size ?? ''}`;
            const kind = kinds.get(key) ?? { type: row.type, size: row.size, counts: {} };
            kind.counts[row.status] = (kind.counts[row.status] ?? 0) + row.count;
            kinds.set(key, kind);
          }
          const owners = report.bySchool.map((row) => ({
            label: row.ownerKind === 'school' ? schoolName(row.schoolId) : t(`owner.${row.ownerKind}` as MessageKey),
            count: row.count,
          }));
          if (total === 0) return <Empty>{t('noInstruments')}</Empty>;
          return (
            <>
              <Figure testId="stock-total" label={t('instrumentsInStock')} value={count(language, total)} />
              <FigureTable
                caption={t('stockByStatus')}
                head={[t('status'), t('instrumentCount')]}
                rows={STATUSES.map((status) => [
                  statusLabel(status),
                  count(language, report.byStatus.find((row) => row.status === status)?.count ?? 0),
                ])}
                total={[t('total'), count(language, total)]}
              />
              <FigureTable
                caption={t('stockByTypeAndSize')}
                head={[t('type'), ...STATUSES.map(statusLabel), t('total')]}
                rows={[...kinds.values()]
                  .sort((a, b) => a.type.localeCompare(b.type) || SIZES.indexOf(a.size ?? '') - SIZES.indexOf(b.size ?? ''))
                  .map((kind) => [
                    instrumentName(t, kind),
                    ...STATUSES.map((status) => count(language, kind.counts[status] ?? 0)),
                    count(
                      language,
                      sum(Object.values(kind.counts), (n) => n),
                    ),
                  ])}
                total={[
                  t('total'),
                  ...STATUSES.map((status) =>
                    count(
                      language,
                      sum(
                        report.byTypeAndSize.filter((row) => row.status === status),
                        (row) => row.count,
                      ),
                    ),
                  ),
                  count(language, total),
                ]}
              />
              <FigureTable
                caption={t('stockByOwner')}
                head={[t('owner'), t('instrumentCount')]}
                rows={owners.map((owner) => [owner.label, count(language, owner.count)])}
                total={[t('total'), count(language, total)]}
              />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function ValueOnLoanSection() {
  const { t, language } = useI18n();
  const value = useLoad(async () => answered((await client.GET('/api/instrument-loan/reports/value-on-loan')).data), []);
  return (
    <section className="panel" aria-labelledby="value-heading">
      <h2 id="value-heading">{t('valueOnLoan')}</h2>
      <Loaded value={value}>
        {(report) =>
          report.instruments === 0 ? (
            <Empty>{t('nothingOnLoan')}</Empty>
          ) : (
            <>
              <Figure
                testId="value-on-loan"
                label={t('valueOnLoanOf', { n: count(language, report.instruments) })}
                value={money(language, report.totalPence)}
              />
              {report.unvalued > 0 && <p className="muted">{t('unvalued', { n: count(language, report.unvalued) })}</p>}
              <FigureTable
                caption={t('valueOnLoanByType')}
                head={[t('type'), t('instrumentCount'), t('value')]}
                rows={report.byType.map((row) => [
                  typeWords(t, row.type),
                  count(language, row.instruments),
                  money(language, row.valuePence),
                ])}
                total={[t('total'), count(language, report.instruments), money(language, report.totalPence)]}
              />
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function LossesAndRepairsSection() {
  const { t, language } = useI18n();
  const losses = useLoad(async () => answered((await client.GET('/api/instrument-loan/reports/losses-and-repairs')).data), []);
  return (
    <section className="panel" aria-labelledby="losses-heading">
      <h2 id="losses-heading">{t('lossesAndRepairs')}</h2>
      <Loaded value={losses}>
        {(report) =>
          report.terms.length === 0 ? (
            <Empty>{t('noLossesOrRepairs')}</Empty>
          ) : (
            <FigureTable
              caption={t('lossesAndRepairsByTerm')}
              head={[t('term'), t('lost'), t('lostValue'), t('repairs'), t('repairCost')]}
              rows={report.terms.map((row) => [
                row.term,
                count(language, row.lost),
                money(language, row.lostValuePence),
                count(language, row.repairs),
                money(language, row.repairCostPence),
              ])}
              total={[
                t('total'),
                count(
                  language,
                  sum(report.terms, (row) => row.lost),
                ),
                money(
                  language,
                  sum(report.terms, (row) => row.lostValuePence),
                ),
                count(
                  language,
                  sum(report.terms, (row) => row.repairs),
                ),
                money(
                  language,
                  sum(report.terms, (row) => row.repairCostPence),
                ),
              ]}
            />
          )
        }
      </Loaded>
    </section>
  );
}

function LoansPerPupilSection() {
  const { t, language } = useI18n();
  const loans = useLoad(async () => {
    const report = answered((await client.GET('/api/instrument-loan/reports/loans-per-pupil')).data);
    // Names only for the few shown: each read of a pupil record is audit-logged.
    const names = await Promise.all(
      report.items.slice(0, TOP_PUPILS).map((row) =>
        client.GET('/api/scheduling/pupils/{pupilId}', { params: { path: { pupilId: row.pupilId } } }).then(
          ({ data }) => (data ? `${data.firstName} ${data.lastName}` : null),
          () => null,
        ),
      ),
    );
    return { report, names };
  }, []);
  return (
    <section className="panel" aria-labelledby="per-pupil-heading">
      <h2 id="per-pupil-heading">{t('loansPerPupil')}</h2>
      <Loaded value={loans}>
        {({ report, names }) =>
          report.items.length === 0 ? (
            <Empty>{t('noLoansYet')}</Empty>
          ) : (
            <>
              <Figure testId="pupils-with-loans" label={t('pupilsWithLoans')} value={count(language, report.items.length)} />
              <FigureTable
                caption={t('loansPerPupilTotals')}
                head={[t('pupil'), t('totalLoans'), t('activeLoans'), t('lost')]}
                rows={[
                  [
                    t('allPupils'),
                    count(
                      language,
                      sum(report.items, (row) => row.totalLoans),
                    ),
                    count(
                      language,
                      sum(report.items, (row) => row.activeLoans),
                    ),
                    count(
                      language,
                      sum(report.items, (row) => row.lost),
                    ),
                  ],
                ]}
              />
              <FigureTable
                caption={t('mostLoans', { n: Math.min(TOP_PUPILS, report.items.length) })}
                head={[t('pupil'), t('totalLoans'), t('activeLoans'), t('lost')]}
                rows={report.items
                  .slice(0, TOP_PUPILS)
                  .map((row, index) => [
                    names[index] ?? t('aPupil'),
                    count(language, row.totalLoans),
                    count(language, row.activeLoans),
                    count(language, row.lost),
                  ])}
              />
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function EngagementSection({ schoolName }: { schoolName: (schoolId: string | null) => string }) {
  const { t, language } = useI18n();
  const [period, setPeriod] = useState(() => schoolYearOf(new Date()));
  const figures = useLoad(
    async () => answered((await client.GET('/api/parent-engagement/engagement-figures', { params: { query: period } })).data),
    [period.from, period.to],
  );
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(period.from) && /^\d{4}-\d{2}-\d{2}$/.test(period.to);
  return (
    <section className="panel" aria-labelledby="engagement-heading">
      <h2 id="engagement-heading">{t('familyEngagement')}</h2>
      <div className="period">
        <Field label={t('from')}>
          {(props) => (
            <input
              {...props}
              type="date"
              name="from"
              value={period.from}
              onChange={(event) => setPeriod((current) => ({ ...current, from: event.target.value }))}
            />
          )}
        </Field>
        <Field label={t('to')}>
          {(props) => (
            <input
              {...props}
              type="date"
              name="to"
              value={period.to}
              onChange={(event) => setPeriod((current) => ({ ...current, to: event.target.value }))}
            />
          )}
        </Field>
      </div>
      {valid && (
        <Loaded value={figures}>
          {(data) =>
            data.schools.length === 0 ? (
              <Empty>{t('noEngagementYet')}</Empty>
            ) : (
              <>
                <FigureTable
                  caption={t('engagementBySchool')}
                  head={[t('school'), t('familiesEngaged'), t('firstTime'), t('returning'), t('attendedPerformance'), t('usedTransport')]}
                  rows={data.schools.map((row) => [
                    schoolName(row.schoolId),
                    ...[row.familiesEngaged, row.firstTime, row.returning, row.attendedPerformance, row.usedTransport].map((n) =>
                      count(language, n),
                    ),
                  ])}
                  total={[
                    t('total'),
                    ...(['familiesEngaged', 'firstTime', 'returning', 'attendedPerformance', 'usedTransport'] as const).map((key) =>
                      count(
                        language,
                        sum(data.schools, (row) => row[key]),
                      ),
                    ),
                  ]}
                />
                <p className="muted small-text">{t('engagementTotalsNote')}</p>
              </>
            )
          }
        </Loaded>
      )}
    </section>
  );
}
