import { useState, type ReactNode } from 'react';
import { answered, client, everyItem } from '../../api/client';
import { formatDateTime, LANGUAGES, useI18n, type MessageKey } from '../../i18n';
import { Empty, InputField, Loaded, TableFrame, useEditable, useLoad, useSubmit, type Editable, type Versioned } from '../../ui';
import { ConflictNotice } from '../conflict-words';
import { SendForm } from '../form-frame';

/** One settings card: the record read with its ETag, edited in a form that saves it with If-Match (a stale save told in words). */
function SettingsForm<T, D extends object>({
  title,
  testId,
  fields,
  editable,
  write,
  children,
}: {
  title: MessageKey;
  testId: string;
  fields: readonly string[];
  editable: Editable<T, D>;
  write: (draft: D, read: Versioned<T>) => Promise<unknown>;
  children: (draft: D) => ReactNode;
}) {
  const { t } = useI18n();
  const { record, draft, saved, saving, save } = editable;
  return (
    <Loaded value={record}>
      {() =>
        draft && (
          <SendForm
            testId={testId}
            className="stack card"
            heading={<h2>{t(title)}</h2>}
            notice={saved ? t('adm.saved') : null}
            sending={saving}
            fields={fields}
            onSubmit={save(write)}
            submitLabel={t('adm.save')}
          >
            {children(draft)}
          </SendForm>
        )
      }
    </Loaded>
  );
}

/** A number field as the form holds it: the text typed. */
function NumberField(props: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
}) {
  return <InputField {...props} type="number" inputMode="numeric" />;
}

/** A number as the form holds it, sent as a number (empty is sent as null, which the API refuses naming the field). */
const numberOf = (text: string) => (text.trim() === '' ? (null as unknown as number) : Number(text));

/** The area's settings: the area itself (time zone, weekly target, family seat limit, family languages), instrument loans and family emails. */
export function AdminSettings() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('adm.nav.settings')}</h1>
      <AreaSettings />
      <LoanSettings />
      <MessageSettings />
    </>
  );
}

const AREA_FIELDS = ['name', 'timeZone', 'weeklyProvisionTargetMinutes', 'familyTransportSeatLimit', 'familyLanguages'] as const;

function AreaSettings() {
  const { t } = useI18n();
  const editable = useEditable(
    () => client.GET('/identity/tenant'),
    (value) => ({
      name: value.name,
      timeZone: value.timeZone,
      weeklyProvisionTargetMinutes: String(value.weeklyProvisionTargetMinutes),
      familyTransportSeatLimit: String(value.familyTransportSeatLimit),
      familyLanguages: value.familyLanguages,
    }),
  );
  const { set, saving } = editable;
  return (
    <SettingsForm
      title="adm.areaSettings"
      testId="area-settings"
      fields={AREA_FIELDS}
      editable={editable}
      write={(values, { etag }) =>
        client.PATCH('/identity/tenant', {
          params: { header: { 'If-Match': etag } },
          body: {
            name: values.name,
            timeZone: values.timeZone,
            weeklyProvisionTargetMinutes: numberOf(values.weeklyProvisionTargetMinutes),
            familyTransportSeatLimit: numberOf(values.familyTransportSeatLimit),
            familyLanguages: values.familyLanguages,
          },
        })
      }
    >
      {(draft) => (
        <>
          <InputField
            label={t('adm.areaName')}
            error={saving.fieldError('name')}
            name="areaName"
            value={draft.name}
            onChange={(name) => set({ name })}
          />
          <InputField
            label={t('adm.timeZone')}
            hint={t('adm.timeZoneHint')}
            error={saving.fieldError('timeZone')}
            name="timeZone"
            value={draft.timeZone}
            onChange={(timeZone) => set({ timeZone })}
          />
          <NumberField
            label={t('adm.weeklyTarget')}
            name="weeklyProvisionTargetMinutes"
            value={draft.weeklyProvisionTargetMinutes}
            onChange={(value) => set({ weeklyProvisionTargetMinutes: value })}
            error={saving.fieldError('weeklyProvisionTargetMinutes')}
          />
          <NumberField
            label={t('adm.seatLimit')}
            hint={t('adm.seatLimitHint')}
            name="familyTransportSeatLimit"
            value={draft.familyTransportSeatLimit}
            onChange={(value) => set({ familyTransportSeatLimit: value })}
            error={saving.fieldError('familyTransportSeatLimit')}
          />
          <fieldset className={`field${saving.fieldError('familyLanguages') ? ' field-invalid' : ''}`}>
            <legend>{t('adm.familyLanguages')}</legend>
            {LANGUAGES.map((language) => (
              <label key={language.code} className="checkbox">
                <input
                  type="checkbox"
                  name="familyLanguages"
                  value={language.code}
                  checked={draft.familyLanguages.includes(language.code)}
                  onChange={(event) =>
                    set({
                      familyLanguages: event.target.checked
                        ? [...draft.familyLanguages, language.code]
                        : draft.familyLanguages.filter((code) => code !== language.code),
                    })
                  }
                />
                <span lang={language.code}>{language.name}</span>
              </label>
            ))}
            {saving.fieldError('familyLanguages') && <p className="field-error">{saving.fieldError('familyLanguages')}</p>}
          </fieldset>
        </>
      )}
    </SettingsForm>
  );
}

const LOAN_FIELDS = ['gracePeriodDays', 'inspectionIntervalDays', 'missedSessionsThreshold', 'termsVersion'] as const;

function LoanSettings() {
  const { t } = useI18n();
  const editable = useEditable(
    () => client.GET('/api/instrument-loan/settings'),
    (value) => ({
      gracePeriodDays: String(value.gracePeriodDays),
      inspectionIntervalDays: String(value.inspectionIntervalDays),
      missedSessionsThreshold: String(value.missedSessionsThreshold),
      termsVersion: value.termsVersion,
    }),
  );
  const { set, saving } = editable;
  return (
    <SettingsForm
      title="adm.loanSettings"
      testId="loan-settings"
      fields={LOAN_FIELDS}
      editable={editable}
      write={(values, { etag }) =>
        client.PATCH('/api/instrument-loan/settings', {
          params: { header: { 'If-Match': etag } },
          body: {
            gracePeriodDays: numberOf(values.gracePeriodDays),
            inspectionIntervalDays: numberOf(values.inspectionIntervalDays),
            missedSessionsThreshold: numberOf(values.missedSessionsThreshold),
            termsVersion: values.termsVersion,
          },
        })
      }
    >
      {(draft) => (
        <>
          <NumberField
            label={t('adm.gracePeriodDays')}
            name="gracePeriodDays"
            value={draft.gracePeriodDays}
            onChange={(value) => set({ gracePeriodDays: value })}
            error={saving.fieldError('gracePeriodDays')}
          />
          <NumberField
            label={t('adm.inspectionIntervalDays')}
            name="inspectionIntervalDays"
            value={draft.inspectionIntervalDays}
            onChange={(value) => set({ inspectionIntervalDays: value })}
            error={saving.fieldError('inspectionIntervalDays')}
          />
          <NumberField
            label={t('adm.missedSessionsThreshold')}
            hint={t('adm.missedSessionsHint')}
            name="missedSessionsThreshold"
            value={draft.missedSessionsThreshold}
            onChange={(value) => set({ missedSessionsThreshold: value })}
            error={saving.fieldError('missedSessionsThreshold')}
          />
          <InputField
            label={t('adm.termsVersion')}
            error={saving.fieldError('termsVersion')}
            name="termsVersion"
            value={draft.termsVersion}
            onChange={(termsVersion) => set({ termsVersion })}
          />
        </>
      )}
    </SettingsForm>
  );
}

function MessageSettings() {
  const { t } = useI18n();
  const editable = useEditable(
    () => client.GET('/api/parent-engagement/message-settings'),
    (value) => ({ replyTo: value.replyTo ?? '' }),
  );
  const { set, saving } = editable;
  return (
    <SettingsForm
      title="adm.messageSettings"
      testId="message-settings"
      fields={['replyTo']}
      editable={editable}
      write={(values, { etag }) =>
        client.PUT('/api/parent-engagement/message-settings', {
          params: { header: { 'If-Match': etag } },
          body: { replyTo: values.replyTo.trim() || null },
        })
      }
    >
      {(draft) => (
        <InputField
          label={t('adm.replyTo')}
          hint={t('adm.replyToHint')}
          error={saving.fieldError('replyTo')}
          name="replyTo"
          type="email"
          value={draft.replyTo}
          onChange={(replyTo) => set({ replyTo })}
        />
      )}
    </SettingsForm>
  );
}

/** The reminders queue: how many jobs wait, run and failed in each queue, and the reminders that failed, each retried with one press. */
export function AdminReminders() {
  const { t, language } = useI18n();
  const dashboard = useLoad(async () => {
    let queues: { name: string; counts?: Record<string, number>; error?: string }[] = [];
    const failed = await everyItem(async (cursor) => {
      const answer = answered(
        (await client.GET('/api/parent-engagement/admin/queues', { params: { query: { limit: 100, cursor } } })).data,
      );
      if (!cursor) queues = answer.queues as typeof queues;
      return answer.failedReminders;
    });
    return { queues, failed };
  }, []);
  const [retried, setRetried] = useState<string[]>([]);
  const retrying = useSubmit();
  const retry = (id: string) =>
    void retrying.run(async () => {
      await client.POST('/api/parent-engagement/admin/reminders/{reminderId}/retry', { params: { path: { reminderId: id } } });
      setRetried((current) => [...current, id]);
    });
  return (
    <>
      <h1>{t('adm.nav.reminders')}</h1>
      <p>
        <button type="button" className="button secondary" onClick={dashboard.reload}>
          {t('adm.refresh')}
        </button>
      </p>
      <Loaded value={dashboard}>
        {({ queues, failed }) => {
          const countNames = [...new Set(queues.flatMap((queue) => Object.keys(queue.counts ?? {})))];
          return (
            <>
              <section className="card" aria-labelledby="queues-heading">
                <h2 id="queues-heading">{t('adm.queues')}</h2>
                {queues.length === 0 ? (
                  <Empty>{t('adm.noQueues')}</Empty>
                ) : (
                  <TableFrame label={t('adm.queues')} testId="queues" columns={[t('adm.queue'), ...countNames]}>
                    {queues.map((queue) => (
                      <tr key={queue.name} data-queue={queue.name}>
                        <th scope="row">{queue.name}</th>
                        {queue.error ? (
                          <td colSpan={Math.max(1, countNames.length)}>{queue.error}</td>
                        ) : (
                          countNames.map((name) => <td key={name}>{queue.counts?.[name] ?? 0}</td>)
                        )}
                      </tr>
                    ))}
                  </TableFrame>
                )}
              </section>
              <section className="card" aria-labelledby="failed-heading">
                <h2 id="failed-heading">{t('adm.failedReminders')}</h2>
                <ConflictNotice error={retrying.error} />
                {failed.length === 0 ? (
                  <Empty>{t('adm.noFailedReminders')}</Empty>
                ) : (
                  <ul className="plain stack" data-testid="failed-reminders">
                    {failed.map((reminder) => (
                      <li key={reminder.id} data-reminder-id={reminder.id}>
                        <strong>{reminder.kind}</strong> · {formatDateTime(language, reminder.due)} ·{' '}
                        {t('adm.attempts', { n: reminder.attempts })}
                        {reminder.lastError && <span className="muted small-text"> · {reminder.lastError}</span>}{' '}
                        {retried.includes(reminder.id) ? (
                          <span role="status">{t('adm.retried')}</span>
                        ) : (
                          <button type="button" className="button secondary" disabled={retrying.busy} onClick={() => retry(reminder.id)}>
                            {t('adm.retry')}
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
