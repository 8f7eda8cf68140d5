import { useEffect, useState, type FormEvent } from 'react';
import { ApiProblem, answered, client, type Schema } from '../../api/client';
import type { Role } from '../../app-context';
import { Link } from '../../router';
import { LANGUAGES, useI18n, type MessageKey } from '../../i18n';
import { Empty, InputField, Loaded, Notice, SelectField, useLoad, useSubmit, useVersioned, WordOptions } from '../../ui';
import { ConflictNotice } from '../conflict-words';
import { ACCOUNT_STATUS_WORDS, RELATIONSHIP_WORDS, ROLE_WORDS, SCHOOL_ROLES } from './admin-words';
import { useAllSchools } from './all-schools';
import { PupilFinder, type Chosen } from './privacy/DataRequests';

type Account = Schema<'AccountDetailDto'>;
type Relationship = Schema<'GuardianLinkDto'>['relationship'];

/** One account: its details (If-Match), its role grants with their schools, and the children it is linked to as a guardian. */
export function AdminAccount({ accountId }: { accountId: string }) {
  const { t } = useI18n();
  const account = useVersioned(() => client.GET('/identity/accounts/{id}', { params: { path: { id: accountId } } }), [accountId]);
  const schools = useAllSchools();
  const schoolName = (id: string | null) => (schools.state === 'ready' ? schools.data : []).find((school) => school.id === id)?.name ?? '';
  return (
    <>
      <p>
        <Link to="/admin/accounts">{t('back')}</Link>
      </p>
      <Loaded value={account}>
        {({ value, etag }) => (
          <>
            <h1>{value.displayName}</h1>
            <p className="muted">
              {value.email} · {t(ACCOUNT_STATUS_WORDS[value.status])}
            </p>
            {value.status === 'invited' && <ResendInvitation account={value} />}
            <AccountForm account={value} etag={etag} onSaved={account.reload} />
            <section className="card" aria-labelledby="grants-heading">
              <h2 id="grants-heading">{t('adm.grants')}</h2>
              {value.grants.length === 0 ? (
                <Empty>{t('adm.noGrants')}</Empty>
              ) : (
                <ul className="plain stack" data-testid="grants">
                  {value.grants.map((grant) => (
                    <GrantRow
                      key={grant.id}
                      accountId={value.id}
                      grant={grant}
                      label={`${t(`role.${grant.role}` as MessageKey)}${grant.schoolId ? ` · ${schoolName(grant.schoolId)}` : ''}`}
                      onRevoked={account.reload}
                    />
                  ))}
                </ul>
              )}
              <Loaded value={schools}>{(list) => <GrantForm accountId={value.id} schools={list} onGranted={account.reload} />}</Loaded>
            </section>
            <GuardianLinks account={value} schoolName={schoolName} onChanged={account.reload} />
          </>
        )}
      </Loaded>
    </>
  );
}

function ResendInvitation({ account }: { account: Account }) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  const sending = useSubmit();
  return (
    <div className="stack">
      {done && <Notice>{t('adm.invitationSent', { email: account.email })}</Notice>}
      <ConflictNotice error={sending.error} />
      <p>
        <button
          type="button"
          className="button secondary"
          disabled={sending.busy}
          onClick={() =>
            void sending.run(async () => {
              await client.POST('/identity/accounts/{id}/invitations', { params: { path: { id: account.id } } });
              setDone(true);
            })
          }
        >
          {t('adm.resendInvitation')}
        </button>
      </p>
    </div>
  );
}

const ACCOUNT_FIELDS = ['displayName', 'mobile', 'preferredLanguage', 'status'] as const;

function AccountForm({ account, etag, onSaved }: { account: Account; etag: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [displayName, setDisplayName] = useState(account.displayName);
  const [mobile, setMobile] = useState(account.mobile ?? '');
  const [preferredLanguage, setPreferredLanguage] = useState(account.preferredLanguage);
  const [disabled, setDisabled] = useState(account.status === 'disabled');
  const [saved, setSaved] = useState(false);
  const saving = useSubmit();
  useEffect(() => {
    setDisplayName(account.displayName);
    setMobile(account.mobile ?? '');
    setPreferredLanguage(account.preferredLanguage);
    setDisabled(account.status === 'disabled');
  }, [etag]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const status = disabled ? 'disabled' : 'active';
    void saving.run(
      async () => {
        await client.PATCH('/identity/accounts/{id}', {
          params: { path: { id: account.id }, header: { 'If-Match': etag } },
          body: {
            displayName,
            mobile: mobile.trim() || null,
            preferredLanguage,
            // An invited account stays invited until they accept; only a change of mind is sent.
            ...(account.status === 'invited' && !disabled ? {} : status !== account.status ? { status } : {}),
          },
        });
        setSaved(true);
        onSaved();
      },
      (error) => {
        if (error instanceof ApiProblem && error.status === 412) onSaved();
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="stack card" data-testid="account-form">
      <h2>{t('adm.accountDetails')}</h2>
      {saved && <Notice>{t('adm.saved')}</Notice>}
      <ConflictNotice error={saving.error} fields={ACCOUNT_FIELDS} />
      <InputField
        label={t('displayName')}
        error={saving.fieldError('displayName')}
        name="displayName"
        value={displayName}
        onChange={setDisplayName}
      />
      <InputField
        label={t('adm.mobile')}
        error={saving.fieldError('mobile')}
        name="mobile"
        type="tel"
        value={mobile}
        onChange={setMobile}
      />
      <SelectField
        label={t('adm.language')}
        error={saving.fieldError('preferredLanguage')}
        name="preferredLanguage"
        value={preferredLanguage}
        onChange={setPreferredLanguage}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </SelectField>
      <label className="checkbox">
        <input type="checkbox" name="disabled" checked={disabled} onChange={(event) => setDisabled(event.target.checked)} />
        {t('adm.accountDisabled')}
      </label>
      {saving.fieldError('status') && <p className="field-error">{saving.fieldError('status')}</p>}
      <button type="submit" className="button primary" disabled={saving.busy}>
        {saving.busy ? t('saving') : t('adm.save')}
      </button>
    </form>
  );
}

function GrantRow({
  accountId,
  grant,
  label,
  onRevoked,
}: {
  accountId: string;
  grant: Schema<'AccountGrantDto'>;
  label: string;
  onRevoked: () => void;
}) {
  const { t } = useI18n();
  const revoking = useSubmit();
  return (
    <li data-testid="grant" data-grant-id={grant.id}>
      {label}{' '}
      <button
        type="button"
        className="button secondary"
        aria-label={t('adm.revokeNamed', { grant: label })}
        disabled={revoking.busy}
        onClick={() =>
          void revoking.run(async () => {
            await client.DELETE('/identity/accounts/{id}/grants/{grantId}', { params: { path: { id: accountId, grantId: grant.id } } });
            onRevoked();
          })
        }
      >
        {t('adm.revoke')}
      </button>
      <ConflictNotice error={revoking.error} />
    </li>
  );
}

function GrantForm({
  accountId,
  schools,
  onGranted,
}: {
  accountId: string;
  schools: { id: string; name: string }[];
  onGranted: () => void;
}) {
  const { t } = useI18n();
  const [role, setRole] = useState<Role>('tutor');
  const [schoolIds, setSchoolIds] = useState<string[]>([]);
  const granting = useSubmit();
  const schoolRole = SCHOOL_ROLES.includes(role);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void granting.run(async () => {
      await client.POST('/identity/accounts/{id}/grants', {
        params: { path: { id: accountId } },
        body: schoolRole ? { role, schoolIds } : { role },
      });
      setSchoolIds([]);
      onGranted();
    });
  };
  return (
    <form onSubmit={submit} noValidate className="stack" data-testid="grant-form">
      <h3>{t('adm.grantRole')}</h3>
      <ConflictNotice error={granting.error} fields={['role', 'schoolIds']} />
      <SelectField
        label={t('role')}
        error={granting.fieldError('role')}
        name="grantRole"
        value={role}
        onChange={(value) => setRole(value as Role)}
      >
        <WordOptions words={ROLE_WORDS} />
      </SelectField>
      {schoolRole && (
        <fieldset className={`field${granting.fieldError('schoolIds') ? ' field-invalid' : ''}`}>
          <legend>{t('adm.grantSchools')}</legend>
          <div className="checkbox-list columns">
            {schools.map((school) => (
              <label key={school.id} className="checkbox">
                <input
                  type="checkbox"
                  name="grantSchoolIds"
                  value={school.id}
                  checked={schoolIds.includes(school.id)}
                  onChange={(event) =>
                    setSchoolIds(event.target.checked ? [...schoolIds, school.id] : schoolIds.filter((id) => id !== school.id))
                  }
                />
                {school.name}
              </label>
            ))}
          </div>
          {granting.fieldError('schoolIds') && <p className="field-error">{granting.fieldError('schoolIds')}</p>}
        </fieldset>
      )}
      <button type="submit" className="button primary" disabled={granting.busy}>
        {granting.busy ? t('saving') : t('adm.grant')}
      </button>
    </form>
  );
}

/** The children this account is a guardian of: each link (relationship, what they may do), removed or added. */
function GuardianLinks({
  account,
  schoolName,
  onChanged,
}: {
  account: Account;
  schoolName: (id: string) => string;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const pupilIds = account.guardianLinks.map((link) => link.pupilId).join(',');
  const names = useLoad(async () => {
    const found = await Promise.all(
      account.guardianLinks.map(async (link) => {
        const pupil = answered(
          (await client.GET('/api/scheduling/pupils/{pupilId}', { params: { path: { pupilId: link.pupilId } } })).data,
        );
        return [link.pupilId, `${pupil.firstName} ${pupil.lastName}`] as const;
      }),
    );
    return new Map(found);
  }, [pupilIds]);
  const removing = useSubmit();
  return (
    <section className="card" aria-labelledby="links-heading">
      <h2 id="links-heading">{t('adm.guardianLinks')}</h2>
      <ConflictNotice error={removing.error} />
      {account.guardianLinks.length === 0 ? (
        <Empty>{t('adm.noGuardianLinks')}</Empty>
      ) : (
        <ul className="plain stack" data-testid="guardian-links">
          {account.guardianLinks.map((link) => {
            const name = names.state === 'ready' ? (names.data.get(link.pupilId) ?? '') : '…';
            return (
              <li key={link.id} data-testid="guardian-link" data-pupil-id={link.pupilId}>
                <strong>{name}</strong> <span className="muted">· {schoolName(link.schoolId)}</span> ·{' '}
                {t(RELATIONSHIP_WORDS[link.relationship])}
                {link.canGiveConsent && ` · ${t('adm.canGiveConsent')}`}
                {link.canBookTransport && ` · ${t('adm.canBookTransport')}`}{' '}
                <button
                  type="button"
                  className="button secondary"
                  aria-label={t('adm.unlinkNamed', { name })}
                  disabled={removing.busy}
                  onClick={() =>
                    void removing.run(async () => {
                      await client.DELETE('/identity/guardian-links/{id}', { params: { path: { id: link.id } } });
                      onChanged();
                    })
                  }
                >
                  {t('adm.unlink')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <LinkChild accountId={account.id} onLinked={onChanged} />
    </section>
  );
}

const LINK_FIELDS = ['pupilId', 'schoolId', 'relationship', 'canGiveConsent', 'canBookTransport'] as const;

function LinkChild({ accountId, onLinked }: { accountId: string; onLinked: () => void }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [relationship, setRelationship] = useState<Relationship>('parent');
  const [canGiveConsent, setCanGiveConsent] = useState(true);
  const [canBookTransport, setCanBookTransport] = useState(true);
  const [done, setDone] = useState<string | null>(null);
  const linking = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!chosen) {
      linking.setError(
        new ApiProblem(400, t('adm.chooseChild'), t('adm.chooseChild'), [{ field: 'pupilId', message: t('adm.chooseChild') }]),
      );
      return;
    }
    void linking.run(async () => {
      // The link names the child's school: read from the pupil's record as it is now.
      const pupil = answered((await client.GET('/api/scheduling/pupils/{pupilId}', { params: { path: { pupilId: chosen.id } } })).data);
      await client.POST('/identity/guardian-links', {
        body: { accountId, pupilId: pupil.id, schoolId: pupil.schoolId, relationship, canGiveConsent, canBookTransport },
      });
      setDone(t('adm.linked', { name: chosen.name }));
      setChosen(null);
      onLinked();
    });
  };
  return (
    <form onSubmit={submit} noValidate className="stack" data-testid="link-child">
      <h3>{t('adm.linkChild')}</h3>
      {done && <Notice>{done}</Notice>}
      <ConflictNotice error={linking.error} fields={LINK_FIELDS} />
      <PupilFinder chosen={chosen} onChoose={setChosen} error={linking.fieldError('pupilId') ?? linking.fieldError('schoolId')} />
      <SelectField
        label={t('adm.relationship')}
        error={linking.fieldError('relationship')}
        name="relationship"
        value={relationship}
        onChange={(value) => setRelationship(value as Relationship)}
      >
        <WordOptions words={RELATIONSHIP_WORDS} />
      </SelectField>
      <label className="checkbox">
        <input
          type="checkbox"
          name="canGiveConsent"
          checked={canGiveConsent}
          onChange={(event) => setCanGiveConsent(event.target.checked)}
        />
        {t('adm.canGiveConsent')}
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          name="canBookTransport"
          checked={canBookTransport}
          onChange={(event) => setCanBookTransport(event.target.checked)}
        />
        {t('adm.canBookTransport')}
      </label>
      <button type="submit" className="button primary" disabled={linking.busy}>
        {linking.busy ? t('saving') : t('adm.link')}
      </button>
    </form>
  );
}
