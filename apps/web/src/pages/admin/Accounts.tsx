import { useState, type FormEvent } from 'react';
import { client } from '../../api/client';
import type { Role } from '../../app-context';
import { useI18n, type MessageKey } from '../../i18n';
import { Link } from '../../router';
import { Empty, FormError, InputField, Notice, SelectField, TableFrame, useSubmit, WordOptions } from '../../ui';
import { CursorListView, useCursorList } from '../../cursor-list';
import { useAllSchools } from './all-schools';
import { ACCOUNT_STATUS_WORDS, ROLE_WORDS, SCHOOL_ROLES } from './admin-words';

type AccountStatus = keyof typeof ACCOUNT_STATUS_WORDS;

const INVITE_FIELDS = ['email', 'displayName', 'grants'] as const;

export function AdminAccounts() {
  const { t } = useI18n();
  const [emailSearch, setEmailSearch] = useState('');
  const [roleFilter, setRoleFilter] = useState<Role | ''>('');
  const [statusFilter, setStatusFilter] = useState<AccountStatus | ''>('');
  const accounts = useCursorList(
    '/identity/accounts',
    {
      ...(emailSearch.trim() ? { email: emailSearch.trim() } : {}),
      ...(roleFilter ? { role: roleFilter } : {}),
      ...(statusFilter ? { status: statusFilter } : {}),
    },
    100,
  );
  const schools = useAllSchools();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('tutor');
  const [schoolId, setSchoolId] = useState('');
  const { busy, error, fieldError, run } = useSubmit();
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    await run(async () => {
      const grant = SCHOOL_ROLES.includes(role) ? { role, schoolIds: schoolId ? [schoolId] : [] } : { role };
      await client.POST('/identity/accounts', { body: { email, displayName, grants: [grant], preferredLanguage: 'en' } });
      setDone(t('invited', { email }));
      setEmail('');
      setDisplayName('');
      accounts.reload();
    });
  };

  return (
    <>
      <h1>{t('accounts')}</h1>
      <section className="card" aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('inviteSomeone')}</h2>
        <form onSubmit={submit} noValidate className="stack">
          <FormError error={error} fields={INVITE_FIELDS} />
          {done && <Notice>{done}</Notice>}
          <InputField label={t('email')} error={fieldError('email')} name="email" type="email" value={email} onChange={setEmail} />
          <InputField
            label={t('displayName')}
            error={fieldError('displayName')}
            name="displayName"
            value={displayName}
            onChange={setDisplayName}
          />
          <SelectField
            label={t('role')}
            error={fieldError('grants[0].role')}
            name="role"
            value={role}
            onChange={(value) => setRole(value as Role)}
          >
            <WordOptions words={ROLE_WORDS} />
          </SelectField>
          <SelectField
            label={t('schoolForRole')}
            error={fieldError('grants')}
            name="schoolId"
            value={schoolId}
            onChange={setSchoolId}
            disabled={!SCHOOL_ROLES.includes(role)}
            none={t('noneSelected')}
            choices={schools.state === 'ready' ? schools.data : []}
          />
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('saving') : t('invite')}
          </button>
        </form>
      </section>
      <section className="stack" aria-labelledby="find-accounts-heading">
        <h2 id="find-accounts-heading">{t('adm.findAccounts')}</h2>
        <InputField
          label={t('adm.emailStarts')}
          hint={t('adm.emailStartsHint')}
          name="emailSearch"
          type="search"
          value={emailSearch}
          onChange={setEmailSearch}
        />
        <SelectField
          label={t('adm.accountType')}
          name="roleFilter"
          value={roleFilter}
          onChange={(value) => setRoleFilter(value as Role | '')}
          none={t('adm.anyRole')}
        >
          <WordOptions words={ROLE_WORDS} />
        </SelectField>
        <SelectField
          label={t('status')}
          name="statusFilter"
          value={statusFilter}
          onChange={(value) => setStatusFilter(value as AccountStatus | '')}
          none={t('adm.anyStatus')}
        >
          <WordOptions words={ACCOUNT_STATUS_WORDS} />
        </SelectField>
      </section>
      <CursorListView list={accounts} showCount empty={<Empty>{t('noAccounts')}</Empty>}>
        {(items) => (
          <TableFrame label={t('accounts')} caption={t('accounts')} columns={[t('displayName'), t('role'), t('status')]}>
            {items.map((account) => (
              <tr key={account.id} data-account-id={account.id}>
                <td>
                  <Link to={`/admin/accounts/${account.id}`}>{account.displayName}</Link>
                  <br />
                  <span className="muted small-text">{account.email}</span>
                </td>
                <td>{[...new Set(account.grants.map((grant) => grant.role))].map((role) => t(`role.${role}` as MessageKey)).join(', ')}</td>
                <td>{t(ACCOUNT_STATUS_WORDS[account.status])}</td>
              </tr>
            ))}
          </TableFrame>
        )}
      </CursorListView>
    </>
  );
}
