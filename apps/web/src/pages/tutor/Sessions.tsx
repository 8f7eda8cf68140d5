import { useEffect, useState, type FormEvent } from 'react';
import { answered, ApiProblem, client, newId, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { formatDay, formatTime, useI18n, type MessageKey } from '../../i18n';
import { Link } from '../../router';
import { Empty, ErrorNotice, Field, FormError, InputField, Loaded, Notice, useLoad, useSubmit } from '../../ui';

type Register = Schema<'scheduling.RegisterDto'>;
type RegisterEntry = Schema<'scheduling.RegisterEntryDto'>;
type AttendanceStatus = NonNullable<RegisterEntry['status']>;

export function TutorSessions() {
  const { t, language } = useI18n();
  const { me } = useApp();
  const [period, setPeriod] = useState<'today' | 'week'>('today');
  const sessions = useLoad(
    async () => answered((await client.GET('/api/scheduling/me/occurrences', { params: { query: { period } } })).data),
    [period],
  );
  return (
    <>
      <h1>{t('mySessions')}</h1>
      <div className="segmented" role="group" aria-label={t('mySessions')}>
        {(['today', 'week'] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={period === option}
            className={period === option ? 'button primary' : 'button secondary'}
            onClick={() => setPeriod(option)}
          >
            {option === 'today' ? t('today') : t('thisWeek')}
          </button>
        ))}
      </div>
      <Loaded value={sessions}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('noSessions')}</Empty>
          ) : (
            <ul className="cards">
              {data.items.map((occurrence) => (
                <li key={occurrence.id} className="card session">
                  <Link to={`/tutor/sessions/${occurrence.id}`} className="card-link">
                    <span className="session-time">
                      {period === 'week' && `${formatDay(language, occurrence.localDate)}, `}
                      {formatTime(language, occurrence.startsAt, me.area.timeZone)}–
                      {formatTime(language, occurrence.endsAt, me.area.timeZone)}
                    </span>
                    <strong>{occurrence.title}</strong>
                    <span className="muted">{[occurrence.schoolName, occurrence.roomName].filter(Boolean).join(' · ')}</span>
                    {occurrence.status === 'cancelled' ? (
                      <span className="badge badge-bad">{t('cancelledSession')}</span>
                    ) : (
                      <span className={occurrence.registerTaken ? 'badge badge-good' : 'badge badge-warn'}>
                        {occurrence.registerTaken ? t('registerTaken') : t('registerNotTaken')}
                      </span>
                    )}
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}

const STATUSES: AttendanceStatus[] = ['present', 'late', 'absent', 'excused'];

interface Mark {
  markId: string;
  status: AttendanceStatus | null;
}

const keyOf = (entry: RegisterEntry) => entry.pupilId ?? entry.staffId ?? entry.name;

function readPending(key: string): { submissionId: string; marks: Record<string, Mark> } | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as { submissionId: string; marks: Record<string, Mark> }) : null;
  } catch {
    return null;
  }
}

export function TutorRegister({ occurrenceId }: { occurrenceId: string }) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const occurrence = useLoad(
    async () => answered((await client.GET('/api/scheduling/occurrences/{occurrenceId}', { params: { path: { occurrenceId } } })).data),
    [occurrenceId],
  );
  const register = useLoad(
    async () =>
      answered((await client.GET('/api/scheduling/occurrences/{occurrenceId}/register', { params: { path: { occurrenceId } } })).data),
    [occurrenceId],
  );
  return (
    <>
      <p>
        <Link to="/tutor">
          <span className="mirror-in-rtl" aria-hidden="true">
            ←
          </span>{' '}
          {t('back')}
        </Link>
      </p>
      <Loaded value={occurrence}>
        {(session) => (
          <header className="page-head">
            <h1>
              {t('register')}: {session.title}
            </h1>
            <p className="muted">
              {formatDay(language, session.localDate)} · {formatTime(language, session.startsAt, me.area.timeZone)}{' '}
              {session.schoolName && `· ${session.schoolName}`}
            </p>
          </header>
        )}
      </Loaded>
      <Loaded value={register}>{(data) => <RegisterForm occurrenceId={occurrenceId} register={data} onSaved={register.reload} />}</Loaded>
      <RehearsalNoteForm occurrenceId={occurrenceId} />
    </>
  );
}

function RegisterForm({ occurrenceId, register, onSaved }: { occurrenceId: string; register: Register; onSaved: () => void }) {
  const { t } = useI18n();
  // Each mark keeps one id for good, so that a retried submission is recognised, not counted twice.
  // Marks not yet saved (no signal in the hall) survive a reload of the page; the same ids make sending them again safe.
  const pendingKey = `tutti.register.${occurrenceId}`;
  const [pending] = useState(() => readPending(pendingKey));
  const [marks, setMarks] = useState<Record<string, Mark>>(() => ({
    ...Object.fromEntries(
      register.entries.map((entry) => [keyOf(entry), { markId: entry.markId ?? newId(), status: entry.status ?? null }]),
    ),
    ...(pending?.marks ?? {}),
  }));
  const [submissionId, setSubmissionId] = useState(() => pending?.submissionId ?? newId());
  const { busy, error, fieldError, run } = useSubmit();
  const [saved, setSaved] = useState(false);
  const [offline, setOffline] = useState(false);

  // A changed register is a new submission (an unchanged retry keeps its id, so the server sees a repeat).
  const edited = () => {
    setSaved(false);
    setSubmissionId(newId());
  };
  const set = (key: string, status: AttendanceStatus) => {
    edited();
    setMarks((current) => ({ ...current, [key]: { ...current[key], status } }));
  };
  const allPresent = () => {
    edited();
    setMarks((current) =>
      Object.fromEntries(Object.entries(current).map(([key, mark]) => [key, { ...mark, status: mark.status ?? 'present' }])),
    );
  };
  const unmarked = register.entries.filter((entry) => marks[keyOf(entry)]?.status === null).length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOffline(false);
    const body = {
      submissionId,
      marks: register.entries
        .map((entry) => ({ entry, mark: marks[keyOf(entry)] }))
        .flatMap(({ entry, mark }) =>
          mark?.status
            ? [
                {
                  markId: mark.markId,
                  ...(entry.pupilId ? { pupilId: entry.pupilId } : { staffId: entry.staffId ?? undefined }),
                  status: mark.status,
                },
              ]
            : [],
        ),
    };
    const send = () => client.POST('/api/scheduling/occurrences/{occurrenceId}/register', { params: { path: { occurrenceId } }, body });
    const save = async () => {
      try {
        await send();
      } catch (problem) {
        // A lost answer (network) or a server hiccup: the same submission id makes a second try safe.
        if (problem instanceof ApiProblem && problem.status < 500) throw problem;
        await send();
      }
      localStorage.removeItem(pendingKey);
      setSaved(true);
      setSubmissionId(newId());
      onSaved();
    };
    await run(save, (problem) => {
      if (problem instanceof ApiProblem && problem.status < 500) return false;
      // Still no answer: the marks wait on this phone, to be sent again.
      localStorage.setItem(pendingKey, JSON.stringify({ submissionId, marks }));
      setOffline(true);
      return true;
    });
  };

  if (register.entries.length === 0) return <Empty>{t('noPupils')}</Empty>;
  return (
    <form onSubmit={submit} noValidate className="register" aria-label={t('register')}>
      <div className="register-tools">
        <button type="button" className="button secondary" onClick={allPresent}>
          {t('allPresent')}
        </button>
        <span className="muted" aria-live="polite">
          {unmarked > 0 ? t('registerIncomplete', { n: unmarked }) : ''}
        </span>
      </div>
      <FormError error={error} fields={['marks']} />
      {register.entries.map((entry, index) => {
        const key = keyOf(entry);
        const current = marks[key]?.status ?? null;
        const markError = fieldError(`marks[${index}]`);
        return (
          <fieldset key={key} className="register-row" data-name={entry.name}>
            <legend>
              <strong>{entry.name}</strong>
              {entry.instrument && <span className="muted"> · {entry.instrument}</span>}
            </legend>
            <div className="mark-buttons">
              {STATUSES.map((status) => (
                <label key={status} className={`mark mark-${status}${current === status ? ' is-checked' : ''}`}>
                  <input type="radio" name={`mark-${key}`} value={status} checked={current === status} onChange={() => set(key, status)} />
                  <span>{t(`attendance.${status}` as MessageKey)}</span>
                </label>
              ))}
            </div>
            {markError && <p className="field-error">{markError}</p>}
          </fieldset>
        );
      })}
      {saved && <Notice>{t('registerSaved')}</Notice>}
      {offline && <Notice kind="error">{t('registerRetrying')}</Notice>}
      <div className="sticky-actions">
        <button type="submit" className="button primary big" disabled={busy}>
          {busy ? t('saving') : t('saveRegister')}
        </button>
      </div>
    </form>
  );
}

/** The note as the form holds it. */
interface NoteText {
  repertoire: string;
  focus: string;
  notes: string;
}

function RehearsalNoteForm({ occurrenceId }: { occurrenceId: string }) {
  const { t } = useI18n();
  const [repertoire, setRepertoire] = useState('');
  const [focus, setFocus] = useState('');
  const [notes, setNotes] = useState('');
  // The version of the note this form started from (null: the session has no note yet), sent as If-Match.
  const [version, setVersion] = useState<number | null>(null);
  const { busy, error, fieldError, run } = useSubmit();
  const [saved, setSaved] = useState(false);
  // What the tutor wrote when a colleague had saved the note meanwhile: shown, so that nothing typed on a phone is lost.
  const [unsaved, setUnsaved] = useState<NoteText | null>(null);
  const existing = useLoad(
    () =>
      client.GET('/api/scheduling/occurrences/{occurrenceId}/rehearsal-note', { params: { path: { occurrenceId } } }).then(
        ({ data }) => answered(data),
        (problem: unknown) => {
          if (problem instanceof ApiProblem && problem.status === 404) return null;
          throw problem;
        },
      ),
    [occurrenceId],
  );
  const loaded = existing.state === 'ready' ? existing.data : undefined;
  useEffect(() => {
    if (loaded === undefined) return;
    setVersion(loaded?.version ?? null);
    if (loaded) {
      setRepertoire(loaded.repertoire.join('\n'));
      setFocus(loaded.focus ?? '');
      setNotes(loaded.notes ?? '');
    }
  }, [loaded]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const save = async () => {
      const { data } = await client.PUT('/api/scheduling/occurrences/{occurrenceId}/rehearsal-note', {
        params: { path: { occurrenceId }, header: version === null ? {} : { 'If-Match': `"${version}"` } },
        body: {
          repertoire: repertoire
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
          ...(focus.trim() ? { focus: focus.trim() } : {}),
          ...(notes.trim() ? { notes: notes.trim() } : {}),
        },
      });
      setVersion(answered(data).version);
      setUnsaved(null);
      setSaved(true);
    };
    await run(save, (problem) => {
      // 412: changed since this form loaded it; 428: a colleague wrote the first note meanwhile.
      if (!(problem instanceof ApiProblem && (problem.status === 412 || problem.status === 428))) return false;
      setUnsaved({ repertoire, focus, notes });
      existing.reload();
      return true;
    });
  };

  return (
    <section className="card" aria-labelledby="note-heading">
      <h2 id="note-heading">{t('rehearsalNote')}</h2>
      {existing.state === 'error' ? (
        <ErrorNotice error={existing.error} onRetry={existing.reload} />
      ) : (
        <form onSubmit={submit} noValidate className="stack">
          <FormError error={error} fields={['repertoire', 'focus', 'notes']} />
          <Field label={t('repertoire')} error={fieldError('repertoire')}>
            {(props) => (
              <textarea {...props} name="repertoire" rows={3} value={repertoire} onChange={(event) => setRepertoire(event.target.value)} />
            )}
          </Field>
          <InputField label={t('focus')} error={fieldError('focus')} name="focus" value={focus} onChange={setFocus} />
          <Field label={t('notes')} error={fieldError('notes')}>
            {(props) => <textarea {...props} name="notes" rows={4} value={notes} onChange={(event) => setNotes(event.target.value)} />}
          </Field>
          {unsaved && (
            <>
              <Notice kind="error">{t('noteChangedMeanwhile')}</Notice>
              <div className="stack" data-testid="unsaved-note">
                <h3>{t('yourUnsavedNote')}</h3>
                {[unsaved.repertoire, unsaved.focus, unsaved.notes]
                  .filter((text) => text.trim())
                  .map((text, index) => (
                    <p key={index} className="preserve-lines">
                      {text}
                    </p>
                  ))}
              </div>
            </>
          )}
          {saved && <Notice>{t('noteSaved')}</Notice>}
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('saving') : t('saveNote')}
          </button>
        </form>
      )}
    </section>
  );
}
