import { useRef, useState, type FormEvent } from 'react';
import { allPages, answered, ApiProblem, client, everyItem, newId, type Schema } from '../../api/client';
import { formatDay, useI18n } from '../../i18n';
import { useApp } from '../../app-context';
import { Link } from '../../router';
import { Empty, Field, FormError, InputField, type Loadable, Loaded, Notice, SelectField, useLoad, useSubmit } from '../../ui';
import { CONDITION_GRADES, conditionWords, instrumentName, statusWords, type ConditionGrade } from '../instrument-words';

type InstrumentDetail = Schema<'instrument-loan.InstrumentDto'>;
type Loan = Schema<'instrument-loan.LoanDto'>;

/** A pupil the tutor teaches, with the sessions they are met in. */
interface SessionPupil {
  pupilId: string;
  name: string;
  instrument: string | null;
  sessions: string[];
}

/** The pupils of the sessions this tutor teaches (every ensemble they take), by name. */
async function loadSessionPupils(): Promise<SessionPupil[]> {
  const me = await client.GET('/api/scheduling/staff/me').then(
    ({ data }) => answered(data),
    (problem: unknown) => {
      if (problem instanceof ApiProblem && problem.status === 404) return null;
      throw problem;
    },
  );
  if (!me) return [];
  const sessions = (await allPages('/api/scheduling/sessions')).filter((session) => session.tutorIds.includes(me.id));
  const titles = new Map<string, string[]>();
  for (const session of sessions) titles.set(session.ensembleId, [...(titles.get(session.ensembleId) ?? []), session.title]);
  const pupils = new Map<string, SessionPupil>();
  const memberLists = await Promise.all(
    [...titles.keys()].map(async (ensembleId) => ({
      ensembleId,
      members: await everyItem(
        async (cursor) =>
          (
            await client.GET('/api/scheduling/ensembles/{ensembleId}/members', {
              params: { path: { ensembleId }, query: { limit: 100, cursor } },
            })
          ).data,
      ),
    })),
  );
  for (const { ensembleId, members } of memberLists) {
    for (const member of members) {
      if (!member.pupilId) continue;
      const known = pupils.get(member.pupilId) ?? {
        pupilId: member.pupilId,
        name: member.name,
        instrument: member.instrument ?? null,
        sessions: [],
      };
      known.sessions = [...new Set([...known.sessions, ...(titles.get(ensembleId) ?? [])])];
      known.instrument ??= member.instrument ?? null;
      pupils.set(member.pupilId, known);
    }
  }
  return [...pupils.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The usual end of a loan: 20 July, the end of the school year. */
function schoolYearEnd(today: Date): string {
  const thisYear = `${today.getFullYear()}-07-20`;
  return today.toISOString().slice(0, 10) < thisYear ? thisYear : `${today.getFullYear() + 1}-07-20`;
}

interface Found {
  instrument: InstrumentDetail;
  loan: Loan | null;
}

async function findInstrument(assetTag: string): Promise<Found> {
  const { data } = await client.GET('/api/instrument-loan/instruments/by-tag/{assetTag}', { params: { path: { assetTag } } });
  return withLoan(answered(data));
}

/** The instrument with its active loan, when it is out. */
async function withLoan(instrument: InstrumentDetail): Promise<Found> {
  if (instrument.status !== 'on_loan') return { instrument, loan: null };
  const { data } = await client.GET('/api/instrument-loan/loans', {
    params: { query: { instrumentId: instrument.id, state: 'active', limit: 1 } },
  });
  return { instrument, loan: answered(data).items[0] ?? null };
}

/** A tutor lends an instrument to a pupil, or takes it back, by its asset tag: made for a phone in a school hall. */
export function TutorInstruments() {
  const { t } = useI18n();
  const pupils = useLoad(loadSessionPupils, []);
  const [tag, setTag] = useState('');
  const [tagError, setTagError] = useState<string | undefined>();
  const [found, setFound] = useState<Found | null>(null);
  const lookup = useSubmit();
  const [done, setDone] = useState<string | null>(null);
  const tagInput = useRef<HTMLInputElement>(null);

  const lookUp = (assetTag: string) =>
    lookup.run(
      async () => setFound(await findInstrument(assetTag)),
      (problem) => {
        setFound(null);
        // No such tag, or not a tag at all: told beside the tag field.
        if (problem instanceof ApiProblem && problem.status === 404) setTagError(t('noSuchTag', { tag: assetTag }));
        else if (problem instanceof ApiProblem && problem.errors.length > 0) setTagError(problem.errors[0].message);
        else return false;
        return true;
      },
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const assetTag = tag.trim();
    setDone(null);
    setTagError(undefined);
    if (!assetTag) {
      setTagError(t('tagRequired'));
      tagInput.current?.focus();
      return;
    }
    await lookUp(assetTag);
  };

  const finished = async (message: string) => {
    setDone(message);
    if (found) await lookUp(found.instrument.assetTag);
  };

  return (
    <>
      <h1>{t('lendOrReturn')}</h1>
      <p className="muted">{t('lendOrReturnIntro')}</p>
      <form onSubmit={submit} noValidate className="stack tag-search" role="search" aria-label={t('findInstrument')}>
        <InputField
          label={t('assetTagLong')}
          hint={t('assetTagHint')}
          error={tagError}
          ref={tagInput}
          name="assetTag"
          className="big-input"
          value={tag}
          onChange={setTag}
          inputMode="text"
          enterKeyHint="search"
          autoCapitalize="characters"
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
        />
        <button type="submit" className="button primary big" disabled={lookup.busy}>
          {lookup.busy ? t('loading') : t('findInstrument')}
        </button>
      </form>
      {lookup.error !== null && <FormError error={lookup.error} fields={[]} />}
      {done && <Notice>{done}</Notice>}
      {found && (
        <InstrumentCard
          found={found}
          pupils={pupils}
          onDone={(message) => void finished(message)}
          onLookAgain={() => void lookUp(found.instrument.assetTag)}
          withPageLink
        />
      )}
    </>
  );
}

/**
 * One instrument: its facts in words, then what can be done with it now: lend it to a pupil
 * when it is available, take it back when it is out, else why it cannot be lent.
 */
function InstrumentCard({
  found,
  pupils,
  onDone,
  onLookAgain,
  withPageLink = false,
}: {
  found: Found;
  pupils: Loadable<SessionPupil[]> & { reload: () => void };
  onDone: (message: string) => void;
  onLookAgain: () => void;
  withPageLink?: boolean;
}) {
  const { t, language } = useI18n();
  const pupilName = (pupilId: string) =>
    pupils.state === 'ready' ? pupils.data.find((pupil) => pupil.pupilId === pupilId)?.name : undefined;
  const { instrument } = found;
  return (
    <section className="card" aria-labelledby="instrument-heading" data-testid="instrument" data-instrument-id={instrument.id}>
      <h2 id="instrument-heading">
        {instrument.assetTag} · {instrumentName(t, instrument)}
      </h2>
      <dl className="facts">
        <dt>{t('condition')}</dt>
        <dd>{conditionWords(t, instrument.condition)}</dd>
        <dt>{t('status')}</dt>
        <dd>
          <span
            className={`badge ${instrument.status === 'available' ? 'badge-good' : instrument.status === 'on_loan' ? 'badge-warn' : 'badge-bad'}`}
          >
            {statusWords(t, instrument.status)}
          </span>
        </dd>
        {(instrument.make || instrument.model) && (
          <>
            <dt>{t('makeAndModel')}</dt>
            <dd>{[instrument.make, instrument.model].filter(Boolean).join(' ')}</dd>
          </>
        )}
        {instrument.nextInspectionOn && (
          <>
            <dt>{t('instrumentPage.nextInspection')}</dt>
            <dd>{formatDay(language, instrument.nextInspectionOn)}</dd>
          </>
        )}
      </dl>
      {withPageLink && (
        <p>
          <Link to={`/instruments/${instrument.id}`}>{t('instrumentPage.open', { tag: instrument.assetTag })}</Link>
        </p>
      )}
      {instrument.status === 'available' ? (
        <Loaded value={pupils}>
          {(list) => (
            <CheckOutForm
              key={instrument.id}
              instrument={instrument}
              pupils={list}
              onDone={(name, dueOn) => onDone(t('lentTo', { tag: instrument.assetTag, name, date: dueOn }))}
              onConflict={onLookAgain}
            />
          )}
        </Loaded>
      ) : instrument.status === 'on_loan' && found.loan ? (
        <ReturnForm
          key={found.loan.id}
          loan={found.loan}
          pupilName={pupilName(found.loan.pupilId)}
          onDone={(grade) => onDone(t('returnedWith', { tag: instrument.assetTag, condition: conditionWords(t, grade).toLowerCase() }))}
        />
      ) : (
        <Notice kind="info">{t('cannotLend', { status: statusWords(t, instrument.status) })}</Notice>
      )}
    </section>
  );
}

/**
 * The page a scanned QR label opens (`/instruments/<id>`, the link instrument-loan prints on the
 * label): that instrument for the staff who may see it, with what can be done with it now.
 */
export function InstrumentPage({ instrumentId }: { instrumentId: string }) {
  const { t } = useI18n();
  const { role } = useApp();
  const pupils = useLoad(loadSessionPupils, []);
  const found = useLoad(
    async () =>
      withLoan(
        answered((await client.GET('/api/instrument-loan/instruments/{instrumentId}', { params: { path: { instrumentId } } })).data),
      ),
    [instrumentId],
  );
  const [done, setDone] = useState<string | null>(null);
  const back = role === 'programme_admin' ? '/admin/instruments' : '/tutor/instruments';
  return (
    <>
      <p>
        <Link to={back}>{t('instrumentPage.back')}</Link>
      </p>
      <h1>{t('instrumentPage.title')}</h1>
      <div aria-live="polite">{done && <Notice>{done}</Notice>}</div>
      {found.state === 'error' && found.error instanceof ApiProblem && found.error.status === 404 ? (
        <Empty>{t('instrumentPage.notFound')}</Empty>
      ) : (
        <Loaded value={found}>
          {(current) => (
            <InstrumentCard
              found={current}
              pupils={pupils}
              onDone={(message) => {
                setDone(message);
                found.reload();
              }}
              onLookAgain={found.reload}
            />
          )}
        </Loaded>
      )}
    </>
  );
}

/** What a 409 says clashes, in a sentence (the API's detail names it). */
function ConflictNotice({ problem }: { problem: ApiProblem }) {
  const { t } = useI18n();
  return (
    <Notice kind="error">
      <p>
        <strong>{t('loanClash')}</strong> {problem.detail ?? problem.title}
      </p>
    </Notice>
  );
}

const CHECK_OUT_FIELDS = ['pupilId', 'dueOn', 'conditionOut', 'agreement', 'accessories'] as const;

function CheckOutForm({
  instrument,
  pupils,
  onDone,
  onConflict,
}: {
  instrument: InstrumentDetail;
  pupils: SessionPupil[];
  onDone: (pupilName: string, dueOn: string) => void;
  onConflict: () => void;
}) {
  const { t, language } = useI18n();
  const settings = useLoad(async () => answered((await client.GET('/api/instrument-loan/settings')).data), []);
  const [pupilId, setPupilId] = useState('');
  const [dueOn, setDueOn] = useState(() => schoolYearEnd(new Date()));
  const [conditionOut, setConditionOut] = useState<ConditionGrade>(instrument.condition);
  const [agreedByName, setAgreedByName] = useState('');
  const [agreed, setAgreed] = useState(false);
  const { busy, error, problem, fieldError, setError, run } = useSubmit();
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  // One key per attempt at this check-out, so that a retried tap is not a second loan.
  const [idempotencyKey] = useState(newId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!pupilId) missing.pupilId = t('choosePupilFirst');
    if (!agreedByName.trim()) missing.agreedByName = t('agreedByRequired');
    if (!agreed) missing.agreed = t('agreementRequired');
    setLocalErrors(missing);
    setError(null);
    if (Object.keys(missing).length > 0 || settings.state !== 'ready') return;
    const termsVersion = settings.data.termsVersion;
    await run(async () => {
      await client.POST('/api/instrument-loan/loans', {
        params: { header: { 'Idempotency-Key': idempotencyKey } },
        body: {
          instrumentId: instrument.id,
          pupilId,
          dueOn,
          conditionOut,
          agreement: { agreedByName: agreedByName.trim(), agreedAt: new Date().toISOString(), termsVersion },
        },
      });
      onDone(pupils.find((pupil) => pupil.pupilId === pupilId)?.name ?? '', formatDay(language, dueOn));
    });
  };

  const conflict = problem?.status === 409 ? problem : null;
  return (
    <form onSubmit={submit} noValidate className="stack" aria-labelledby="check-out-heading">
      <h3 id="check-out-heading">{t('checkOutTo')}</h3>
      {conflict ? (
        <>
          <ConflictNotice problem={conflict} />
          <button type="button" className="button secondary" onClick={onConflict}>
            {t('lookAgain')}
          </button>
        </>
      ) : (
        <FormError error={error} fields={CHECK_OUT_FIELDS} />
      )}
      {pupils.length === 0 ? (
        <Notice kind="info">{t('noSessionPupils')}</Notice>
      ) : (
        <SelectField
          label={t('pupil')}
          hint={t('pupilHint')}
          error={localErrors.pupilId ?? fieldError('pupilId')}
          name="pupilId"
          className="big-input"
          value={pupilId}
          onChange={setPupilId}
          none={t('choosePupil')}
        >
          {pupils.map((pupil) => (
            <option key={pupil.pupilId} value={pupil.pupilId}>
              {pupil.name}
              {pupil.instrument ? ` (${pupil.instrument})` : ''}
            </option>
          ))}
        </SelectField>
      )}
      <InputField
        label={t('dueBack')}
        error={fieldError('dueOn')}
        name="dueOn"
        type="date"
        className="big-input"
        value={dueOn}
        onChange={setDueOn}
      />
      <SelectField
        label={t('conditionGoingOut')}
        error={fieldError('conditionOut')}
        name="conditionOut"
        className="big-input"
        value={conditionOut}
        onChange={(value) => setConditionOut(value as ConditionGrade)}
      >
        {CONDITION_GRADES.map((grade) => (
          <option key={grade} value={grade}>
            {conditionWords(t, grade)}
          </option>
        ))}
      </SelectField>
      <InputField
        label={t('agreedBy')}
        hint={t('agreedByHint')}
        error={localErrors.agreedByName ?? fieldError('agreement.agreedByName')}
        name="agreedByName"
        className="big-input"
        autoComplete="off"
        value={agreedByName}
        onChange={setAgreedByName}
      />
      <div className={`field${localErrors.agreed ? ' field-invalid' : ''}`}>
        <label className="choice">
          <input
            type="checkbox"
            name="agreed"
            checked={agreed}
            onChange={(event) => setAgreed(event.target.checked)}
            aria-invalid={localErrors.agreed ? true : undefined}
            aria-describedby={localErrors.agreed ? 'agreed-error' : undefined}
          />
          <span>{t('agreementSigned', { version: settings.state === 'ready' ? settings.data.termsVersion : '…' })}</span>
        </label>
        {localErrors.agreed && (
          <p className="field-error" id="agreed-error">
            {localErrors.agreed}
          </p>
        )}
      </div>
      <button type="submit" className="button primary big" disabled={busy || pupils.length === 0}>
        {busy ? t('saving') : t('checkOut')}
      </button>
    </form>
  );
}

function ReturnForm({ loan, pupilName, onDone }: { loan: Loan; pupilName: string | undefined; onDone: (grade: ConditionGrade) => void }) {
  const { t, language } = useI18n();
  const otherPupil = useLoad(
    async () =>
      pupilName
        ? null
        : client.GET('/api/scheduling/pupils/{pupilId}', { params: { path: { pupilId: loan.pupilId } } }).then(
            ({ data }) => data ?? null,
            () => null,
          ),
    [loan.pupilId, pupilName],
  );
  const [conditionIn, setConditionIn] = useState<ConditionGrade | ''>('');
  const [notes, setNotes] = useState('');
  const { busy, error, problem, fieldError, setError, run } = useSubmit();
  const [conditionMissing, setConditionMissing] = useState(false);
  const name =
    pupilName ??
    (otherPupil.state === 'ready' && otherPupil.data ? `${otherPupil.data.firstName} ${otherPupil.data.lastName}` : t('aPupil'));
  const overdue = loan.dueOn < new Date().toISOString().slice(0, 10);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setConditionMissing(!conditionIn);
    if (!conditionIn) return;
    await run(async () => {
      await client.POST('/api/instrument-loan/loans/{loanId}/return', {
        params: { path: { loanId: loan.id } },
        body: { conditionIn, ...(notes.trim() ? { notes: notes.trim() } : {}) },
      });
      onDone(conditionIn);
    });
  };

  const conditionError = conditionMissing ? t('conditionRequired') : fieldError('conditionIn');
  return (
    <form onSubmit={submit} noValidate className="stack" aria-labelledby="return-heading">
      <h3 id="return-heading">{t('currentLoan')}</h3>
      <p className="current-loan">
        {t('onLoanTo', { name, since: formatDay(language, loan.startedAt.slice(0, 10)), due: formatDay(language, loan.dueOn) })}
        {overdue && <span className="badge badge-bad"> {t('overdue')}</span>}
      </p>
      {problem?.status === 409 ? <ConflictNotice problem={problem} /> : <FormError error={error} fields={['conditionIn', 'notes']} />}
      <fieldset
        className={`condition-choices${conditionError ? ' field-invalid' : ''}`}
        aria-describedby={conditionError ? 'condition-in-error' : undefined}
      >
        <legend>{t('conditionComingBack')}</legend>
        <div className="choice-grid">
          {CONDITION_GRADES.map((grade) => (
            <label key={grade} className={`choice${conditionIn === grade ? ' is-checked' : ''}`}>
              <input type="radio" name="conditionIn" value={grade} checked={conditionIn === grade} onChange={() => setConditionIn(grade)} />
              <span>{conditionWords(t, grade)}</span>
            </label>
          ))}
        </div>
        {conditionError && (
          <p className="field-error" id="condition-in-error">
            {conditionError}
          </p>
        )}
      </fieldset>
      <Field label={t('returnNotes')} error={fieldError('notes')}>
        {(props) => <textarea {...props} name="notes" rows={2} value={notes} onChange={(event) => setNotes(event.target.value)} />}
      </Field>
      <button type="submit" className="button primary big" disabled={busy}>
        {busy ? t('saving') : t('checkIn')}
      </button>
    </form>
  );
}
