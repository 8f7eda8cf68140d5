import { useState } from 'react';
import { answered, client, type Schema } from '../../../api/client';
import { useApp } from '../../../app-context';
import { formatDateTime, useI18n, type MessageKey } from '../../../i18n';
import { Empty, Field, InputField, Loaded, Notice, useEditable, useLoad, useSubmit } from '../../../ui';
import { ConflictNotice, todayIn } from '../../conflict-words';
import { LiveDataRequest, PrivacyNav, type DataRequest } from './data-request-view';

type Schedule = Schema<'RetentionScheduleDto'>;
type Line = keyof Schedule;

/** The schedule's lines in the order the page shows them, each with its unit. */
const LINES: { key: Line; unit: 'years' | 'months'; label: MessageKey }[] = [
  { key: 'attendanceYears', unit: 'years', label: 'privacy.retention.attendanceYears' },
  { key: 'pupilRecordYearsAfterLeaving', unit: 'years', label: 'privacy.retention.pupilRecordYearsAfterLeaving' },
  { key: 'familyContactMonthsAfterLeaving', unit: 'months', label: 'privacy.retention.familyContactMonthsAfterLeaving' },
  { key: 'messageMonths', unit: 'months', label: 'privacy.retention.messageMonths' },
  { key: 'loanYearsAfterReturn', unit: 'years', label: 'privacy.retention.loanYearsAfterReturn' },
  { key: 'auditYears', unit: 'years', label: 'privacy.retention.auditYears' },
];

type Draft = Record<Line, string>;

function draftOf(schedule: Schedule): Draft {
  return Object.fromEntries(LINES.map(({ key }) => [key, String(schedule[key])])) as Draft;
}

/**
 * The area's retention schedule (how long each kind of record is kept, edited with If-Match), a
 * dry run showing what applying it would touch, a run, and the report of the runs so far (the
 * daily scheduled ones included).
 */
export function AdminRetention() {
  const { t, language } = useI18n();
  const { me } = useApp();
  const {
    record: schedule,
    draft,
    set,
    saved,
    saving,
    save: saveWith,
  } = useEditable(() => client.GET('/identity/retention-schedule'), draftOf);
  const runs = useLoad(
    async () => answered((await client.GET('/identity/data-requests', { params: { query: { kind: 'retention', limit: 10 } } })).data),
    [],
  );
  const [asOf, setAsOf] = useState('');
  const [current, setCurrent] = useState<DataRequest | null>(null);
  const [confirmRun, setConfirmRun] = useState(false);
  const running = useSubmit();

  const save = saveWith((values, { value: before, etag }) => {
    const changes: Partial<Schedule> = {};
    for (const { key } of LINES) {
      const text = values[key].trim();
      // A field left as it was is not sent; anything else is, and the API says what is wrong with it.
      if (text !== String(before[key])) changes[key] = text === '' ? Number.NaN : Number(text);
    }
    return client.PATCH('/identity/retention-schedule', { params: { header: { 'If-Match': etag } }, body: changes });
  });

  const run = (dryRun: boolean) =>
    running.run(async () => {
      const { data } = await client.POST('/identity/retention-runs', { body: { dryRun, ...(asOf ? { asOf } : {}) } });
      setCurrent(answered(data));
      setConfirmRun(false);
      runs.reload();
    });

  return (
    <>
      <h1>{t('privacy.retention.title')}</h1>
      <PrivacyNav current="retention" />
      <p className="muted">{t('privacy.retention.intro')}</p>
      <section className="card" aria-labelledby="schedule-heading">
        <h2 id="schedule-heading">{t('privacy.retention.schedule')}</h2>
        <Loaded value={schedule}>
          {() =>
            draft && (
              <form onSubmit={save} noValidate className="stack" data-testid="retention-schedule">
                {LINES.map(({ key, unit, label }) => (
                  <Field key={key} label={t(label)} hint={t(`privacy.retention.unit.${unit}`)} error={saving.fieldError(key)}>
                    {(props) => (
                      <input
                        {...props}
                        name={key}
                        type="number"
                        inputMode="numeric"
                        min={0}
                        step={1}
                        value={draft[key]}
                        onChange={(event) => set({ [key]: event.target.value })}
                      />
                    )}
                  </Field>
                ))}
                <div className="actions">
                  <button type="submit" className="button primary" disabled={saving.busy}>
                    {t('privacy.retention.save')}
                  </button>
                </div>
                <div aria-live="polite">{saved && <Notice>{t('privacy.retention.saved')}</Notice>}</div>
                <ConflictNotice error={saving.error} fields={LINES.map(({ key }) => key)} />
              </form>
            )
          }
        </Loaded>
      </section>
      <section className="card" aria-labelledby="apply-heading">
        <h2 id="apply-heading">{t('privacy.retention.apply')}</h2>
        <p className="muted">{t('privacy.retention.applyIntro')}</p>
        <div className="stack" data-testid="retention-run">
          <InputField
            label={t('privacy.retention.asOf')}
            hint={t('privacy.retention.asOfHint')}
            error={running.fieldError('asOf')}
            name="asOf"
            type="date"
            max={todayIn(me.area.timeZone)}
            value={asOf}
            onChange={setAsOf}
          />
          {!confirmRun ? (
            <div className="actions">
              <button type="button" className="button primary" disabled={running.busy} onClick={() => void run(true)}>
                {t('privacy.retention.dryRun')}
              </button>
              <button type="button" className="button secondary" disabled={running.busy} onClick={() => setConfirmRun(true)}>
                {t('privacy.retention.runNow')}
              </button>
            </div>
          ) : (
            <div className="notice notice-error" role="alertdialog" aria-labelledby="run-heading">
              <h3 id="run-heading">{t('privacy.retention.confirmTitle')}</h3>
              <p>{t('privacy.retention.confirmWhat')}</p>
              <div className="actions">
                <button type="button" className="button primary" disabled={running.busy} onClick={() => void run(false)}>
                  {t('privacy.retention.confirm')}
                </button>
                <button type="button" className="button secondary" onClick={() => setConfirmRun(false)}>
                  {t('privacy.erasure.cancel')}
                </button>
              </div>
            </div>
          )}
          <ConflictNotice error={running.error} fields={['asOf']} />
        </div>
        {current && <LiveDataRequest key={current.id} initial={current} onDone={runs.reload} />}
      </section>
      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading">{t('privacy.retention.runs')}</h2>
        <Loaded value={runs}>
          {(page) =>
            page.items.length === 0 ? (
              <Empty>{t('privacy.retention.noRuns')}</Empty>
            ) : (
              <ul className="plain stack" data-testid="retention-runs">
                {page.items.map((request) => (
                  <li key={request.id} className="card">
                    <details>
                      <summary>
                        {formatDateTime(language, request.createdAt, me.area.timeZone)} ·{' '}
                        {request.retentionRun?.dryRun ? t('privacy.retention.kindDry') : t('privacy.retention.kindRun')} ·{' '}
                        {request.requestedBy ? t('privacy.retention.byPerson') : t('privacy.retention.bySchedule')} ·{' '}
                        {touched(request) === null
                          ? t('privacy.progress.collecting', { received: request.progress.received, of: request.progress.of })
                          : t(request.retentionRun?.dryRun ? 'privacy.retention.wouldTouch' : 'privacy.retention.touched', {
                              n: touched(request) ?? 0,
                            })}
                      </summary>
                      <LiveDataRequest initial={request} />
                    </details>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
    </>
  );
}

/** Rows a finished run anonymised or deleted (or would have), null while services are still answering. */
function touched(request: DataRequest): number | null {
  if (request.state !== 'done') return null;
  return request.parts.flatMap((part) => part.actions).reduce((sum, action) => sum + (action.action === 'kept' ? 0 : action.rows), 0);
}
