import type { ConflictRule } from '@tutti/contracts';
import { useState, type FormEvent } from 'react';
import { allPages, answered, client, everyItem, newId, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { formatDateTime, formatTime, useI18n, type MessageKey } from '../../i18n';
import { Empty, ErrorNotice, FormError, Loaded, Notice, useLoad, useSubmit } from '../../ui';
import { SaveOrCancel } from '../form-frame';
import { conflictMessage } from './booking-conflicts';
import { useChildren, type Child } from './children';
import { ChildrenChoice, PeopleCount } from './who-is-coming';

type FamilySession = Schema<'parent-engagement.FamilySessionDto'>;
type SignUp = Schema<'parent-engagement.SignUpDto'>;

/** The 409s of signing up, told in the reader's language by their rule. */
const SIGN_UP_CONFLICTS: Readonly<Partial<Record<ConflictRule, MessageKey>>> = {
  'session-full': 'sessionConflict.session-full',
  'session-started': 'sessionConflict.session-started',
  'already-signed-up': 'sessionConflict.already-signed-up',
};

const SIGN_UP_FIELDS = ['places', 'pupilIds'] as const;

/** Each session to come (or past) with the family's own sign-up to it (the API answers a guardian theirs only). */
async function sessionsWithSignUps(when: 'coming' | 'past' = 'coming'): Promise<{ session: FamilySession; signUp: SignUp | null }[]> {
  const sessions = await allPages('/api/parent-engagement/family-sessions', { when }, when === 'past' ? 2 : 10);
  return Promise.all(
    sessions.map(async (session) => {
      const signUps = await everyItem(
        async (cursor) =>
          (
            await client.GET('/api/parent-engagement/family-sessions/{sessionId}/sign-ups', {
              params: { path: { sessionId: session.id }, query: { cursor, limit: 100 } },
            })
          ).data,
      );
      return { session, signUp: signUps.find((signUp) => signUp.status === 'signed_up') ?? null };
    }),
  );
}

/**
 * Family music sessions and workshops at the children's schools: sign up (how many are coming,
 * which children), see the sign-up and, once the school has taken the register, whether the family
 * came; cancel a sign-up.
 */
export function ParentSessions() {
  const { t } = useI18n();
  const children = useChildren();
  const sessions = useLoad(() => sessionsWithSignUps('coming'), []);
  const [message, setMessage] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const changed = (text: string) => {
    setMessage(text);
    setOpenId(null);
    sessions.reload();
  };
  return (
    <>
      <h1>{t('sessions.title')}</h1>
      <p>{t('sessions.intro')}</p>
      {message && <Notice>{message}</Notice>}
      <Loaded value={children}>
        {(kids) => (
          <Loaded value={sessions}>
            {(list) =>
              list.length === 0 ? (
                <Empty>{t('sessions.none')}</Empty>
              ) : (
                <ul className="cards">
                  {list.map(({ session, signUp }) => (
                    <SessionCard
                      key={session.id}
                      session={session}
                      signUp={signUp}
                      kids={kids}
                      open={openId === session.id}
                      onOpen={() => setOpenId(session.id)}
                      onClose={() => setOpenId(null)}
                      onChanged={changed}
                    />
                  ))}
                </ul>
              )
            }
          </Loaded>
        )}
      </Loaded>
      <PastSessions />
    </>
  );
}

/** The sessions the family signed up to that are over (the latest 200 sessions of their schools), and whether they came. */
function PastSessions() {
  const { t, language } = useI18n();
  const { me } = useApp();
  const past = useLoad(async () => (await sessionsWithSignUps('past')).filter((item) => item.signUp !== null), []);
  return (
    <section aria-labelledby="past-sessions-heading">
      <h2 id="past-sessions-heading">{t('sessions.past')}</h2>
      <Loaded value={past}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('sessions.nonePast')}</Empty>
          ) : (
            <ul className="cards plain" data-testid="past-sessions">
              {list.map(({ session, signUp }) => (
                <li key={session.id} className="card" data-session-id={session.id} data-attended={String(signUp?.attended ?? '')}>
                  <h3>{session.title}</h3>
                  <p>
                    <span className="badge badge-none">{t('sessions.kind', { kind: session.kind })}</span>
                    <br />
                    {formatDateTime(language, session.startsAt, me.area.timeZone)}
                  </p>
                  <p>
                    {signUp?.attended === true && <span className="badge badge-good">{t('sessions.attended')}</span>}
                    {signUp?.attended === false && <span className="badge badge-warn">{t('sessions.notAttended')}</span>}
                    {(signUp?.attended ?? null) === null && (
                      <span className="badge badge-none">{t('sessions.wereSignedUp', { n: signUp?.places ?? 0 })}</span>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function SessionCard({
  session,
  signUp,
  kids,
  open,
  onOpen,
  onClose,
  onChanged,
}: {
  session: FamilySession;
  signUp: SignUp | null;
  kids: Child[];
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  onChanged: (message: string) => void;
}) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const cancelling = useSubmit();
  const full = session.placesLeft <= 0;
  const cancel = (id: string) =>
    cancelling.run(async () => {
      await client.POST('/api/parent-engagement/session-sign-ups/{signUpId}/cancel', { params: { path: { signUpId: id } } });
      onChanged(t('sessions.cancelledDone'));
    });
  return (
    <li className="card" data-session-id={session.id} data-signed-up={signUp ? 'yes' : 'no'}>
      <h2>{session.title}</h2>
      <p>
        <span className="badge badge-none">{t('sessions.kind', { kind: session.kind })}</span>
        <br />
        {formatDateTime(language, session.startsAt, me.area.timeZone)}–{formatTime(language, session.endsAt, me.area.timeZone)}
      </p>
      {signUp ? (
        <>
          <p>
            <span className="badge badge-good">{t('sessions.signedUp', { n: signUp.places })}</span>
            {signUp.attended === true && <span className="badge badge-good"> {t('sessions.attended')}</span>}
            {signUp.attended === false && <span className="badge badge-warn"> {t('sessions.notAttended')}</span>}
          </p>
          {cancelling.error !== null && <ErrorNotice error={cancelling.error} />}
          <button type="button" className="button danger" disabled={cancelling.busy} onClick={() => void cancel(signUp.id)}>
            {t('sessions.cancel')}
            <span className="visually-hidden">: {session.title}</span>
          </button>
        </>
      ) : (
        <>
          <p>
            <span className={full ? 'badge badge-bad' : 'badge badge-good'}>
              {full ? t('sessions.full') : t('sessions.placesLeft', { n: session.placesLeft })}
            </span>
          </p>
          {open ? (
            <SignUpForm session={session} kids={kids} onClose={onClose} onSignedUp={onChanged} />
          ) : (
            !full && (
              <button type="button" className="button primary" onClick={onOpen}>
                {t('sessions.signUp')}
                <span className="visually-hidden">: {session.title}</span>
              </button>
            )
          )}
        </>
      )}
    </li>
  );
}

function SignUpForm({
  session,
  kids,
  onClose,
  onSignedUp,
}: {
  session: FamilySession;
  kids: Child[];
  onClose: () => void;
  onSignedUp: (message: string) => void;
}) {
  const { t } = useI18n();
  const [places, setPlaces] = useState(2);
  const [pupilIds, setPupilIds] = useState<string[]>([]);
  // One key per sign-up the family means to make: a retry after a lost answer signs up once.
  const [idempotencyKey] = useState(newId);
  const { busy, error, fieldError, run } = useSubmit();
  const explained = conflictMessage(error, t, SIGN_UP_CONFLICTS);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      answered(
        (
          await client.POST('/api/parent-engagement/family-sessions/{sessionId}/sign-ups', {
            params: { path: { sessionId: session.id }, header: { 'Idempotency-Key': idempotencyKey } },
            body: { places, pupilIds },
          })
        ).data,
      );
      onSignedUp(t('sessions.signedUpDone'));
    });
  };
  const ownKids = kids.filter((kid) => kid.schoolId === session.schoolId);
  return (
    <form onSubmit={submit} noValidate className="stack" aria-label={t('sessions.signUp')}>
      {explained ? <Notice kind="error">{explained}</Notice> : <FormError error={error} fields={SIGN_UP_FIELDS} />}
      <PeopleCount
        label={t('sessions.places')}
        name="places"
        min={1}
        value={places}
        onChange={setPlaces}
        error={fieldError('places') && t('sessions.placesError')}
      />
      {ownKids.length > 0 && (
        <ChildrenChoice
          legend={t('sessions.whichChildren')}
          kids={ownKids}
          chosen={pupilIds}
          onChange={setPupilIds}
          error={fieldError('pupilIds')}
        />
      )}
      <SaveOrCancel busy={busy} saveLabel={t('sessions.send')} onCancel={onClose} />
    </form>
  );
}
