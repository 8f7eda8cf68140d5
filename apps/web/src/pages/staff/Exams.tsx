import { useState, type FormEvent } from 'react';
import { answered, ApiProblem, client, everyItem, newId, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { CursorListView, useCursorList } from '../../cursor-list';
import { formatDay, useI18n, type MessageKey } from '../../i18n';
import { Link } from '../../router';
import { Empty, InputField, Loaded, Notice, SelectField, useLoad, useSubmit, WordOptions } from '../../ui';
import { ConflictNotice, todayIn } from '../conflict-words';
import { SaveOrCancel, SubmitButton } from '../form-frame';

type ExamEntry = Schema<'scheduling.ExamEntryDto'>;
type Pupil = Schema<'scheduling.PupilDto'>;
type ExamResult = NonNullable<ExamEntry['result']>;

const RESULTS: Record<ExamResult, MessageKey> = {
  distinction: 'ht.exam.result.distinction',
  merit: 'ht.exam.result.merit',
  pass: 'ht.exam.result.pass',
  fail: 'ht.exam.result.fail',
  withdrawn: 'ht.exam.result.withdrawn',
};

const ENTRY_FIELDS = ['pupilId', 'board', 'grade', 'instrument', 'enteredOn', 'examOn'] as const;
const RESULT_FIELDS = ['result', 'marks', 'examOn'] as const;

export function pupilName(pupil: Pick<Pupil, 'firstName' | 'lastName'>): string {
  return `${pupil.firstName} ${pupil.lastName}`;
}

/** The active pupils the signed-in person may see (the API scopes the list to their schools). */
export function usePupils() {
  return useLoad(
    () =>
      everyItem(
        async (cursor) =>
          (await client.GET('/api/scheduling/pupils', { params: { query: { status: 'active', limit: 100, cursor } } })).data,
        20,
      ),
    [],
  );
}

/** An entry as the API holds it now (after a 412: a colleague changed it), read through the pupil's progression. */
export async function freshEntry(entry: ExamEntry): Promise<ExamEntry | undefined> {
  const { data } = await client.GET('/api/scheduling/pupils/{pupilId}/progression', { params: { path: { pupilId: entry.pupilId } } });
  return answered(data).examEntries.find((item) => item.id === entry.id);
}

/** A grade as people say it: 0 is "Initial". */
export function useGradeWords() {
  const { t } = useI18n();
  return (grade: number) => (grade === 0 ? t('ht.exam.initial') : t('ht.exam.grade', { n: grade }));
}

/**
 * Graded exams (headteacher and tutor): enter a pupil, the entries of the pupils one may see, and
 * each entry's result recorded or corrected (If-Match: a colleague's change meanwhile is told).
 */
export function StaffExams() {
  const { t } = useI18n();
  const { role } = useApp();
  const pupils = usePupils();
  const entries = useCursorList('/api/scheduling/exam-entries', {}, 20);
  const [done, setDone] = useState<string | null>(null);
  const base = role === 'headteacher' ? '/head' : '/tutor';
  return (
    <>
      <h1>{t('ht.exam.title')}</h1>
      <p>{t('ht.exam.intro')}</p>
      <div aria-live="polite">{done && <Notice>{done}</Notice>}</div>
      <Loaded value={pupils}>
        {(list) => (
          <>
            <EnterExam
              pupils={list}
              onEntered={(name) => {
                setDone(t('ht.exam.entered', { name }));
                entries.reload();
              }}
            />
            <section aria-labelledby="entries-heading">
              <h2 id="entries-heading">{t('ht.exam.entries')}</h2>
              <CursorListView list={entries} empty={<Empty>{t('ht.exam.none')}</Empty>}>
                {(items) => (
                  <ul className="cards plain" data-testid="exam-entries">
                    {items.map((entry) => (
                      <EntryCard
                        key={entry.id}
                        entry={entry}
                        name={(() => {
                          const pupil = list.find((candidate) => candidate.id === entry.pupilId);
                          return pupil ? pupilName(pupil) : t('aPupil');
                        })()}
                        progressionLink={`${base}/pupils/${entry.pupilId}`}
                        onSaved={(next) => {
                          entries.replace((item) => item.id === next.id, next);
                          setDone(t('ht.exam.resultSaved'));
                        }}
                        onStale={() =>
                          void freshEntry(entry).then((fresh) => fresh && entries.replace((item) => item.id === fresh.id, fresh))
                        }
                      />
                    ))}
                  </ul>
                )}
              </CursorListView>
            </section>
          </>
        )}
      </Loaded>
    </>
  );
}

/** Pupils narrowed by a typed name, for the long lists of a school. */
export function PupilChooser({
  pupils,
  value,
  onChange,
  error,
}: {
  pupils: Pupil[];
  value: string;
  onChange: (pupilId: string) => void;
  error?: string;
}) {
  const { t } = useI18n();
  const [filter, setFilter] = useState('');
  const shown = pupils
    .filter((pupil) => pupil.id === value || pupilName(pupil).toLowerCase().includes(filter.trim().toLowerCase()))
    .sort((a, b) => pupilName(a).localeCompare(pupilName(b)));
  return (
    <>
      <InputField label={t('ht.exam.findPupil')} name="pupilFilter" type="search" value={filter} onChange={setFilter} />
      <SelectField label={t('pupil')} error={error} name="pupilId" value={value} onChange={onChange} none={t('choosePupil')}>
        {shown.map((pupil) => (
          <option key={pupil.id} value={pupil.id}>
            {pupilName(pupil)} · {t('year', { n: pupil.yearGroup })}
          </option>
        ))}
      </SelectField>
    </>
  );
}

function EnterExam({ pupils, onEntered }: { pupils: Pupil[]; onEntered: (name: string) => void }) {
  const { t } = useI18n();
  const { me } = useApp();
  const gradeWords = useGradeWords();
  const [pupilId, setPupilId] = useState('');
  const [board, setBoard] = useState('ABRSM');
  const [grade, setGrade] = useState('1');
  const [instrument, setInstrument] = useState('');
  const [enteredOn, setEnteredOn] = useState(() => todayIn(me.area.timeZone));
  const [examOn, setExamOn] = useState('');
  const [missingPupil, setMissingPupil] = useState(false);
  const submission = useSubmit();
  // One key per entry meant: a retry after a lost answer enters the pupil once.
  const [idempotencyKey, setIdempotencyKey] = useState(newId);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMissingPupil(pupilId === '');
    if (pupilId === '') return;
    await submission.run(
      async () => {
        const { data } = await client.POST('/api/scheduling/pupils/{pupilId}/exam-entries', {
          params: { path: { pupilId }, header: { 'Idempotency-Key': idempotencyKey } },
          body: { board, grade: Number(grade), instrument, enteredOn, ...(examOn ? { examOn } : {}) },
        });
        const pupil = pupils.find((candidate) => candidate.id === pupilId);
        answered(data);
        onEntered(pupil ? pupilName(pupil) : '');
        setPupilId('');
        setInstrument('');
        setExamOn('');
        setIdempotencyKey(newId());
      },
      (problem) => {
        if (problem instanceof ApiProblem) setIdempotencyKey(newId());
      },
    );
  };
  return (
    <section className="card" aria-labelledby="enter-exam-heading">
      <h2 id="enter-exam-heading">{t('ht.exam.enter')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate className="stack" data-testid="enter-exam">
        <ConflictNotice error={submission.error} fields={ENTRY_FIELDS} />
        <PupilChooser
          pupils={pupils}
          value={pupilId}
          onChange={setPupilId}
          error={missingPupil ? t('ht.exam.choosePupil') : submission.fieldError('pupilId')}
        />
        <InputField label={t('ht.exam.board')} error={submission.fieldError('board')} name="board" value={board} onChange={setBoard} />
        <SelectField label={t('ht.exam.gradeLabel')} error={submission.fieldError('grade')} name="grade" value={grade} onChange={setGrade}>
          {[0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
            <option key={n} value={n}>
              {gradeWords(n)}
            </option>
          ))}
        </SelectField>
        <InputField
          label={t('head.instrument')}
          error={submission.fieldError('instrument')}
          name="instrument"
          value={instrument}
          onChange={setInstrument}
        />
        <InputField
          label={t('ht.exam.enteredOn')}
          error={submission.fieldError('enteredOn')}
          name="enteredOn"
          type="date"
          value={enteredOn}
          onChange={setEnteredOn}
        />
        <InputField
          label={t('ht.exam.examOn')}
          error={submission.fieldError('examOn')}
          name="examOn"
          type="date"
          value={examOn}
          onChange={setExamOn}
        />
        <SubmitButton busy={submission.busy} label={t('ht.exam.enterButton')} />
      </form>
    </section>
  );
}

/** One exam entry, its result, and the form to record or correct it. */
export function EntryCard({
  entry,
  name,
  progressionLink,
  onSaved,
  onStale,
}: {
  entry: ExamEntry;
  name?: string;
  progressionLink?: string;
  onSaved: (entry: ExamEntry) => void;
  onStale: () => void;
}) {
  const { t, language } = useI18n();
  const gradeWords = useGradeWords();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<ExamResult>(entry.result ?? 'pass');
  const [marks, setMarks] = useState(entry.marks === null || entry.marks === undefined ? '' : String(entry.marks));
  const [examOn, setExamOn] = useState(entry.examOn ?? '');
  const submission = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await submission.run(
      async () => {
        const { data } = await client.PATCH('/api/scheduling/exam-entries/{entryId}/result', {
          params: { path: { entryId: entry.id }, header: { 'If-Match': `"${entry.version}"` } },
          body: { result, ...(marks !== '' ? { marks: Number(marks) } : {}), ...(examOn ? { examOn } : {}) },
        });
        setOpen(false);
        onSaved(answered(data));
      },
      (problem) => {
        // Changed meanwhile: told in words (kept as the error), and the list read again.
        if (problem instanceof ApiProblem && problem.status === 412) onStale();
      },
    );
  };
  const title = `${entry.board} ${gradeWords(entry.grade)} · ${entry.instrument}`;
  return (
    <li className="card" data-entry-id={entry.id} data-result={entry.result ?? ''}>
      <h3>{name ? `${name}: ${title}` : title}</h3>
      <p className="muted">
        {t('ht.exam.enteredOnDay', { day: formatDay(language, entry.enteredOn) })}
        {entry.examOn && ` · ${t('ht.exam.examOnDay', { day: formatDay(language, entry.examOn) })}`}
      </p>
      <p data-testid="result">
        {entry.result ? (
          <span className={entry.result === 'fail' || entry.result === 'withdrawn' ? 'badge badge-warn' : 'badge badge-good'}>
            {t(RESULTS[entry.result])}
            {entry.marks !== null && entry.marks !== undefined && ` · ${t('ht.exam.marks', { n: entry.marks })}`}
          </span>
        ) : (
          <span className="badge badge-none">{t('ht.exam.noResult')}</span>
        )}
      </p>
      {progressionLink && (
        <p>
          <Link to={progressionLink}>{t('ht.exam.progressionOf', { name: name ?? '' })}</Link>
        </p>
      )}
      {open ? (
        <form onSubmit={(event) => void submit(event)} noValidate className="stack" data-testid="record-result">
          <ConflictNotice error={submission.error} fields={RESULT_FIELDS} />
          <SelectField
            label={t('ht.exam.resultLabel')}
            error={submission.fieldError('result')}
            name="result"
            value={result}
            onChange={(value) => setResult(value as ExamResult)}
          >
            <WordOptions words={RESULTS} />
          </SelectField>
          <InputField
            label={t('ht.exam.marksLabel')}
            error={submission.fieldError('marks')}
            name="marks"
            type="number"
            inputMode="numeric"
            value={marks}
            onChange={setMarks}
          />
          <InputField
            label={t('ht.exam.examOn')}
            error={submission.fieldError('examOn')}
            name="examOn"
            type="date"
            value={examOn}
            onChange={setExamOn}
          />
          <SaveOrCancel busy={submission.busy} saveLabel={t('ht.exam.saveResult')} onCancel={() => setOpen(false)} />
        </form>
      ) : (
        <button type="button" className="button secondary" onClick={() => setOpen(true)}>
          {entry.result ? t('ht.exam.correctResult') : t('ht.exam.recordResult')}
          <span className="visually-hidden">
            : {name ? `${name}, ` : ''}
            {title}
          </span>
        </button>
      )}
    </li>
  );
}
