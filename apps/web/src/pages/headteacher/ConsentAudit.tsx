import { useState } from 'react';
import { allPages, answered, client, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { formatDateTime, useI18n } from '../../i18n';
import { Link } from '../../router';
import { Empty, Loaded, useLoad } from '../../ui';

type Child = Schema<'performance-event.AuditedChildDto'>;
type ConsentState = Child['consents']['photoFilm'];

/** Where the consent audit lives for the role acted in (a headteacher's or the programme admin's pages). */
function basePath(role: string): string {
  return role === 'programme_admin' ? '/admin/consent-audit' : '/head/consent-audit';
}

/** The performances whose consents can be audited: coming ones first, then the recent past. */
export function ConsentAuditPerformances() {
  const { t, language } = useI18n();
  const { me, role } = useApp();
  const since = new Date(Date.now() - 90 * 86_400_000).toISOString();
  const performances = useLoad(() => allPages('/api/performance-event/performances', { from: since }, 5), []);
  return (
    <>
      <h1>{t('consentAudit.title')}</h1>
      {role === 'programme_admin' && (
        <p>
          <Link to="/admin/privacy">{t('privacy.requests.title')}</Link> ·{' '}
          <Link to="/admin/privacy/retention">{t('privacy.retention.title')}</Link>
        </p>
      )}
      <p className="muted">{t('consentAudit.intro')}</p>
      <Loaded value={performances}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('consentAudit.noPerformances')}</Empty>
          ) : (
            <ul className="plain stack" data-testid="consent-audit-performances">
              {list.map((performance) => (
                <li key={performance.id} className="card">
                  <Link to={`${basePath(role)}/${performance.id}`}>{performance.title}</Link>
                  <p className="muted small-text">
                    {formatDateTime(language, performance.startsAt, me.area.timeZone)} · {performance.venueName} ·{' '}
                    {t(`consentAudit.status.${performance.status}`)}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}

function ConsentBadge({ state }: { state: ConsentState }) {
  const { t } = useI18n();
  const kind = state === 'granted' ? 'badge-good' : state === 'refused' ? 'badge-bad' : 'badge-warn';
  return <span className={`badge ${kind}`}>{t(`consentAudit.consent.${state}`)}</span>;
}

/**
 * One performance's consent audit: each child the programme, the run sheet or the public listing
 * shows (and the sheets already printed), against their consents now, with every mismatch flagged
 * and what to do about it.
 */
export function ConsentAudit({ performanceId }: { performanceId: string }) {
  const { t, language } = useI18n();
  const { me, role } = useApp();
  const [onlyMismatches, setOnlyMismatches] = useState(false);
  const audit = useLoad(
    async () =>
      answered(
        (await client.GET('/api/performance-event/performances/{performanceId}/consent-audit', { params: { path: { performanceId } } }))
          .data,
      ),
    [performanceId],
  );
  const when = (iso: string) => formatDateTime(language, iso, me.area.timeZone);
  return (
    <>
      <p>
        <Link to={basePath(role)}>{t('back')}</Link>
      </p>
      <Loaded value={audit}>
        {(report) => {
          const children = onlyMismatches ? report.children.filter((child) => child.mismatches.length > 0) : report.children;
          return (
            <>
              <h1>{t('consentAudit.titleOf', { title: report.title })}</h1>
              <p>
                {when(report.startsAt)} · {t(`consentAudit.status.${report.status}`)} · {t(`consentAudit.audience.${report.audience}`)} ·{' '}
                {report.publiclyListed ? t('consentAudit.listed') : t('consentAudit.notListed')}
              </p>
              <p className="muted small-text">{t('consentAudit.checkedAt', { when: when(report.checkedAt) })}</p>
              <div
                className={`notice ${report.childrenWithMismatches > 0 ? 'notice-error' : 'notice-success'}`}
                role="status"
                data-testid="consent-audit-summary"
              >
                <p>
                  {report.childrenWithMismatches > 0
                    ? t('consentAudit.mismatchCount', { n: report.childrenWithMismatches, of: report.children.length })
                    : t('consentAudit.allMatch', { of: report.children.length })}
                </p>
              </div>
              {report.children.length > 0 && (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    name="onlyMismatches"
                    checked={onlyMismatches}
                    onChange={(event) => setOnlyMismatches(event.target.checked)}
                  />{' '}
                  {t('consentAudit.onlyMismatches')}
                </label>
              )}
              {children.length === 0 ? (
                <Empty>{report.children.length === 0 ? t('consentAudit.noChildren') : t('consentAudit.noMismatches')}</Empty>
              ) : (
                <div className="table-wrap" tabIndex={0} role="region" aria-label={t('consentAudit.children')}>
                  <table data-testid="consent-audit">
                    <thead>
                      <tr>
                        <th scope="col">{t('consentAudit.child')}</th>
                        <th scope="col">{t('consentAudit.appears')}</th>
                        <th scope="col">{t('consentAudit.consents')}</th>
                        <th scope="col">{t('consentAudit.mismatches')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {children.map((child) => (
                        <tr key={child.pupilId} data-pupil-id={child.pupilId} data-mismatches={child.mismatches.length}>
                          <th scope="row">{child.displayName}</th>
                          <td>
                            <ul className="plain small-text">
                              <li>{t(`consentAudit.programme.${child.appearances.programme}`)}</li>
                              <li>{child.appearances.runSheet ? t('consentAudit.onRunSheet') : t('consentAudit.notOnRunSheet')}</li>
                              {child.appearances.soloist && <li>{t('consentAudit.soloist')}</li>}
                              {child.appearances.publicListing && <li>{t('consentAudit.inPublicListing')}</li>}
                              {child.appearances.printed.map((printed, index) => (
                                <li key={index}>
                                  {t(printed.named ? 'consentAudit.printedNamed' : 'consentAudit.printedCounted', {
                                    sheet: t(`consentAudit.sheet.${printed.kind}`),
                                    when: when(printed.printedAt),
                                  })}
                                </li>
                              ))}
                            </ul>
                          </td>
                          <td>
                            <p className="small-text">
                              {t('consentAudit.performingInPublic')}: <ConsentBadge state={child.consents.performingInPublic} />
                            </p>
                            <p className="small-text">
                              {t('consentAudit.photoFilm')}: <ConsentBadge state={child.consents.photoFilm} />
                            </p>
                          </td>
                          <td>
                            {child.mismatches.length === 0 ? (
                              <span className="badge badge-good">{t('consentAudit.ok')}</span>
                            ) : (
                              <ul className="plain">
                                {child.mismatches.map((mismatch, index) => (
                                  <li key={index}>
                                    <span className={`badge ${mismatch.state === 'refused' ? 'badge-bad' : 'badge-warn'}`}>
                                      {t(`consentAudit.where.${mismatch.where}`)}
                                    </span>{' '}
                                    {mismatch.message}
                                    <br />
                                    <span className="muted small-text">
                                      {t(mismatch.state === 'refused' ? 'consentAudit.doRefused' : 'consentAudit.doNotAnswered')}
                                    </span>
                                  </li>
                                ))}
                              </ul>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          );
        }}
      </Loaded>
    </>
  );
}
