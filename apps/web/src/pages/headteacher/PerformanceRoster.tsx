import { useState } from 'react';
import { answered, client, everyItem, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { formatDateTime, formatTime, useI18n } from '../../i18n';
import { Link } from '../../router';
import { Empty, Loaded, Notice, useLoad, useSubmit } from '../../ui';
import { ConflictNotice } from '../conflict-words';
import { STATUS_LABELS } from './Performances';

type Performer = Schema<'performance-event.PerformerDto'>;
type Suggestion = Schema<'performance-event.SuggestionDto'>;

type Chances = Pick<Performer, 'displayName' | 'performedThisYear' | 'upcomingThisYear'>;

/** Pupils who have not performed yet come first, then those with fewest chances to come, so that turns are spread fairly. */
function fewestChancesFirst(a: Chances, b: Chances): number {
  return a.performedThisYear - b.performedThisYear || a.upcomingThisYear - b.upcomingThisYear || a.displayName.localeCompare(b.displayName);
}

/** One performance: its roster (build it, take pupils off, add from the suggestions), fairness first. */
export function HeadPerformanceRoster({ performanceId }: { performanceId: string }) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const path = { performanceId };
  const performance = useLoad(
    async () => answered((await client.GET('/api/performance-event/performances/{performanceId}', { params: { path } })).data),
    [performanceId],
  );
  const roster = useLoad(
    () =>
      everyItem(
        async (cursor) =>
          (
            await client.GET('/api/performance-event/performances/{performanceId}/roster', {
              params: { path, query: { limit: 100, cursor } },
            })
          ).data,
      ),
    [performanceId],
  );
  const suggestions = useLoad(
    async () =>
      answered(
        (
          await client.GET('/api/performance-event/performances/{performanceId}/roster/suggestions', {
            params: { path, query: { limit: 20 } },
          })
        ).data,
      ),
    [performanceId],
  );
  const { busy, error, run } = useSubmit();
  // A completed or cancelled performance's roster is final (the API refuses changes): its actions are not offered.
  // While the performance loads, nothing is offered either.
  const status = performance.state === 'ready' ? performance.data.status : null;
  const editable = status === 'draft' || status === 'published';
  const [done, setDone] = useState<string | null>(null);

  const act = async (work: () => Promise<string>) => {
    setDone(null);
    await run(async () => {
      setDone(await work());
      roster.reload();
      suggestions.reload();
    });
  };
  const build = () =>
    act(async () => {
      const result = answered(
        (await client.POST('/api/performance-event/performances/{performanceId}/roster/build', { params: { path } })).data,
      );
      return t('head.rosterBuilt', { n: result.performers, first: result.firstChanceThisYear });
    });
  const remove = (performer: Performer) =>
    act(async () => {
      await client.DELETE('/api/performance-event/performances/{performanceId}/roster/performers/{pupilId}', {
        params: { path: { performanceId, pupilId: performer.pupilId } },
      });
      return t('head.performerRemoved', { name: performer.displayName });
    });
  const add = (pupil: Suggestion) =>
    act(async () => {
      await client.POST('/api/performance-event/performances/{performanceId}/roster/performers', {
        params: { path },
        body: { pupilId: pupil.pupilId },
      });
      return t('head.performerAdded', { name: pupil.displayName });
    });

  return (
    <>
      <p>
        <Link to="/head/performances">{t('back')}</Link>
      </p>
      <p>
        <Link to={`/head/performances/${performanceId}/manage`}>{t('head.manageHint')}</Link>
      </p>
      <p>
        <Link to={`/head/consent-audit/${performanceId}`}>{t('head.consentAuditLink')}</Link>
      </p>
      <Loaded value={performance}>
        {(detail) => (
          <>
            <h1>{detail.title}</h1>
            <p>
              {formatDateTime(language, detail.startsAt, me.area.timeZone)}–{formatTime(language, detail.endsAt, me.area.timeZone)} ·{' '}
              {detail.venue.name} · {STATUS_LABELS[detail.status] ? t(STATUS_LABELS[detail.status]) : detail.status}
            </p>
            <p className="muted">
              {detail.ensembles.length > 0
                ? t('head.withEnsembles', { names: detail.ensembles.map((item) => item.name ?? '?').join(', ') })
                : t('head.noEnsemblesTakingPart')}
            </p>
          </>
        )}
      </Loaded>
      <div aria-live="polite">
        {done && <Notice>{done}</Notice>}
        <ConflictNotice error={error} />
      </div>
      <section aria-labelledby="roster-heading" className="card">
        <h2 id="roster-heading">{t('head.roster')}</h2>
        {editable ? (
          <>
            <p className="hint">{t('head.rosterHint')}</p>
            <button type="button" className="button primary" disabled={busy} onClick={() => void build()}>
              {t('head.buildRoster')}
            </button>
          </>
        ) : (
          status && (
            <Notice kind="info">
              <span data-testid="roster-final">{t('head.rosterFinal', { status: t(STATUS_LABELS[status]).toLowerCase() })}</span>
            </Notice>
          )
        )}
        <Loaded value={roster}>
          {(list) =>
            list.length === 0 ? (
              <Empty>{t('head.rosterEmpty')}</Empty>
            ) : (
              <div className="table-wrap">
                <table data-testid="roster">
                  <caption>{t('head.performersCount', { n: list.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('head.name')}</th>
                      <th scope="col">{t('head.instrument')}</th>
                      <th scope="col">{t('head.chancesThisYear')}</th>
                      {editable && (
                        <th scope="col">
                          <span className="visually-hidden">{t('head.actions')}</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {[...list].sort(fewestChancesFirst).map((performer) => (
                      <tr key={performer.pupilId} data-pupil-id={performer.pupilId}>
                        <th scope="row">
                          {performer.displayName}
                          {performer.performedThisYear === 0 && <span className="badge badge-good"> {t('head.firstTimeThisYear')}</span>}
                          {performer.flags.length > 0 && <span className="badge badge-warn"> {t('head.checkConsents')}</span>}
                        </th>
                        <td>{performer.instrument ?? '–'}</td>
                        <td>{t('head.chances', { performed: performer.performedThisYear, upcoming: performer.upcomingThisYear })}</td>
                        {editable && (
                          <td>
                            <button
                              type="button"
                              className="button secondary"
                              disabled={busy}
                              onClick={() => void remove(performer)}
                              aria-label={t('head.removeName', { name: performer.displayName })}
                            >
                              {t('head.remove')}
                            </button>
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Loaded>
      </section>
      {editable && (
        <section aria-labelledby="suggestions-heading" className="card">
          <h2 id="suggestions-heading">{t('head.suggestions')}</h2>
          <p className="hint">{t('head.suggestionsHint')}</p>
          <Loaded value={suggestions}>
            {(page) =>
              page.items.length === 0 ? (
                <Empty>{t('head.noSuggestions')}</Empty>
              ) : (
                <ul className="plain" data-testid="suggestions">
                  {[...page.items].sort(fewestChancesFirst).map((pupil) => (
                    <li key={pupil.pupilId} className="consent-row" data-pupil-id={pupil.pupilId}>
                      <span>
                        <strong>{pupil.displayName}</strong>{' '}
                        {pupil.performedThisYear === 0 ? (
                          <span className="badge badge-good">{t('head.notPerformedYet')}</span>
                        ) : (
                          <span className="muted">
                            {t('head.chances', { performed: pupil.performedThisYear, upcoming: pupil.upcomingThisYear })}
                          </span>
                        )}
                      </span>
                      <button
                        type="button"
                        className="button secondary"
                        disabled={busy}
                        onClick={() => void add(pupil)}
                        aria-label={t('head.addName', { name: pupil.displayName })}
                      >
                        {t('head.add')}
                      </button>
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </section>
      )}
    </>
  );
}
