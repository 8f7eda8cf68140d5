import { useState, type FormEvent } from 'react';
import { answered, client, signIn } from '../../api/client';
import { useI18n } from '../../i18n';
import { AreaEmailFields } from './AreaEmailFields';
import { Link } from '../../router';
import { Field, FormError, Loaded, useLoad, useSubmit } from '../../ui';

const FIELDS = ['area', 'email', 'password'] as const;

export function SignInPage() {
  const { t } = useI18n();
  const areas = useLoad(async () => answered((await client.GET('/areas', { params: { query: { limit: 100 } } })).data), []);
  const [area, setArea] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, fieldError, run } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Signed in, this page gives way to the app.
    await run(() => signIn(area, email, password));
  };

  return (
    <section className="narrow">
      <h1>{t('signInTitle')}</h1>
      <p>{t('signInIntro')}</p>
      <Loaded value={areas}>
        {(page) => (
          <form onSubmit={submit} noValidate className="stack">
            <FormError error={error} fields={FIELDS} />
            <AreaEmailFields areas={page.items} area={area} email={email} error={error} onAreaChange={setArea} onEmailChange={setEmail} />
            <Field label={t('password')} error={fieldError('password')}>
              {(props) => (
                <input
                  {...props}
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                  required
                />
              )}
            </Field>
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? t('signingIn') : t('signIn')}
            </button>
          </form>
        )}
      </Loaded>
      <p>
        <Link to="/forgot-password">{t('forgotPassword')}</Link>
      </p>
    </section>
  );
}
