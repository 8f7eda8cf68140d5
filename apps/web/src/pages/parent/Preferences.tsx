import { useState, type FormEvent } from 'react';
import { answered, ApiProblem, client, etagOf, type Schema } from '../../api/client';
import { isLanguage, LANGUAGES, useI18n, type MessageKey } from '../../i18n';
import { Field, FormError, Loaded, Notice, SelectField, useLoad, useSubmit } from '../../ui';
import { ChildDataExport } from './DataExport';

type Family = Schema<'parent-engagement.FamilyDto'>;

const PREFERENCE_FIELDS = ['email', 'phone', 'language', 'emailEnabled', 'smsEnabled', 'quietHoursStart', 'quietHoursEnd'] as const;
type PreferenceField = (typeof PREFERENCE_FIELDS)[number];

async function readFamily(): Promise<{ family: Family; etag: string }> {
  const { data, response } = await client.GET('/api/parent-engagement/families/me');
  return { family: answered(data), etag: etagOf(response) };
}

/**
 * How the school and Tutti reach the family: email, text messages, the language of every message
 * (which is also the language of these pages: saving one changes the page), and quiet hours with no
 * text messages. Saved with If-Match, so that a change made meanwhile on another phone is not lost.
 */
export function ParentPreferences() {
  const { t } = useI18n();
  const family = useLoad(readFamily, []);
  // A save refused as stale reloads the form with what is saved now; the notice outlives that form.
  const [stale, setStale] = useState(false);
  return (
    <>
      <h1>{t('prefs.title')}</h1>
      <p>{t('prefs.intro')}</p>
      {stale && <Notice kind="error">{t('prefs.stale')}</Notice>}
      <Loaded value={family}>
        {(loaded) => (
          <PreferencesForm
            key={loaded.etag}
            initial={loaded}
            onSaving={() => setStale(false)}
            onStale={() => {
              setStale(true);
              family.reload();
            }}
          />
        )}
      </Loaded>
      <ChildDataExport />
    </>
  );
}

function PreferencesForm({
  initial,
  onSaving,
  onStale,
}: {
  initial: { family: Family; etag: string };
  onSaving: () => void;
  onStale: () => void;
}) {
  const { t, setLanguage } = useI18n();
  const [etag, setEtag] = useState(initial.etag);
  const [email, setEmail] = useState(initial.family.email ?? '');
  const [emailEnabled, setEmailEnabled] = useState(initial.family.emailEnabled);
  const [phone, setPhone] = useState(initial.family.phone ?? '');
  const [smsEnabled, setSmsEnabled] = useState(initial.family.smsEnabled);
  const [language, setChosenLanguage] = useState(initial.family.language);
  const [quietHoursStart, setQuietStart] = useState(initial.family.quietHoursStart ?? '');
  const [quietHoursEnd, setQuietEnd] = useState(initial.family.quietHoursEnd ?? '');
  const [saved, setSaved] = useState(false);
  const { busy, error, problem, run } = useSubmit();

  // The API's 400 for one field, in the reader's language (the API speaks English).
  const fieldError = (field: PreferenceField) =>
    problem?.status === 400 && problem.forField(field) ? t(`prefsError.${field}` as MessageKey) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    onSaving();
    await run(
      async () => {
        const { data, response } = await client.PUT('/api/parent-engagement/families/me/contact-preferences', {
          params: { header: { 'If-Match': etag } },
          body: {
            email: email.trim() || null,
            emailEnabled,
            phone: phone.trim() || null,
            smsEnabled,
            language,
            quietHoursStart: quietHoursStart || null,
            quietHoursEnd: quietHoursEnd || null,
          },
        });
        const family = answered(data);
        setEtag(etagOf(response));
        setSaved(true);
        // The family's language is the pages' language too.
        if (isLanguage(family.language)) setLanguage?.(family.language);
      },
      (failure) => {
        // Changed on another phone meanwhile: the page shows what is saved now, and says so.
        if (!(failure instanceof ApiProblem && failure.status === 412)) return false;
        onStale();
        return true;
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="stack narrow card" aria-label={t('prefs.title')}>
      {saved && <Notice>{t('prefs.saved')}</Notice>}
      <FormError error={error} fields={PREFERENCE_FIELDS} />
      <SelectField label={t('prefs.language')} error={fieldError('language')} name="language" value={language} onChange={setChosenLanguage}>
        {!isLanguage(language) && <option value={language}>{language}</option>}
        {LANGUAGES.map((option) => (
          <option key={option.code} value={option.code} lang={option.code}>
            {option.name}
          </option>
        ))}
      </SelectField>
      <Field label={t('prefs.email')} error={fieldError('email')}>
        {(props) => (
          <input
            {...props}
            name="email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        )}
      </Field>
      <label className="choice">
        <input type="checkbox" name="emailEnabled" checked={emailEnabled} onChange={(event) => setEmailEnabled(event.target.checked)} />
        <span>{t('prefs.emailEnabled')}</span>
      </label>
      <Field label={t('prefs.phone')} hint={t('prefs.phoneHint')} error={fieldError('phone')}>
        {(props) => (
          <input {...props} name="phone" type="tel" autoComplete="tel" value={phone} onChange={(event) => setPhone(event.target.value)} />
        )}
      </Field>
      <label className="choice">
        <input type="checkbox" name="smsEnabled" checked={smsEnabled} onChange={(event) => setSmsEnabled(event.target.checked)} />
        <span>{t('prefs.smsEnabled')}</span>
      </label>
      <fieldset>
        <legend>{t('prefs.quietHours')}</legend>
        <p className="hint">{t('prefs.quietHoursHint')}</p>
        <Field label={t('prefs.quietFrom')} error={fieldError('quietHoursStart')}>
          {(props) => (
            <input
              {...props}
              name="quietHoursStart"
              type="time"
              value={quietHoursStart}
              onChange={(event) => setQuietStart(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('prefs.quietUntil')} error={fieldError('quietHoursEnd')}>
          {(props) => (
            <input
              {...props}
              name="quietHoursEnd"
              type="time"
              value={quietHoursEnd}
              onChange={(event) => setQuietEnd(event.target.value)}
            />
          )}
        </Field>
      </fieldset>
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t('saving') : t('prefs.save')}
      </button>
    </form>
  );
}
