import { useState, type FormEvent } from 'react';
import { answered, client, setActiveRole, setSession } from '../../api/client';
import { useI18n } from '../../i18n';
import { AreaEmailFields } from './AreaEmailFields';
import { Link, navigate } from '../../router';
import { Field, FormError, Loaded, Notice, useLoad, useSubmit } from '../../ui';

/** The pages a person reaches without signing in: from an invitation or a password-reset mail, or to ask for one. */
export const ACCOUNT_ACCESS_PATHS = ['/accept-invitation', '/forgot-password', '/reset-password'] as const;

const TOKEN_FIELDS = ['token', 'password'] as const;
const REQUEST_FIELDS = ['area', 'email'] as const;

function tokenFromLink(): string {
  return new URLSearchParams(window.location.search).get('token') ?? '';
}

function NewPasswordForm({ submitLabel, onSubmit }: { submitLabel: string; onSubmit: (token: string, password: string) => Promise<void> }) {
  const { t } = useI18n();
  const token = tokenFromLink();
  const [password, setPassword] = useState('');
  const { busy, error, fieldError, run } = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Done, this form gives way (to the app, or to "password changed").
    await run(() => onSubmit(token, password));
  };
  if (!token) return <Notice kind="error">{t('linkIncomplete')}</Notice>;
  const tokenError = fieldError('token');
  return (
    <form onSubmit={submit} noValidate className="stack">
      <FormError error={error} fields={TOKEN_FIELDS} />
      {tokenError && <Notice kind="error">{tokenError}</Notice>}
      <Field label={t('newPassword')} hint={t('passwordHint')} error={fieldError('password')}>
        {(props) => (
          <input
            {...props}
            name="password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        )}
      </Field>
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t('saving') : submitLabel}
      </button>
    </form>
  );
}

export function AcceptInvitationPage() {
  const { t } = useI18n();
  const accept = async (token: string, password: string) => {
    const tokens = answered((await client.POST('/auth/invitations/accept', { body: { token, password } })).data);
    setActiveRole(null);
    navigate('/', { replace: true });
    setSession(tokens);
  };
  return (
    <section className="narrow">
      <h1>{t('acceptInvitationTitle')}</h1>
      <p>{t('acceptInvitationIntro')}</p>
      <NewPasswordForm submitLabel={t('acceptInvitation')} onSubmit={accept} />
    </section>
  );
}

export function ResetPasswordPage() {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  const complete = async (token: string, password: string) => {
    await client.POST('/auth/password-reset/complete', { body: { token, password } });
    setDone(true);
  };
  return (
    <section className="narrow">
      <h1>{t('resetPasswordTitle')}</h1>
      {done ? (
        <>
          <Notice>{t('passwordChanged')}</Notice>
          <Link to="/sign-in">{t('signIn')}</Link>
        </>
      ) : (
        <NewPasswordForm submitLabel={t('setPassword')} onSubmit={complete} />
      )}
    </section>
  );
}

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const areas = useLoad(async () => answered((await client.GET('/areas', { params: { query: { limit: 100 } } })).data), []);
  const [area, setArea] = useState('');
  const [email, setEmail] = useState('');
  const { busy, error, run } = useSubmit();
  const [done, setDone] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      // The document declares no body for this 202 (a gap in the gateway's document); the answer's detail says what happens next.
      const { data } = await client.POST('/auth/password-reset', { body: { area, email } });
      setDone((data as { detail?: string } | undefined)?.detail ?? '');
    });
  };
  return (
    <section className="narrow">
      <h1>{t('forgotPasswordTitle')}</h1>
      <p>{t('forgotPasswordIntro')}</p>
      <Loaded value={areas}>
        {(page) => (
          <form onSubmit={submit} noValidate className="stack">
            <FormError error={error} fields={REQUEST_FIELDS} />
            {done && <Notice>{done}</Notice>}
            <AreaEmailFields areas={page.items} area={area} email={email} error={error} onAreaChange={setArea} onEmailChange={setEmail} />
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? t('saving') : t('sendResetLink')}
            </button>
          </form>
        )}
      </Loaded>
      <p>
        <Link to="/sign-in">{t('signIn')}</Link>
      </p>
    </section>
  );
}
