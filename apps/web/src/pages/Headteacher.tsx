import { allPages, api } from '../api';
import { useApp } from '../App';
import { formatDay, formatTime, useI18n } from '../i18n';
import type { EngagementFigures, Occurrence, Page, School, SchoolFairness, SchoolProvision } from '../types';
import { BarChart, Empty, Loaded, useLoad } from '../ui';

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Monday to Sunday of the week that holds `day` (UTC dates; the API plans in the area's zone). */
function weekOf(day: Date): { monday: Date; nextMonday: Date } {
  const monday = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - ((day.getUTCDay() + 6) % 7)));
  return { monday, nextMonday: new Date(monday.getTime() + 7 * 86_400_000) };
}

/** The school term holding today: autumn Sept–Dec, spring Jan–Mar, summer Apr–Aug (as fairness counts them). */
function termOf(day: Date): { from: string; to: string } {
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth() + 1;
  if (month >= 9) return { from: `${year}-09-01`, to: `${year}-12-31` };
  if (month <= 3) return { from: `${year}-01-01`, to: `${year}-03-31` };
  return { from: `${year}-04-01`, to: `${year}-08-31` };
}

function useMySchools() {
  const { me } = useApp();
  const ids = me.grants.filter((grant) => grant.role === 'headteacher').flatMap((grant) => grant.schoolIds ?? []);
  return useLoad(async () => (await api<Page<School>>('/api/scheduling/schools', { query: { limit: 100 } })).items.filter((school) => ids.length === 0 || ids.includes(school.id)), [me.userId]);
}

export function HeadDashboard() {
  const { t } = useI18n();
  const schools = useMySchools();
  return (
    <>
      <h1>{t('dashboard')}</h1>
      <Loaded value={schools}>{(list) => (list.length === 0 ? <Empty>{t('noSchool')}</Empty> : list.map((school) => <SchoolDashboard key={school.id} school={school} />))}</Loaded>
    </>
  );
}

function SchoolDashboard({ school }: { school: School }) {
  const { t } = useI18n();
  const today = new Date();
  const provision = useLoad(() => api<SchoolProvision>(`/api/scheduling/provision/schools/${school.id}`, { query: { weekOf: isoDate(today) } }), [school.id]);
  const fairness = useLoad(() => api<Page<SchoolFairness>>('/api/performance-event/fairness/schools', { query: { limit: 100 } }), [school.id]);
  const engagement = useLoad(() => api<EngagementFigures>('/api/parent-engagement/engagement-figures', { query: { ...termOf(today), schoolId: school.id } }), [school.id]);
  return (
    <section aria-labelledby={`school-${school.id}`} className="dashboard">
      <h2 id={`school-${school.id}`}>{school.name}</h2>
      <div className="panel">
        <h3>{t('provision')}</h3>
        <Loaded value={provision}>
          {(data) => (
            <>
              <p>{t('provisionIntro', { target: data.targetWeeklyMinutes })}</p>
              <p className="figure">
                <span className="figure-number">{data.school.pupilsBelowTarget}</span> {t('belowTarget').toLowerCase()} / {data.school.pupils} {t('pupils')}
              </p>
              {data.classes.length > 0 && (
                <BarChart
                  title={`${t('provision')}: ${school.name}`}
                  bars={data.classes.map((item) => ({ label: item.name, value: Math.round(item.averageWeeklyMinutes ?? 0), valueText: t('minutes', { n: Math.round(item.averageWeeklyMinutes ?? 0) }) }))}
                  target={data.targetWeeklyMinutes}
                  targetLabel={`${t('target')} ${data.targetWeeklyMinutes}`}
                />
              )}
              <details>
                <summary>
                  {t('belowTarget')} ({data.pupils.filter((pupil) => pupil.belowTarget).length})
                </summary>
                {data.pupils.some((pupil) => pupil.belowTarget) ? (
                  <ul className="columns">
                    {data.pupils
                      .filter((pupil) => pupil.belowTarget)
                      .map((pupil) => (
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
          )}
        </Loaded>
      </div>
      <div className="panel">
        <h3>{t('performingThisYear')}</h3>
        <Loaded value={fairness}>
          {(page) => {
            const mine = page.items.find((item) => item.schoolId === school.id);
            if (!mine) return <Empty>{t('noFairnessYet')}</Empty>;
            return (
              <BarChart
                title={`${t('performingThisYear')}: ${school.name}`}
                max={Math.max(1, mine.pupils)}
                bars={[
                  { label: t('performed'), value: mine.performed },
                  { label: t('notYetPerformed'), value: mine.notYetPerformed },
                ]}
              />
            );
          }}
        </Loaded>
      </div>
      <div className="panel">
        <h3>{t('transportUptake')}</h3>
        <Loaded value={engagement}>
          {(data) => {
            const mine = data.schools.find((item) => item.schoolId === school.id);
            if (!mine) return <Empty>{t('noTransportYet')}</Empty>;
            return (
              <p className="figure">
                <span className="figure-number">{mine.usedTransport}</span> {t('transportUptakeOf', { n: mine.familiesEngaged })}
              </p>
            );
          }}
        </Loaded>
      </div>
    </section>
  );
}

export function HeadTimetable() {
  const { t, language } = useI18n();
  const { me } = useApp();
  const schools = useMySchools();
  const { monday, nextMonday } = weekOf(new Date());
  const occurrences = useLoad(
    () => allPages<Occurrence>('/api/scheduling/occurrences', { from: monday.toISOString(), to: nextMonday.toISOString() }),
    [monday.toISOString()],
  );
  return (
    <>
      <h1>{t('weekTimetable')}</h1>
      <Loaded value={schools}>
        {(mine) => (
          <Loaded value={occurrences}>
            {(all) => {
              const ids = new Set(mine.map((school) => school.id));
              const names = new Set(mine.map((school) => school.name));
              const items = all.filter((item) => item.schoolName === null || names.has(item.schoolName) || ids.size === 0);
              if (items.length === 0) return <Empty>{t('noSessions')}</Empty>;
              const days = [...new Set(items.map((item) => item.localDate))].sort();
              return days.map((day) => (
                <section key={day} aria-labelledby={`day-${day}`} className="day">
                  <h2 id={`day-${day}`}>{formatDay(language, day)}</h2>
                  <table className="timetable">
                    <thead>
                      <tr>
                        <th scope="col">{t('time')}</th>
                        <th scope="col">{t('session')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {items
                        .filter((item) => item.localDate === day)
                        .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
                        .map((item) => (
                          <tr key={item.id} className={item.status === 'cancelled' ? 'cancelled' : undefined}>
                            <td>
                              {formatTime(language, item.startsAt, me.area.timeZone)}–{formatTime(language, item.endsAt, me.area.timeZone)}
                            </td>
                            <td>
                              <strong>{item.title}</strong>
                              {item.roomName && <span className="muted"> · {item.roomName}</span>}
                              {item.status === 'cancelled' && <span className="badge badge-bad"> {t('cancelledSession')}</span>}
                            </td>
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </section>
              ));
            }}
          </Loaded>
        )}
      </Loaded>
    </>
  );
}
