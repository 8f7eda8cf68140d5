import { useState, type FormEvent } from 'react';
import { allPages, answered, ApiProblem, client, everyItem, newId, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { CursorListView, useCursorList } from '../../cursor-list';
import { formatDateTime, formatTime, useI18n } from '../../i18n';
import { Empty, InputField, Loaded, Notice, SelectField, TableFrame, useLoad, useSubmit } from '../../ui';
import { ConflictNotice } from '../conflict-words';
import { zonedIso } from './Performances';
import { useMySchools, type School } from './schools';

type FamilySession = Schema<'parent-engagement.FamilySessionDto'>;
type Kind = FamilySession['kind'];

const SESSION_FIELDS = ['kind', 'title', 'schoolId', 'startsAt', 'endsAt', 'capacity'] as const;

/**
 * Family music sessions and workshops at the headteacher's schools: put one on, the sessions to come
 * and those past with who signed up, the register of who came, and the term's engagement figures.
 */
export function HeadFamilySessions() {
  const { t } = useI18n();
  const schools = useMySchools();
  const [when, setWhen] = useState<'coming' | 'past'>('coming');
  const sessions = useCursorList('/api/parent-engagement/family-sessions', { when }, 20);
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <h1>{t('ht.fam.title')}</h1>
      <div aria-live="polite">{done && <Notice>{done}</Notice>}</div>
      <Loaded value={schools}>
        {(mine) =>
          mine.length === 0 ? (
            <Empty>{t('noSchool')}</Empty>
          ) : (
            <>
              <AddSession
                schools={mine}
                onAdded={(session) => {
                  setDone(t('ht.fam.added', { title: session.title }));
                  setWhen('coming');
                  sessions.reload();
                }}
              />
              <section aria-labelledby="sessions-heading">
                <h2 id="sessions-heading">{when === 'coming' ? t('ht.fam.coming') : t('ht.fam.past')}</h2>
                <div className="actions" role="group" aria-label={t('ht.fam.which')}>
                  <button type="button" className="button secondary" aria-pressed={when === 'coming'} onClick={() => setWhen('coming')}>
                    {t('ht.fam.coming')}
                  </button>
                  <button type="button" className="button secondary" aria-pressed={when === 'past'} onClick={() => setWhen('past')}>
                    {t('ht.fam.past')}
                  </button>
                </div>
                <CursorListView list={sessions} empty={<Empty>{when === 'coming' ? t('ht.fam.noneComing') : t('ht.fam.nonePast')}</Empty>}>
                  {(items) => (
                    <ul className="cards plain" data-testid="family-sessions">
                      {items.map((session) => (
                        <SessionCard
                          key={session.id}
                          session={session}
                          schoolName={mine.find((school) => school.id === session.schoolId)?.name}
                        />
                      ))}
                    </ul>
                  )}
                </CursorListView>
              </section>
              <Engagement schools={mine} />
            </>
          )
        }
      </Loaded>
    </>
  );
}

function SessionCard({ session, schoolName }: { session: FamilySession; schoolName?: string }) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const zone = me.area.timeZone;
  const signUps = useLoad(
    () =>
      everyItem(
        async (cursor) =>
          (
            await client.GET('/api/parent-engagement/family-sessions/{sessionId}/sign-ups', {
              params: { path: { sessionId: session.id }, query: { cursor, limit: 100 } },
            })
          ).data,
      ),
    [session.id],
  );
  const marking = useSubmit();
  const started = new Date(session.startsAt).getTime() <= Date.now();
  const mark = (signUpId: string, attended: boolean) =>
    marking.run(async () => {
      await client.POST('/api/parent-engagement/session-sign-ups/{signUpId}/attendance', {
        params: { path: { signUpId } },
        body: { attended },
      });
      signUps.reload();
    });
  return (
    <li className="card" data-session-id={session.id}>
      <h3>{session.title}</h3>
      <p>
        <span className="badge badge-none">{session.kind === 'workshop' ? t('ht.fam.kind.workshop') : t('ht.fam.kind.family_music')}</span>
        <br />
        {formatDateTime(language, session.startsAt, zone)}–{formatTime(language, session.endsAt, zone)}
        {schoolName && ` · ${schoolName}`}
      </p>
      <p>
        <span className={session.placesLeft > 0 ? 'badge badge-good' : 'badge badge-bad'}>
          {t('ht.fam.places', { left: session.placesLeft, capacity: session.capacity })}
        </span>
      </p>
      <h4>{t('ht.fam.signUps')}</h4>
      <ConflictNotice error={marking.error} />
      <Loaded value={signUps}>
        {(list) => {
          const live = list.filter((signUp) => signUp.status === 'signed_up');
          if (live.length === 0) return <Empty>{t('ht.fam.noSignUps')}</Empty>;
          return (
            <ul className="plain" data-testid="sign-ups">
              {live.map((signUp) => (
                <li key={signUp.id} className="consent-row" data-sign-up-id={signUp.id} data-attended={String(signUp.attended ?? '')}>
                  <span>
                    <strong>{signUp.guardianName}</strong> · {t('ht.fam.people', { n: signUp.places })}
                    {signUp.attended === true && <span className="badge badge-good"> {t('ht.fam.came')}</span>}
                    {signUp.attended === false && <span className="badge badge-warn"> {t('ht.fam.didNotCome')}</span>}
                  </span>
                  {started && (
                    <span className="actions">
                      <button
                        type="button"
                        className="button secondary"
                        disabled={marking.busy || signUp.attended === true}
                        onClick={() => void mark(signUp.id, true)}
                        aria-label={t('ht.fam.markCameName', { name: signUp.guardianName })}
                      >
                        {t('ht.fam.markCame')}
                      </button>
                      <button
                        type="button"
                        className="button secondary"
                        disabled={marking.busy || signUp.attended === false}
                        onClick={() => void mark(signUp.id, false)}
                        aria-label={t('ht.fam.markAbsentName', { name: signUp.guardianName })}
                      >
                        {t('ht.fam.markAbsent')}
                      </button>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
    </li>
  );
}

function AddSession({ schools, onAdded }: { schools: School[]; onAdded: (session: FamilySession) => void }) {
  const { t } = useI18n();
  const { me } = useApp();
  const [kind, setKind] = useState<Kind>('workshop');
  const [title, setTitle] = useState('');
  const [schoolId, setSchoolId] = useState(schools[0]?.id ?? '');
  const [date, setDate] = useState('');
  const [startTime, setStartTime] = useState('15:30');
  const [endTime, setEndTime] = useState('16:30');
  const [capacity, setCapacity] = useState('30');
  const submission = useSubmit();
  // One key per session meant: a retry after a lost answer puts on one session.
  const [idempotencyKey, setIdempotencyKey] = useState(newId);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await submission.run(
      async () => {
        const { data } = await client.POST('/api/parent-engagement/family-sessions', {
          params: { header: { 'Idempotency-Key': idempotencyKey } },
          body: {
            kind,
            title,
            schoolId,
            startsAt: date ? zonedIso(date, startTime, me.area.timeZone) : '',
            endsAt: date ? zonedIso(date, endTime, me.area.timeZone) : '',
            capacity: Number(capacity),
          },
        });
        setTitle('');
        setIdempotencyKey(newId());
        onAdded(answered(data));
      },
      (problem) => {
        if (problem instanceof ApiProblem) setIdempotencyKey(newId());
      },
    );
  };
  return (
    <section className="card" aria-labelledby="add-session-heading">
      <h2 id="add-session-heading">{t('ht.fam.add')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate className="stack" data-testid="add-session">
        <ConflictNotice error={submission.error} fields={SESSION_FIELDS} />
        <SelectField
          label={t('ht.fam.kind')}
          error={submission.fieldError('kind')}
          name="kind"
          value={kind}
          onChange={(value) => setKind(value as Kind)}
        >
          <option value="workshop">{t('ht.fam.kind.workshop')}</option>
          <option value="family_music">{t('ht.fam.kind.family_music')}</option>
        </SelectField>
        <InputField label={t('head.title')} error={submission.fieldError('title')} name="title" value={title} onChange={setTitle} />
        {schools.length > 1 && (
          <SelectField
            label={t('school')}
            error={submission.fieldError('schoolId')}
            name="schoolId"
            value={schoolId}
            onChange={setSchoolId}
            choices={schools}
          />
        )}
        <InputField
          label={t('head.date')}
          error={submission.fieldError('startsAt')}
          name="date"
          type="date"
          value={date}
          onChange={setDate}
        />
        <InputField label={t('startTime')} name="startTime" type="time" value={startTime} onChange={setStartTime} />
        <InputField
          label={t('endTime')}
          error={submission.fieldError('endsAt')}
          name="endTime"
          type="time"
          value={endTime}
          onChange={setEndTime}
        />
        <InputField
          label={t('ht.fam.capacity')}
          hint={t('ht.fam.capacityHint')}
          error={submission.fieldError('capacity')}
          name="capacity"
          type="number"
          inputMode="numeric"
          min={1}
          value={capacity}
          onChange={setCapacity}
        />
        <button type="submit" className="button primary" disabled={submission.busy}>
          {submission.busy ? t('saving') : t('ht.fam.addButton')}
        </button>
      </form>
    </section>
  );
}

/** The term's engagement figures per school of the headteacher (the term chosen from the area's terms). */
function Engagement({ schools }: { schools: School[] }) {
  const { t } = useI18n();
  const terms = useLoad(() => allPages('/api/scheduling/terms'), []);
  const [termId, setTermId] = useState('');
  return (
    <section aria-labelledby="engagement-heading" className="card">
      <h2 id="engagement-heading">{t('familyEngagement')}</h2>
      <Loaded value={terms}>
        {(list) => {
          if (list.length === 0) return <Empty>{t('eval.noTerms')}</Empty>;
          const today = new Date().toISOString().slice(0, 10);
          const chosen =
            list.find((term) => term.id === termId) ??
            list.find((term) => term.startsOn <= today && today <= term.endsOn) ??
            list[list.length - 1];
          return (
            <>
              <SelectField label={t('term')} name="termId" value={chosen.id} onChange={setTermId} choices={list} />
              <Figures from={chosen.startsOn} to={chosen.endsOn} schools={schools} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function Figures({ from, to, schools }: { from: string; to: string; schools: School[] }) {
  const { t } = useI18n();
  const figures = useLoad(
    async () => answered((await client.GET('/api/parent-engagement/engagement-figures', { params: { query: { from, to } } })).data),
    [from, to],
  );
  return (
    <Loaded value={figures}>
      {(data) => {
        const rows = data.schools.filter((row) => schools.some((school) => school.id === row.schoolId));
        if (rows.length === 0) return <Empty>{t('noEngagementYet')}</Empty>;
        return (
          <TableFrame
            label={t('engagementBySchool')}
            caption={t('engagementBySchool')}
            testId="engagement"
            columns={[t('school'), t('familiesEngaged'), t('firstTime'), t('returning'), t('attendedPerformance'), t('usedTransport')]}
          >
            {rows.map((row) => (
              <tr key={row.schoolId} data-school-id={row.schoolId}>
                <th scope="row">{schools.find((school) => school.id === row.schoolId)?.name ?? ''}</th>
                <td>{row.familiesEngaged}</td>
                <td>{row.firstTime}</td>
                <td>{row.returning}</td>
                <td>{row.attendedPerformance}</td>
                <td>{row.usedTransport}</td>
              </tr>
            ))}
          </TableFrame>
        );
      }}
    </Loaded>
  );
}
