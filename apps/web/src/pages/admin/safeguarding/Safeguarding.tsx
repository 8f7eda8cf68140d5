import { useState } from 'react';
import { allPages, answered, client, type Schema } from '../../../api/client';
import { localeOf, useI18n, type Language } from '../../../i18n';
import { Link } from '../../../router';
import { Empty, ErrorNotice, Loaded, TableFrame, useLoad } from '../../../ui';

type Staff = Schema<'scheduling.StaffDto'>;
export type SafeguardingRecord = Schema<'scheduling.SafeguardingRecordDto'>;
type Alert = Schema<'scheduling.SafeguardingAlertDto'>;
export type SafeguardingStatus = SafeguardingRecord['status'];

/** How many records are read at once (one GET per member of staff: the API has no list of records). */
const AT_ONCE = 6;

async function recordsOf(staff: Staff[]): Promise<Map<string, SafeguardingRecord | Error>> {
  const found = new Map<string, SafeguardingRecord | Error>();
  let next = 0;
  const worker = async () => {
    while (next < staff.length) {
      const member = staff[next];
      next += 1;
      try {
        const { data } = await client.GET('/api/scheduling/safeguarding/staff/{staffId}', { params: { path: { staffId: member.id } } });
        found.set(member.id, answered(data));
      } catch (error) {
        found.set(member.id, error instanceof Error ? error : new Error(String(error)));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, staff.length) }, worker));
  return found;
}

/** A calendar day with its year (certificates and training span years), in the reader's language. */
export function formatDate(language: Language, isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  return new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
}

export function StatusBadge({ status }: { status: SafeguardingStatus }) {
  const { t } = useI18n();
  const kind = status === 'cleared' ? 'badge-good' : status === 'expiring' ? 'badge-warn' : 'badge-bad';
  return <span className={`badge ${kind}`}>{t(`safeguarding.status.${status}`)}</span>;
}

/** "DBS expired, training missing": why someone is not (or soon not) cleared. */
export function Reasons({ reasons }: { reasons: SafeguardingRecord['reasons'] }) {
  const { t } = useI18n();
  if (reasons.length === 0) return null;
  return <span>{reasons.map((reason) => t(`safeguarding.reason.${reason}`)).join(', ')}</span>;
}

/**
 * Safeguarding for the programme admin: the staff rostered with children whose check or training
 * has run out or runs out within 30 days (highlighted), and every member of staff's DBS check and
 * training, each with a link to record or change it.
 */
export function AdminSafeguarding() {
  const { t, language } = useI18n();
  const [onlyAttention, setOnlyAttention] = useState(false);
  const alerts = useLoad(async () => answered((await client.GET('/api/scheduling/safeguarding/alerts')).data), []);
  const staff = useLoad(async () => {
    const members = (await allPages('/api/scheduling/staff')).sort((a, b) => a.displayName.localeCompare(b.displayName));
    return { members, records: await recordsOf(members) };
  }, []);
  const day = (iso: string | null | undefined) => formatDate(language, iso);

  return (
    <>
      <h1>{t('safeguarding.title')}</h1>
      <p className="muted">{t('safeguarding.intro')}</p>
      <section className="card" aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">{t('safeguarding.alerts.title')}</h2>
        <Loaded value={alerts}>
          {(list) =>
            list.items.length === 0 ? (
              <Empty>{t('safeguarding.alerts.none', { day: day(list.asOf) })}</Empty>
            ) : (
              <>
                <p className="muted">{t('safeguarding.alerts.asOf', { day: day(list.asOf) })}</p>
                <ul className="plain stack" data-testid="safeguarding-alerts">
                  {list.items.map((alert) => (
                    <AlertItem key={alert.staffId} alert={alert} day={day} />
                  ))}
                </ul>
              </>
            )
          }
        </Loaded>
      </section>
      <section className="card" aria-labelledby="expiring-heading">
        <h2 id="expiring-heading">{t('safeguarding.expiring.title')}</h2>
        <Loaded value={staff}>
          {({ members, records }) => {
            const due = members
              .map((member) => ({ member, record: records.get(member.id) }))
              .filter(
                (entry): entry is { member: Staff; record: SafeguardingRecord } =>
                  Boolean(entry.record) && !(entry.record instanceof Error) && entry.record?.status !== 'cleared',
              )
              .sort((a, b) => (a.record.expiresOn ?? '').localeCompare(b.record.expiresOn ?? ''));
            if (due.length === 0) return <Empty>{t('safeguarding.expiring.none')}</Empty>;
            return (
              <ul className="plain stack" data-testid="safeguarding-expiring">
                {due.map(({ member, record }) => (
                  <li
                    key={member.id}
                    className={`notice ${record.status === 'not_cleared' ? 'notice-error' : 'notice-info'}`}
                    data-staff-id={member.id}
                    data-status={record.status}
                  >
                    <p>
                      <strong>{member.displayName}</strong> <StatusBadge status={record.status} />
                    </p>
                    <p>
                      {record.expiresOn
                        ? t(record.status === 'not_cleared' ? 'safeguarding.ranOut' : 'safeguarding.runsOut', {
                            day: day(record.expiresOn),
                          })
                        : t('safeguarding.neverRecorded')}
                      {record.reasons.length > 0 && (
                        <>
                          {' '}
                          (<Reasons reasons={record.reasons} />)
                        </>
                      )}
                    </p>
                    <Link
                      to={`/admin/safeguarding/${member.id}`}
                      aria-label={t('safeguarding.staff.editOne', { name: member.displayName })}
                    >
                      {t('safeguarding.staff.edit')}
                    </Link>
                  </li>
                ))}
              </ul>
            );
          }}
        </Loaded>
      </section>
      <section aria-labelledby="staff-heading">
        <h2 id="staff-heading">{t('safeguarding.staff.title')}</h2>
        <label className="checkbox">
          <input
            type="checkbox"
            name="onlyAttention"
            checked={onlyAttention}
            onChange={(event) => setOnlyAttention(event.target.checked)}
          />{' '}
          {t('safeguarding.staff.onlyAttention')}
        </label>
        <Loaded value={staff}>
          {({ members, records }) => {
            const shown = members.filter((member) => {
              const record = records.get(member.id);
              return !onlyAttention || !(record instanceof Error || record?.status === 'cleared');
            });
            if (members.length === 0) return <Empty>{t('safeguarding.staff.none')}</Empty>;
            if (shown.length === 0) return <Empty>{t('safeguarding.staff.allCleared')}</Empty>;
            return (
              <TableFrame
                label={t('safeguarding.staff.title')}
                testId="safeguarding-staff"
                columns={[
                  t('safeguarding.staff.name'),
                  t('safeguarding.staff.status'),
                  t('safeguarding.dbs.title'),
                  t('safeguarding.training.title'),
                  <span className="visually-hidden">{t('safeguarding.staff.edit')}</span>,
                ]}
              >
                {shown.map((member) => {
                  const record = records.get(member.id);
                  if (!record || record instanceof Error) {
                    return (
                      <tr key={member.id} data-staff-id={member.id}>
                        <th scope="row">{member.displayName}</th>
                        <td colSpan={4}>
                          <ErrorNotice error={record ?? new Error(t('somethingWrong'))} onRetry={staff.reload} />
                        </td>
                      </tr>
                    );
                  }
                  return (
                    <tr key={member.id} data-staff-id={member.id} data-status={record.status}>
                      <th scope="row">
                        {member.displayName}
                        <br />
                        <span className="muted small-text">{t(`safeguarding.kind.${member.kind}`)}</span>
                      </th>
                      <td>
                        <StatusBadge status={record.status} />
                        {record.expiresOn && (
                          <>
                            <br />
                            <span className="small-text">
                              {t(record.status === 'not_cleared' ? 'safeguarding.ranOut' : 'safeguarding.runsOut', {
                                day: day(record.expiresOn),
                              })}
                            </span>
                          </>
                        )}
                        {record.reasons.length > 0 && (
                          <>
                            <br />
                            <span className="small-text">
                              <Reasons reasons={record.reasons} />
                            </span>
                          </>
                        )}
                      </td>
                      <td>
                        {record.dbs ? (
                          <>
                            {t(`safeguarding.level.${record.dbs.level}`)}
                            <br />
                            <span className="small-text">
                              {t('safeguarding.dbs.number')}: <span data-testid="dbs-number">{record.dbs.number}</span>
                              <br />
                              {t('safeguarding.dbs.issuedOn')}: {day(record.dbs.issuedOn)}
                              <br />
                              {t('safeguarding.dbs.updateServiceCheckedOn')}: {day(record.dbs.updateServiceCheckedOn)}
                              <br />
                              {t('safeguarding.dbs.expiresOn')}: {day(record.dbs.expiresOn)}
                            </span>
                          </>
                        ) : (
                          <span className="muted">{t('safeguarding.dbs.none')}</span>
                        )}
                      </td>
                      <td>
                        {record.training ? (
                          <>
                            {record.training.level}
                            <br />
                            <span className="small-text">
                              {t('safeguarding.training.completedOn')}: {day(record.training.completedOn)}
                              <br />
                              {t('safeguarding.training.expiresOn')}: {day(record.training.expiresOn)}
                            </span>
                          </>
                        ) : (
                          <span className="muted">{t('safeguarding.training.none')}</span>
                        )}
                      </td>
                      <td>
                        <Link
                          to={`/admin/safeguarding/${member.id}`}
                          className="button secondary"
                          aria-label={t('safeguarding.staff.editOne', { name: member.displayName })}
                        >
                          {record.version === 0 ? t('safeguarding.staff.record') : t('safeguarding.staff.edit')}
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </TableFrame>
            );
          }}
        </Loaded>
      </section>
    </>
  );
}

function AlertItem({ alert, day }: { alert: Alert; day: (iso: string | null | undefined) => string }) {
  const { t } = useI18n();
  return (
    <li
      className={`notice ${alert.status === 'not_cleared' ? 'notice-error' : 'notice-info'}`}
      data-staff-id={alert.staffId}
      data-status={alert.status}
    >
      <p>
        <strong>{alert.displayName}</strong> <span className="muted">· {t(`safeguarding.kind.${alert.kind}`)}</span>{' '}
        <StatusBadge status={alert.status} />
      </p>
      <p>
        {alert.runsOutOn
          ? t(alert.status === 'not_cleared' ? 'safeguarding.ranOut' : 'safeguarding.runsOut', { day: day(alert.runsOutOn) })
          : t('safeguarding.neverRecorded')}
        {alert.reasons.length > 0 && (
          <>
            {' '}
            (<Reasons reasons={alert.reasons} />)
          </>
        )}
      </p>
      <p className="small-text">
        {t('safeguarding.alerts.rostered', { sessions: alert.upcomingSessions, ensembles: alert.ensembleIds.length })}
      </p>
      <Link to={`/admin/safeguarding/${alert.staffId}`} aria-label={t('safeguarding.staff.editOne', { name: alert.displayName })}>
        {t('safeguarding.staff.edit')}
      </Link>
    </li>
  );
}
