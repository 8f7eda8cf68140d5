import { allPages, answered, client, type Schema } from '../../api/client';
import { formatDay, formatShortDay, useI18n } from '../../i18n';
import { BarChart, Empty, Loaded, useLoad } from '../../ui';
import { useMySchools, type School } from './schools';
import { familyWords } from '../instrument-words';
import { ChartPanel, ColumnChart, Figure } from './charts';
import { SchoolReplyTo } from '../admin/SchoolReplyTo';

type Term = Schema<'scheduling.TermDto'>;

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The school term holding today by the calendar (autumn Sept–Dec, spring Jan–Mar, summer Apr–Aug), as fairness and engagement count them. */
export function calendarTermOf(day: Date): { from: string; to: string } {
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth() + 1;
  if (month >= 9) return { from: `${year}-09-01`, to: `${year}-12-31` };
  if (month <= 3) return { from: `${year}-01-01`, to: `${year}-03-31` };
  return { from: `${year}-04-01`, to: `${year}-08-31` };
}

/** The area's term holding today, else the one that ended last; none when the area has no terms yet. */
function currentTerm(terms: Term[], today: string): Term | undefined {
  return (
    terms.find((term) => term.startsOn <= today && term.endsOn >= today) ??
    [...terms].filter((term) => term.endsOn < today).sort((a, b) => b.endsOn.localeCompare(a.endsOn))[0]
  );
}

/** One school's figures, each chart loading (and failing) on its own. */
export function SchoolDashboard({ school }: { school: School }) {
  const { t, language } = useI18n();
  const today = isoDate(new Date());
  const calendarTerm = calendarTermOf(new Date());
  const term = useLoad(async () => currentTerm(await allPages('/api/scheduling/terms'), today) ?? null, [today]);
  const termKey = term.state === 'ready' ? (term.data?.id ?? 'none') : term.state;
  const provision = useLoad(async () => {
    if (term.state === 'loading') return new Promise<never>(() => undefined);
    if (term.state === 'error') throw term.error;
    const chosen = term.state === 'ready' ? term.data : null;
    const { data } = await client.GET('/api/scheduling/provision/schools/{schoolId}', {
      params: { path: { schoolId: school.id }, query: chosen ? { termId: chosen.id } : { weekOf: today } },
    });
    return answered(data);
  }, [school.id, termKey]);
  const attendance = useLoad(async () => {
    if (term.state === 'loading') return new Promise<never>(() => undefined);
    if (term.state === 'error') throw term.error;
    const chosen = term.state === 'ready' ? term.data : null;
    const period = chosen ? { from: chosen.startsOn, to: chosen.endsOn } : calendarTerm;
    const { data } = await client.GET('/api/scheduling/attendance-summaries/schools/{schoolId}', {
      params: { path: { schoolId: school.id }, query: period },
    });
    return answered(data);
  }, [school.id, termKey]);
  const fairness = useLoad(async () => {
    const schools = await allPages('/api/performance-event/fairness/schools');
    return schools.find((item) => item.schoolId === school.id) ?? null;
  }, [school.id]);
  const notYet = useLoad(
    async () =>
      answered(
        (
          await client.GET('/api/performance-event/fairness/schools/{schoolId}/pupils', {
            params: { path: { schoolId: school.id }, query: { notYetPerformed: true, limit: 100 } },
          })
        ).data,
      ),
    [school.id],
  );
  const engagement = useLoad(async () => {
    const { data } = await client.GET('/api/parent-engagement/engagement-figures', {
      params: { query: { ...calendarTerm, schoolId: school.id } },
    });
    return answered(data).schools.find((item) => item.schoolId === school.id) ?? null;
  }, [school.id]);
  const loans = useLoad(
    async () =>
      answered(
        (await client.GET('/api/instrument-loan/schools/{schoolId}/loan-summary', { params: { path: { schoolId: school.id } } })).data,
      ),
    [school.id],
  );

  return (
    <section aria-labelledby={`school-${school.id}`} className="dashboard">
      <h2 id={`school-${school.id}`}>{school.name}</h2>
      <ChartPanel
        title={t('provision')}
        value={provision}
        isEmpty={(data) => data.school.pupils === 0}
        emptyText={t('noPupils')}
        testId="panel-provision"
      >
        {(data) => (
          <>
            <p>{t('head.provisionIntro', { target: data.targetWeeklyMinutes })}</p>
            <p className="muted">
              {t('head.period', { from: formatDay(language, data.period.from), to: formatDay(language, data.period.to) })}
            </p>
            <Figure value={Math.round(data.school.averageWeeklyMinutes ?? 0)} testId="figure-average-minutes">
              {t('head.minutesPerPupilWeek', { target: data.targetWeeklyMinutes })}
            </Figure>
            {data.classes.length > 0 && (
              <BarChart
                title={`${t('provision')}: ${school.name}`}
                bars={data.classes.map((item) => ({
                  label: item.name,
                  value: Math.round(item.averageWeeklyMinutes ?? 0),
                  valueText: t('minutes', { n: Math.round(item.averageWeeklyMinutes ?? 0) }),
                }))}
                target={data.targetWeeklyMinutes}
                targetLabel={`${t('target')} ${data.targetWeeklyMinutes}`}
              />
            )}
          </>
        )}
      </ChartPanel>
      <ChartPanel
        title={t('belowTarget')}
        value={provision}
        isEmpty={(data) => data.school.pupils === 0}
        emptyText={t('noPupils')}
        testId="panel-below-target"
      >
        {(data) => {
          const below = data.pupils.filter((pupil) => pupil.belowTarget);
          return (
            <>
              <Figure value={data.school.pupilsBelowTarget} testId="figure-below-target">
                {t('head.belowTargetOf', { n: data.school.pupils, target: data.targetWeeklyMinutes })}
              </Figure>
              <BarChart
                title={`${t('belowTarget')}: ${school.name}`}
                max={Math.max(1, data.school.pupils)}
                bars={[
                  { label: t('head.below'), value: data.school.pupilsBelowTarget },
                  { label: t('head.atOrAbove'), value: data.school.pupils - data.school.pupilsBelowTarget },
                ]}
              />
              <details>
                <summary>{t('head.whoIsBelow', { n: below.length })}</summary>
                {below.length > 0 ? (
                  <ul className="columns">
                    {below.map((pupil) => (
                      <li key={pupil.pupilId}>
                        {pupil.name}: {t('minutes', { n: Math.round(pupil.weeklyAverageMinutes ?? pupil.totalMinutes) })}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Empty>{t('noneBelowTarget')}</Empty>
                )}
              </details>
            </>
          );
        }}
      </ChartPanel>
      <ChartPanel
        title={t('head.attendance')}
        value={attendance}
        isEmpty={(data) => data.weeks.length === 0}
        emptyText={t('head.noAttendance')}
        testId="panel-attendance"
      >
        {(data) => (
          <>
            <Figure value={`${data.overall.attendedPercent ?? 0}%`} testId="figure-attendance">
              {t('head.attendedOfMarks', { n: data.overall.marks })}
            </Figure>
            <ColumnChart
              title={`${t('head.attendancePerWeek')}: ${school.name}`}
              max={100}
              columnHeading={t('head.weekStarting')}
              valueHeading={t('head.presentOrLate')}
              columns={data.weeks.map((week) => ({
                label: formatShortDay(language, week.weekStarting),
                value: week.attendedPercent,
                valueText: week.attendedPercent === null ? '–' : `${week.attendedPercent}%`,
              }))}
            />
          </>
        )}
      </ChartPanel>
      <ChartPanel
        title={t('performingThisYear')}
        value={fairness}
        isEmpty={(data) => data === null}
        emptyText={t('noFairnessYet')}
        testId="panel-fairness"
      >
        {(data) =>
          data && (
            <>
              <Figure value={data.notYetPerformed} testId="figure-not-yet-performed">
                {t('head.notYetPerformedOf', { n: data.pupils })}
              </Figure>
              <BarChart
                title={`${t('performingThisYear')}: ${school.name}`}
                max={Math.max(1, data.pupils)}
                bars={[
                  { label: t('performed'), value: data.performed },
                  { label: t('head.notYet'), value: data.notYetPerformed },
                  { label: t('head.offeredAPlace'), value: data.offered },
                ]}
              />
              <details>
                <summary>{t('head.whoHasNotPerformed')}</summary>
                {notYet.state === 'ready' ? (
                  notYet.data.items.length > 0 ? (
                    <ul className="columns">
                      {notYet.data.items.map((pupil) => (
                        <li key={pupil.pupilId}>
                          {pupil.displayName}
                          {pupil.upcoming > 0 && <span className="muted"> · {t('head.onARosterToCome')}</span>}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <Empty>{t('head.everyoneHasPerformed')}</Empty>
                  )
                ) : notYet.state === 'error' ? (
                  <Empty>{t('somethingWrong')}</Empty>
                ) : (
                  <p className="muted">{t('loading')}</p>
                )}
              </details>
            </>
          )
        }
      </ChartPanel>
      <ChartPanel
        title={t('head.familiesEngaged')}
        value={engagement}
        isEmpty={(data) => data === null || data.familiesEngaged === 0}
        emptyText={t('head.noFamiliesYet')}
        testId="panel-families"
      >
        {(data) =>
          data && (
            <>
              <Figure value={data.familiesEngaged} testId="figure-families-engaged">
                {t('head.familiesEngagedThisTerm')}
              </Figure>
              <BarChart
                title={`${t('head.familiesEngaged')}: ${school.name}`}
                max={Math.max(1, data.familiesEngaged)}
                bars={[
                  { label: t('head.firstTime'), value: data.firstTime },
                  { label: t('head.returning'), value: data.returning },
                  { label: t('head.cameToPerformance'), value: data.attendedPerformance },
                ]}
              />
            </>
          )
        }
      </ChartPanel>
      <ChartPanel
        title={t('transportUptake')}
        value={engagement}
        isEmpty={(data) => data === null || data.familiesEngaged === 0}
        emptyText={t('noTransportYet')}
        testId="panel-transport"
      >
        {(data) =>
          data && (
            <>
              <Figure value={data.usedTransport} testId="figure-used-transport">
                {t('transportUptakeOf', { n: data.familiesEngaged })}
              </Figure>
              <BarChart
                title={`${t('transportUptake')}: ${school.name}`}
                max={Math.max(1, data.familiesEngaged)}
                bars={[
                  { label: t('head.tookTheBus'), value: data.usedTransport },
                  { label: t('head.didNotTakeTheBus'), value: data.familiesEngaged - data.usedTransport },
                ]}
              />
            </>
          )
        }
      </ChartPanel>
      <ChartPanel
        title={t('head.instrumentsOnLoan')}
        value={loans}
        isEmpty={(data) => data.onLoan === 0}
        emptyText={t('head.noLoans')}
        testId="panel-loans"
      >
        {(data) => (
          <>
            <Figure value={data.onLoan} testId="figure-on-loan">
              {t('head.onLoanTo', { n: data.pupilsWithInstrument })}
            </Figure>
            {data.overdue > 0 && <p>{t('head.overdue', { n: data.overdue })}</p>}
            <BarChart
              title={`${t('head.instrumentsOnLoan')}: ${school.name}`}
              bars={data.byFamily.map((item) => ({
                label: familyWords(t, item.family),
                value: item.onLoan,
              }))}
            />
          </>
        )}
      </ChartPanel>
      <SchoolReplyTo schoolId={school.id} />
    </section>
  );
}

export function HeadDashboard() {
  const { t } = useI18n();
  const schools = useMySchools();
  return (
    <>
      <h1>{t('dashboard')}</h1>
      <Loaded value={schools}>
        {(list) =>
          list.length === 0 ? <Empty>{t('noSchool')}</Empty> : list.map((school) => <SchoolDashboard key={school.id} school={school} />)
        }
      </Loaded>
    </>
  );
}
