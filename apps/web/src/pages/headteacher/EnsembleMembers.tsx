import { useState, type FormEvent } from 'react';
import { answered, client, everyItem, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { formatDay, useI18n } from '../../i18n';
import { Link } from '../../router';
import { Empty, InputField, Loaded, Notice, SelectField, useLoad, useSubmit } from '../../ui';
import { ConflictNotice, todayIn } from '../conflict-words';

type Member = Schema<'scheduling.MemberDto'>;
const ADD_FIELDS = ['pupilId', 'staffId', 'instrument', 'section', 'joinedOn'] as const;

/** One ensemble: who is in it now, taking a member out, and adding a pupil or a member of staff. */
export function HeadEnsembleMembers({ ensembleId }: { ensembleId: string }) {
  const { t } = useI18n();
  const ensemble = useLoad(
    async () => answered((await client.GET('/api/scheduling/ensembles/{ensembleId}', { params: { path: { ensembleId } } })).data),
    [ensembleId],
  );
  const members = useLoad(
    () =>
      everyItem(
        async (cursor) =>
          (
            await client.GET('/api/scheduling/ensembles/{ensembleId}/members', {
              params: { path: { ensembleId }, query: { limit: 100, cursor } },
            })
          ).data,
      ),
    [ensembleId],
  );
  const [done, setDone] = useState<string | null>(null);
  const changed = (message: string) => {
    setDone(message);
    members.reload();
  };
  return (
    <>
      <p>
        <Link to="/head/ensembles">{t('back')}</Link>
      </p>
      <Loaded value={ensemble}>
        {(detail) => (
          <>
            <h1>{detail.name}</h1>
            <p className="muted">
              {t(`head.kind.${detail.kind}`)}
              {detail.level && ` · ${detail.level}`}
            </p>
            <div aria-live="polite">{done && <Notice>{done}</Notice>}</div>
            <Loaded value={members}>
              {(list) => (
                <>
                  <CurrentMembers ensembleId={ensembleId} members={list} onChanged={changed} />
                  {detail.schoolId ? (
                    <AddMember ensembleId={ensembleId} schoolId={detail.schoolId} members={list} onChanged={changed} />
                  ) : (
                    <Empty>{t('head.members.noSchool')}</Empty>
                  )}
                </>
              )}
            </Loaded>
          </>
        )}
      </Loaded>
    </>
  );
}

function CurrentMembers({
  ensembleId,
  members,
  onChanged,
}: {
  ensembleId: string;
  members: Member[];
  onChanged: (message: string) => void;
}) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const leaving = useSubmit();
  const current = members.filter((member) => !member.leftOn);
  const takeOut = (member: Member) =>
    leaving.run(async () => {
      await client.POST('/api/scheduling/ensembles/{ensembleId}/members/{memberId}/leave', {
        params: { path: { ensembleId, memberId: member.id } },
        body: { leftOn: todayIn(me.area.timeZone) },
      });
      onChanged(t('head.members.takenOut', { name: member.name }));
    });
  return (
    <section aria-labelledby="members-heading" className="card">
      <h2 id="members-heading">{t('head.members.current', { n: current.length })}</h2>
      <ConflictNotice error={leaving.error} />
      {current.length === 0 ? (
        <Empty>{t('head.noMembers')}</Empty>
      ) : (
        <ul className="plain" data-testid="members">
          {current.map((member) => (
            <li key={member.id} className="consent-row" data-member-id={member.id}>
              <span>
                <strong>{member.name}</strong>{' '}
                <span className="badge">{member.staffId ? t('head.members.staff') : t('head.members.pupil')}</span>
                <br />
                <span className="muted">
                  {[member.instrument, member.section].filter(Boolean).join(' · ')}
                  {member.instrument || member.section ? ' · ' : ''}
                  {t('head.members.since', { day: formatDay(language, member.joinedOn) })}
                </span>
              </span>
              <button
                type="button"
                className="button secondary"
                disabled={leaving.busy}
                onClick={() => void takeOut(member)}
                aria-label={t('head.members.takeOutName', { name: member.name })}
              >
                {t('head.members.takeOut')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AddMember({
  ensembleId,
  schoolId,
  members,
  onChanged,
}: {
  ensembleId: string;
  schoolId: string;
  members: Member[];
  onChanged: (message: string) => void;
}) {
  const { t } = useI18n();
  const people = useLoad(async () => {
    const [pupils, staff] = await Promise.all([
      everyItem(
        async (cursor) =>
          (await client.GET('/api/scheduling/pupils', { params: { query: { schoolId, status: 'active', limit: 100, cursor } } })).data,
      ),
      everyItem(
        async (cursor) => (await client.GET('/api/scheduling/staff', { params: { query: { schoolId, limit: 100, cursor } } })).data,
      ),
    ]);
    return { pupils, staff };
  }, [schoolId]);
  const [who, setWho] = useState('');
  const [instrument, setInstrument] = useState('');
  const [section, setSection] = useState('');
  const [missing, setMissing] = useState(false);
  const adding = useSubmit();
  const clash =
    adding.conflict?.status === 409 && adding.conflict.conflicts.some((item) => (item as { clashesWith?: unknown }).clashesWith);

  const add = (override: boolean) =>
    adding.run(async () => {
      const [kind, id] = who.split(':');
      const { data } = await client.POST('/api/scheduling/ensembles/{ensembleId}/members', {
        params: { path: { ensembleId } },
        body: {
          ...(kind === 'staff' ? { staffId: id } : kind === 'pupil' ? { pupilId: id } : {}),
          ...(instrument.trim() ? { instrument: instrument.trim() } : {}),
          ...(section.trim() ? { section: section.trim() } : {}),
          ...(override ? { override: true } : {}),
        },
      });
      setWho('');
      setInstrument('');
      setSection('');
      onChanged(t('head.members.added', { name: data?.name ?? '' }));
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(who === '');
    if (who !== '') void add(false);
  };
  const inside = new Set(members.filter((member) => !member.leftOn).flatMap((member) => [member.pupilId, member.staffId]));
  const whoError = adding.fieldError('pupilId') ?? adding.fieldError('staffId');

  return (
    <section aria-labelledby="add-member-heading" className="card">
      <h2 id="add-member-heading">{t('head.members.add')}</h2>
      <Loaded value={people}>
        {({ pupils, staff }) => (
          <form onSubmit={submit} noValidate className="stack" data-testid="add-member">
            <ConflictNotice error={adding.error} fields={ADD_FIELDS} />
            {clash && (
              <button type="button" className="button secondary" disabled={adding.busy} onClick={() => void add(true)}>
                {t('head.members.addAnyway')}
              </button>
            )}
            <SelectField
              label={t('head.members.who')}
              error={missing ? t('head.members.chooseSomeone') : whoError}
              name="who"
              value={who}
              onChange={setWho}
              none={t('head.members.choose')}
            >
              <optgroup label={t('head.members.pupils')}>
                {pupils
                  .filter((pupil) => !inside.has(pupil.id))
                  .map((pupil) => (
                    <option key={pupil.id} value={`pupil:${pupil.id}`}>
                      {pupil.firstName} {pupil.lastName} ({t('head.members.year', { n: pupil.yearGroup })})
                    </option>
                  ))}
              </optgroup>
              <optgroup label={t('head.members.staffGroup')}>
                {staff
                  .filter((person) => !inside.has(person.id))
                  .map((person) => (
                    <option key={person.id} value={`staff:${person.id}`}>
                      {person.displayName}
                    </option>
                  ))}
              </optgroup>
            </SelectField>
            <InputField
              label={t('head.instrument')}
              error={adding.fieldError('instrument')}
              name="instrument"
              value={instrument}
              onChange={setInstrument}
            />
            <InputField
              label={t('head.members.section')}
              error={adding.fieldError('section')}
              name="section"
              value={section}
              onChange={setSection}
            />
            <button type="submit" className="button primary" disabled={adding.busy}>
              {adding.busy ? t('saving') : t('head.members.add')}
            </button>
          </form>
        )}
      </Loaded>
    </section>
  );
}
