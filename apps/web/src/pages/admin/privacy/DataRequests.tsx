import { useState, type FormEvent } from 'react';
import { allPages, answered, client, type Schema } from '../../../api/client';
import { useApp } from '../../../app-context';
import { formatDateTime, useI18n } from '../../../i18n';
import { Empty, Field, InputField, Loaded, SelectField, TableFrame, useLoad, useSubmit } from '../../../ui';
import { ConflictNotice } from '../../conflict-words';
import { LiveDataRequest, PrivacyNav, subjectLabel, type DataRequest } from './data-request-view';

type SubjectType = Schema<'OpenDataRequestDto'>['subjectType'];
type Kind = Schema<'OpenDataRequestDto'>['kind'];
type Pupil = Schema<'scheduling.PupilDto'>;
type Account = Schema<'AccountDto'>;

export interface Chosen {
  id: string;
  name: string;
}

/** At most this many matches are offered; a longer list asks for more of the name. */
const MATCHES_SHOWN = 20;

/**
 * Subject access and erasure for the programme admin: find a pupil or a guardian, ask every service
 * for what it holds about them (a ZIP of JSON and a PDF summary) or to erase them, follow each
 * service's answer, and the requests asked before.
 */
export function AdminDataRequests() {
  const { t, language } = useI18n();
  const { me } = useApp();
  const [subjectType, setSubjectType] = useState<SubjectType>('pupil');
  const [kind, setKind] = useState<Kind>('export');
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [current, setCurrent] = useState<{ request: DataRequest; name?: string } | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const asking = useSubmit();
  const past = useLoad(async () => answered((await client.GET('/identity/data-requests', { params: { query: { limit: 25 } } })).data), []);

  const choose = (next: Chosen | null) => {
    setChosen(next);
    setConfirming(false);
    if (next) setNames((known) => new Map(known).set(next.id, next.name));
  };
  const send = () =>
    asking.run(async () => {
      if (!chosen) return;
      const { data } = await client.POST('/identity/data-requests', { body: { kind, subjectType, subjectId: chosen.id } });
      setCurrent({ request: answered(data), name: chosen.name });
      setConfirming(false);
      past.reload();
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (kind === 'erasure' && chosen) setConfirming(true);
    else void send();
  };

  return (
    <>
      <h1>{t('privacy.requests.title')}</h1>
      <PrivacyNav current="requests" />
      <p className="muted">{t('privacy.requests.intro')}</p>
      <section className="card" aria-labelledby="ask-heading">
        <h2 id="ask-heading">{t('privacy.ask.title')}</h2>
        <form onSubmit={submit} noValidate className="stack" data-testid="ask-data-request">
          <fieldset>
            <legend>{t('privacy.ask.who')}</legend>
            {(['pupil', 'guardian'] as const).map((type) => (
              <label key={type} className="choice">
                <input
                  type="radio"
                  name="subjectType"
                  value={type}
                  checked={subjectType === type}
                  onChange={() => {
                    setSubjectType(type);
                    choose(null);
                  }}
                />{' '}
                {t(`privacy.ask.type.${type}`)}
              </label>
            ))}
          </fieldset>
          {subjectType === 'pupil' ? (
            <PupilFinder chosen={chosen} onChoose={choose} error={asking.fieldError('subjectId')} />
          ) : (
            <GuardianFinder chosen={chosen} onChoose={choose} error={asking.fieldError('subjectId')} />
          )}
          <fieldset>
            <legend>{t('privacy.ask.what')}</legend>
            {(['export', 'erasure'] as const).map((option) => (
              <label key={option} className="choice">
                <input
                  type="radio"
                  name="kind"
                  value={option}
                  checked={kind === option}
                  onChange={() => {
                    setKind(option);
                    setConfirming(false);
                  }}
                />{' '}
                {t(`privacy.ask.kind.${option}`)}
              </label>
            ))}
            {asking.fieldError('kind') && <p className="field-error">{asking.fieldError('kind')}</p>}
          </fieldset>
          {!chosen && <p className="hint">{t('privacy.ask.chooseFirst')}</p>}
          {!confirming && (
            <div className="actions">
              <button type="submit" className="button primary" disabled={!chosen || asking.busy}>
                {kind === 'export' ? t('privacy.ask.export') : t('privacy.ask.erase')}
              </button>
            </div>
          )}
          {confirming && chosen && (
            <div className="notice notice-error" role="alertdialog" aria-labelledby="erase-heading" aria-describedby="erase-what">
              <h3 id="erase-heading">{t('privacy.erasure.confirmTitle', { name: chosen.name })}</h3>
              <div id="erase-what">
                <p>{t('privacy.erasure.what')}</p>
                <ul>
                  <li>{t('privacy.erasure.names')}</li>
                  <li>{t('privacy.erasure.kept')}</li>
                  <li>{t('privacy.erasure.legal')}</li>
                  <li>{t('privacy.erasure.final')}</li>
                </ul>
              </div>
              <div className="actions">
                <button type="button" className="button primary" disabled={asking.busy} onClick={() => void send()}>
                  {t('privacy.erasure.confirm', { name: chosen.name })}
                </button>
                <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
                  {t('privacy.erasure.cancel')}
                </button>
              </div>
            </div>
          )}
          <ConflictNotice error={asking.error} fields={['subjectId', 'kind']} />
          {asking.conflict?.status === 409 && <p>{t('privacy.erasure.underWay')}</p>}
        </form>
      </section>
      {current && (
        <section className="card" aria-labelledby="current-heading">
          <h2 id="current-heading">{t('privacy.current.title')}</h2>
          <LiveDataRequest key={current.request.id} initial={current.request} subjectName={current.name} onDone={past.reload} />
        </section>
      )}
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">{t('privacy.past.title')}</h2>
        <Loaded value={past}>
          {(page) =>
            page.items.length === 0 ? (
              <Empty>{t('privacy.past.none')}</Empty>
            ) : (
              <TableFrame
                label={t('privacy.past.title')}
                testId="past-requests"
                columns={[
                  t('privacy.past.when'),
                  t('privacy.past.kind'),
                  t('privacy.past.subject'),
                  t('privacy.past.state'),
                  <span className="visually-hidden">{t('privacy.past.show')}</span>,
                ]}
              >
                {page.items.map((request) => {
                  const name = request.subject ? (names.get(request.subject.id) ?? subjectLabel(t, request.subject)) : '—';
                  return (
                    <tr key={request.id} data-request-id={request.id}>
                      <td>{formatDateTime(language, request.createdAt, me.area.timeZone)}</td>
                      <td>{t(`privacy.kind.${request.kind}`)}</td>
                      <td>
                        {name}
                        {request.pseudonym && <span className="muted"> → {request.pseudonym}</span>}
                      </td>
                      <td>
                        {request.state === 'done'
                          ? t('privacy.progress.done', { of: request.progress.of })
                          : t('privacy.progress.collecting', { received: request.progress.received, of: request.progress.of })}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button secondary"
                          aria-label={t('privacy.past.showOne', { kind: t(`privacy.kind.${request.kind}`), name })}
                          onClick={() => setCurrent({ request, name: request.subject ? names.get(request.subject.id) : undefined })}
                        >
                          {t('privacy.past.show')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </TableFrame>
            )
          }
        </Loaded>
      </section>
    </>
  );
}

export interface FinderProps {
  chosen: Chosen | null;
  onChoose: (chosen: Chosen | null) => void;
  error?: string;
}

function pupilName(pupil: Pupil): string {
  return `${pupil.firstName} ${pupil.lastName}`;
}

/** A pupil by school and name (the pupil list has no name search: the school's pupils are filtered here); the guardian links on an account's page choose with it too. */
export function PupilFinder({ chosen, onChoose, error }: FinderProps) {
  const { t } = useI18n();
  const [schoolId, setSchoolId] = useState('');
  const [search, setSearch] = useState('');
  const schools = useLoad(() => allPages('/api/scheduling/schools'), []);
  const pupils = useLoad(async () => (schoolId ? allPages('/api/scheduling/pupils', { schoolId }, 20) : []), [schoolId]);
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return (
    <>
      <Loaded value={schools}>
        {(list) => (
          <SelectField
            label={t('privacy.ask.school')}
            name="schoolId"
            value={schoolId}
            onChange={(value) => {
              setSchoolId(value);
              onChoose(null);
            }}
            none={t('privacy.ask.chooseSchool')}
          >
            {[...list]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((school) => (
                <option key={school.id} value={school.id}>
                  {school.name}
                </option>
              ))}
          </SelectField>
        )}
      </Loaded>
      {schoolId && (
        <InputField
          label={t('privacy.ask.pupilName')}
          hint={t('privacy.ask.pupilNameHint')}
          error={error}
          name="pupilSearch"
          type="search"
          value={search}
          onChange={setSearch}
        />
      )}
      {schoolId && (
        <Loaded value={pupils}>
          {(list) => {
            if (words.length === 0) return null;
            const matches = list.filter((pupil) => words.every((word) => pupilName(pupil).toLowerCase().includes(word)));
            return (
              <Matches
                items={matches.map((pupil) => ({
                  id: pupil.id,
                  name: pupilName(pupil),
                  detail: `${t('privacy.ask.year', { year: pupil.yearGroup })}${pupil.status === 'active' ? '' : ` · ${pupil.status}`}`,
                }))}
                chosen={chosen}
                onChoose={onChoose}
              />
            );
          }}
        </Loaded>
      )}
    </>
  );
}

/** A guardian by the start of their email address (as the accounts list searches). */
function GuardianFinder({ chosen, onChoose, error }: FinderProps) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [found, setFound] = useState<Account[] | null>(null);
  const finding = useSubmit();
  const find = (event: FormEvent | { preventDefault: () => void }) => {
    event.preventDefault();
    onChoose(null);
    void finding.run(async () => {
      const { data } = await client.GET('/identity/accounts', {
        params: { query: { role: 'guardian', email: email.trim(), limit: MATCHES_SHOWN + 1 } },
      });
      setFound(answered(data).items);
    });
  };
  return (
    <>
      <Field label={t('privacy.ask.guardianEmail')} hint={t('privacy.ask.guardianEmailHint')} error={finding.fieldError('email') ?? error}>
        {(props) => (
          <input
            {...props}
            name="guardianEmail"
            type="search"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') find(event);
            }}
          />
        )}
      </Field>
      <div className="actions">
        <button type="button" className="button secondary" disabled={finding.busy || !email.trim()} onClick={find}>
          {t('privacy.ask.find')}
        </button>
      </div>
      <ConflictNotice error={finding.error} fields={['email']} />
      {found && (
        <Matches
          items={found.map((account) => ({ id: account.id, name: account.displayName, detail: account.email }))}
          chosen={chosen}
          onChoose={onChoose}
        />
      )}
    </>
  );
}

function Matches({
  items,
  chosen,
  onChoose,
}: {
  items: { id: string; name: string; detail: string }[];
  chosen: Chosen | null;
  onChoose: (chosen: Chosen) => void;
}) {
  const { t } = useI18n();
  if (items.length === 0) return <Empty>{t('privacy.ask.noMatch')}</Empty>;
  return (
    <fieldset data-testid="matches">
      <legend>{t('privacy.ask.matches', { n: items.length })}</legend>
      {items.slice(0, MATCHES_SHOWN).map((item) => (
        <label key={item.id} className="choice">
          <input
            type="radio"
            name="subjectId"
            value={item.id}
            checked={chosen?.id === item.id}
            onChange={() => onChoose({ id: item.id, name: item.name })}
          />{' '}
          {item.name} <span className="muted">· {item.detail}</span>
        </label>
      ))}
      {items.length > MATCHES_SHOWN && <p className="hint">{t('privacy.ask.more')}</p>}
    </fieldset>
  );
}
