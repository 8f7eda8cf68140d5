import { useState, type FormEvent } from 'react';
import { allPages, answered, ApiProblem, client, isWithin, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { formatDateTime, useI18n, type MessageKey, type Translate } from '../../i18n';
import { Empty, ErrorNotice, Loaded, Notice, useLoad, useSubmit } from '../../ui';
import { useChildren, type Child } from './children';
import { CursorListView, useCursorList } from '../../cursor-list';
import { ChildrenChoice, PeopleCount } from './who-is-coming';

type Performance = Schema<'parent-engagement.PerformanceDto'>;
type Rsvp = Schema<'parent-engagement.RsvpDto'>;

const RSVP_FIELDS = ['attending', 'adults', 'pupilIds', 'otherChildren'] as const;
type RsvpField = (typeof RSVP_FIELDS)[number];

/**
 * Upcoming performances families can come to (parent-engagement's list, as on the home page), each
 * with the family's answer: who is coming. Those a child of theirs performs in are marked (that
 * list is performance-event's; without it the marks are left out, the answers still work).
 */
export function ParentPerformances() {
  const { t } = useI18n();
  const children = useChildren();
  const performances = useCursorList('/api/parent-engagement/performances');
  const rsvps = useLoad(() => allPages('/api/parent-engagement/rsvps'), []);
  const performing = useLoad(
    () =>
      allPages('/api/performance-event/performances', { from: new Date().toISOString() }).then(
        (list) => new Set(list.map((performance) => performance.id)),
        () => new Set<string>(),
      ),
    [],
  );
  return (
    <>
      <h1>{t('performances')}</h1>
      <p>{t('rsvpIntro')}</p>
      <Loaded value={children}>
        {(kids) => (
          <Loaded value={rsvps}>
            {(answers) => (
              <CursorListView list={performances}>
                {(items) =>
                  items.length === 0 ? (
                    <Empty>{t('noPerformances')}</Empty>
                  ) : (
                    <ul className="cards">
                      {items.map((performance) => (
                        <RsvpCard
                          key={performance.id}
                          performance={performance}
                          kids={kids}
                          childPerforming={performing.state === 'ready' && performing.data.has(performance.id)}
                          saved={answers.find((answer) => answer.performanceId === performance.id) ?? null}
                        />
                      ))}
                    </ul>
                  )
                }
              </CursorListView>
            )}
          </Loaded>
        )}
      </Loaded>
    </>
  );
}

/** The family's saved answer in words. */
function savedAnswer(t: Translate, saved: Rsvp | null): string {
  if (!saved) return t('rsvpNotAnswered');
  if (!saved.attending) return t('rsvpSavedNotComing');
  return t('rsvpSavedComing', { adults: t('countAdults', { n: saved.adults }), children: t('countChildren', { n: saved.children }) });
}

/** The API's 400 for one field, in the reader's language (the API speaks English). */
function rsvpFieldError(t: Translate, error: unknown, field: RsvpField): string | undefined {
  const problem = error instanceof ApiProblem ? error.errors.find((item) => isWithin(item.field, field)) : undefined;
  if (!problem) return undefined;
  if (problem.rule === 'someoneComes') return t('rsvpNobodyComing');
  return t(`rsvpError.${field}` as MessageKey);
}

function RsvpCard({
  performance,
  kids,
  childPerforming,
  saved: initial,
}: {
  performance: Performance;
  kids: Child[];
  childPerforming: boolean;
  saved: Rsvp | null;
}) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const [saved, setSaved] = useState<Rsvp | null>(initial);
  const [attending, setAttending] = useState<boolean | null>(initial ? initial.attending : null);
  const [adults, setAdults] = useState(initial?.attending ? initial.adults : 1);
  const [pupilIds, setPupilIds] = useState<string[]>(initial?.attending ? initial.pupilIds : []);
  const [otherChildren, setOtherChildren] = useState(initial?.attending ? Math.max(0, initial.children - initial.pupilIds.length) : 0);
  const { busy, error, conflict, run } = useSubmit();
  const [message, setMessage] = useState<string | null>(null);
  const cancelled = performance.status === 'cancelled';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const coming = attending === true;
    const sent = async () => {
      const { data } = await client.PUT('/api/parent-engagement/performances/{performanceId}/rsvp', {
        params: { path: { performanceId: performance.id }, header: { 'If-Match': saved ? `"${saved.version}"` : undefined } },
        // With no choice made the API names the "attending" field, shown beside the question.
        body: {
          attending: attending as boolean,
          adults: coming ? adults : 0,
          pupilIds: coming ? pupilIds : [],
          otherChildren: coming ? otherChildren : 0,
        },
      });
      const answer = answered(data);
      setSaved(answer);
      setMessage(t('rsvpSaved'));
    };
    await run(sent, async (problem) => {
      if (problem instanceof ApiProblem && problem.status === 412) {
        // Changed elsewhere (another phone): show what is saved now, so that the next save starts from it.
        const { data } = await client
          .GET('/api/parent-engagement/performances/{performanceId}/rsvp', { params: { path: { performanceId: performance.id } } })
          .catch(() => ({ data: undefined }));
        setSaved(data ?? null);
      }
    });
  };

  const fieldError = (field: RsvpField) => rsvpFieldError(t, error, field);
  const claimed =
    error instanceof ApiProblem &&
    error.status === 400 &&
    error.errors.length > 0 &&
    error.errors.every((item) => RSVP_FIELDS.some((field) => isWithin(item.field, field)));

  return (
    <li className="card" data-performance-id={performance.id}>
      <h2>{performance.title}</h2>
      <p>
        {formatDateTime(language, performance.startsAt, me.area.timeZone)} · {performance.venueName}
        {childPerforming && (
          <>
            <br />
            <span className="badge badge-good">{t('childPerforming')}</span>
          </>
        )}
      </p>
      {cancelled ? (
        <p>
          <span className="badge badge-bad">{t('status.cancelled')}</span>
        </p>
      ) : (
        <>
          <p className="rsvp-saved" data-testid="rsvp-saved" aria-live="polite">
            <strong>{savedAnswer(t, saved)}</strong>
          </p>
          {message && <Notice>{message}</Notice>}
          {error !== null &&
            !claimed &&
            (conflict ? (
              <Notice kind="error">{conflict.status === 409 ? t('rsvpClosed') : t('rsvpStale')}</Notice>
            ) : (
              <ErrorNotice error={error} />
            ))}
          <form onSubmit={submit} noValidate className="stack">
            <fieldset className={fieldError('attending') ? 'field-invalid' : undefined}>
              <legend>{t('rsvpQuestion')}</legend>
              <label className="choice">
                <input
                  type="radio"
                  name={`attending-${performance.id}`}
                  value="yes"
                  checked={attending === true}
                  onChange={() => setAttending(true)}
                />
                <span>{t('rsvpYes')}</span>
              </label>
              <label className="choice">
                <input
                  type="radio"
                  name={`attending-${performance.id}`}
                  value="no"
                  checked={attending === false}
                  onChange={() => setAttending(false)}
                />
                <span>{t('rsvpNo')}</span>
              </label>
              {fieldError('attending') && <p className="field-error">{fieldError('attending')}</p>}
            </fieldset>
            {attending === true && (
              <>
                <PeopleCount label={t('rsvpAdults')} name="adults" value={adults} onChange={setAdults} error={fieldError('adults')} />
                {kids.length > 0 && (
                  <ChildrenChoice
                    legend={t('rsvpWhichChildren')}
                    kids={kids}
                    chosen={pupilIds}
                    onChange={setPupilIds}
                    error={fieldError('pupilIds')}
                  />
                )}
                <PeopleCount
                  label={t('rsvpOtherChildren')}
                  hint={t('rsvpOtherChildrenHint')}
                  name="otherChildren"
                  value={otherChildren}
                  onChange={setOtherChildren}
                  error={fieldError('otherChildren')}
                />
              </>
            )}
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? t('saving') : saved ? t('rsvpChange') : t('rsvpSave')}
              <span className="visually-hidden">: {performance.title}</span>
            </button>
          </form>
        </>
      )}
    </li>
  );
}
