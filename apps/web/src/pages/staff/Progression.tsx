import { useState, type FormEvent } from 'react';
import { allPages, answered, client, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { formatDay, useI18n } from '../../i18n';
import { Link } from '../../router';
import { Empty, InputField, Loaded, Notice, SelectField, useLoad, useSubmit } from '../../ui';
import { ConflictNotice, todayIn } from '../conflict-words';
import { EntryCard, pupilName } from './Exams';

type Progression = Schema<'scheduling.ProgressionDto'>;
type Membership = Progression['ensembles'][number];

const MOVE_FIELDS = ['pupilId', 'joinedOn', 'instrument'] as const;

/**
 * One pupil's progression: their exams (results recorded here too), the ensembles they have been
 * in and their level moves; a headteacher moves them to an ensemble of another level from here.
 */
export function StaffPupilProgression({ pupilId }: { pupilId: string }) {
  const { t, language } = useI18n();
  const { role } = useApp();
  const pupil = useLoad(
    async () => answered((await client.GET('/api/scheduling/pupils/{pupilId}', { params: { path: { pupilId } } })).data),
    [pupilId],
  );
  const progression = useLoad(
    async () => answered((await client.GET('/api/scheduling/pupils/{pupilId}/progression', { params: { path: { pupilId } } })).data),
    [pupilId],
  );
  const [done, setDone] = useState<string | null>(null);
  const base = role === 'headteacher' ? '/head' : '/tutor';
  return (
    <>
      <p>
        <Link to={`${base}/exams`}>{t('back')}</Link>
      </p>
      <Loaded value={pupil}>
        {(found) => (
          <>
            <h1>{t('ht.prog.title', { name: pupilName(found) })}</h1>
            <div aria-live="polite">{done && <Notice>{done}</Notice>}</div>
            <Loaded value={progression}>
              {(data) => (
                <>
                  <section aria-labelledby="levels-heading" className="card">
                    <h2 id="levels-heading">{t('ht.prog.levelMoves')}</h2>
                    {data.levelMoves.length === 0 ? (
                      <Empty>{t('ht.prog.noLevelMoves')}</Empty>
                    ) : (
                      <ol data-testid="level-moves">
                        {data.levelMoves.map((move, index) => (
                          <li key={`${move.on}-${index}`}>
                            {formatDay(language, move.on)}:{' '}
                            {move.fromLevel
                              ? t('ht.prog.moved', { from: move.fromLevel, to: move.toLevel, ensemble: move.ensembleName })
                              : t('ht.prog.started', { to: move.toLevel, ensemble: move.ensembleName })}
                          </li>
                        ))}
                      </ol>
                    )}
                  </section>
                  <section aria-labelledby="ensembles-heading" className="card">
                    <h2 id="ensembles-heading">{t('ht.prog.ensembles')}</h2>
                    {data.ensembles.length === 0 ? (
                      <Empty>{t('ht.prog.noEnsembles')}</Empty>
                    ) : (
                      <ul className="plain" data-testid="memberships">
                        {data.ensembles.map((membership, index) => (
                          <li key={`${membership.ensembleId}-${index}`} data-current={membership.leftOn ? 'no' : 'yes'}>
                            <strong>{membership.ensembleName}</strong>
                            {membership.level && ` · ${membership.level}`}
                            <br />
                            <span className="muted">
                              {membership.leftOn
                                ? t('ht.prog.fromTo', {
                                    from: formatDay(language, membership.joinedOn),
                                    to: formatDay(language, membership.leftOn),
                                  })
                                : t('head.members.since', { day: formatDay(language, membership.joinedOn) })}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </section>
                  {role === 'headteacher' && (
                    <MoveLevel
                      pupilId={pupilId}
                      schoolId={found.schoolId}
                      current={data.ensembles.filter((membership) => !membership.leftOn)}
                      onMoved={(message) => {
                        setDone(message);
                        progression.reload();
                      }}
                    />
                  )}
                  <section aria-labelledby="exams-heading">
                    <h2 id="exams-heading">{t('ht.exam.entries')}</h2>
                    {data.examEntries.length === 0 ? (
                      <Empty>{t('ht.exam.none')}</Empty>
                    ) : (
                      <ul className="cards plain" data-testid="exam-entries">
                        {data.examEntries.map((entry) => (
                          <EntryCard
                            key={entry.id}
                            entry={entry}
                            onSaved={() => {
                              setDone(t('ht.exam.resultSaved'));
                              progression.reload();
                            }}
                            onStale={progression.reload}
                          />
                        ))}
                      </ul>
                    )}
                  </section>
                </>
              )}
            </Loaded>
          </>
        )}
      </Loaded>
    </>
  );
}

/**
 * A level move: the pupil joins an ensemble of another level of their school and leaves the one
 * they are in, from the same day, in one call, so a refusal (a timetable clash, told in words)
 * leaves them where they were.
 */
function MoveLevel({
  pupilId,
  schoolId,
  current,
  onMoved,
}: {
  pupilId: string;
  schoolId: string;
  current: Membership[];
  onMoved: (message: string) => void;
}) {
  const { t } = useI18n();
  const { me } = useApp();
  const ensembles = useLoad(() => allPages('/api/scheduling/ensembles', { schoolId }), [schoolId]);
  const [fromId, setFromId] = useState(current[0]?.ensembleId ?? '');
  const [toId, setToId] = useState('');
  const [joinedOn, setJoinedOn] = useState(() => todayIn(me.area.timeZone));
  const [missing, setMissing] = useState(false);
  const submission = useSubmit();
  const from = current.find((membership) => membership.ensembleId === fromId);

  const move = (override: boolean) =>
    submission.run(async () => {
      const joined = answered(
        (
          await client.POST('/api/scheduling/ensembles/{ensembleId}/members', {
            params: { path: { ensembleId: toId } },
            body: {
              pupilId,
              joinedOn,
              ...(from?.instrument ? { instrument: from.instrument } : {}),
              ...(from ? { leavingEnsembleId: from.ensembleId } : {}),
              ...(override ? { override: true } : {}),
            },
          })
        ).data,
      );
      setToId('');
      const target = ensembles.state === 'ready' ? ensembles.data.find((item) => item.id === toId) : undefined;
      onMoved(t('ht.prog.movedDone', { name: joined.name, ensemble: target?.name ?? '' }));
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(toId === '');
    if (toId !== '') void move(false);
  };
  const clash =
    submission.conflict?.status === 409 && submission.conflict.conflicts.some((item) => (item as { clashesWith?: unknown }).clashesWith);
  return (
    <section aria-labelledby="move-heading" className="card">
      <h2 id="move-heading">{t('ht.prog.move')}</h2>
      <Loaded value={ensembles}>
        {(list) => {
          const choices = list.filter((item) => item.id !== fromId && !current.some((membership) => membership.ensembleId === item.id));
          return (
            <form onSubmit={submit} noValidate className="stack" data-testid="move-level">
              <ConflictNotice error={submission.error} fields={MOVE_FIELDS} />
              {clash && (
                <button type="button" className="button secondary" disabled={submission.busy} onClick={() => void move(true)}>
                  {t('head.members.addAnyway')}
                </button>
              )}
              {current.length > 0 && (
                <SelectField label={t('ht.prog.leaving')} name="fromEnsemble" value={fromId} onChange={setFromId}>
                  {current.map((membership) => (
                    <option key={membership.ensembleId} value={membership.ensembleId}>
                      {membership.ensembleName}
                      {membership.level ? ` · ${membership.level}` : ''}
                    </option>
                  ))}
                </SelectField>
              )}
              <SelectField
                label={t('ht.prog.joining')}
                error={missing ? t('ht.prog.chooseEnsemble') : submission.fieldError('pupilId')}
                name="toEnsemble"
                value={toId}
                onChange={setToId}
                none={t('chooseEnsemble')}
              >
                {choices.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.name}
                    {item.level ? ` · ${item.level}` : ''}
                  </option>
                ))}
              </SelectField>
              <InputField
                label={t('ht.prog.from')}
                error={submission.fieldError('joinedOn')}
                name="joinedOn"
                type="date"
                value={joinedOn}
                onChange={setJoinedOn}
              />
              <button type="submit" className="button primary" disabled={submission.busy}>
                {submission.busy ? t('saving') : t('ht.prog.moveButton')}
              </button>
            </form>
          );
        }}
      </Loaded>
    </section>
  );
}
