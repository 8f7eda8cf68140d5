import { useEffect, useState, type FormEvent } from 'react';
import { saveFile } from '../../api';
import { ApiProblem, answered, client, type Schema } from '../../api/client';
import { formatDateTime, LANGUAGES, useI18n } from '../../i18n';
import { Empty, Field, FormError, Loaded, Notice, SelectField, useLoad, useSubmit, useVersioned } from '../../ui';
import { ConflictNotice } from '../conflict-words';

type Preview = Schema<'parent-engagement.MessagePreviewDto'>;
type ImportResult = Schema<'parent-engagement.MessageOverrideImportDto'>;

/** A language's name in its own words where the app knows it, else its code. */
function languageName(code: string): string {
  return LANGUAGES.find((language) => language.code === code)?.name ?? code;
}

/** The choice of one of `languages`, each by its name (`none`: the option of any). */
function LanguageField({
  languages,
  name,
  value,
  onChange,
  none,
}: {
  languages: readonly string[];
  name: string;
  value: string;
  onChange: (code: string) => void;
  none?: string;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      label={t('adm.tr.language')}
      name={name}
      value={value}
      onChange={onChange}
      none={none}
      choices={languages.map((code) => ({ id: code, name: languageName(code) }))}
    />
  );
}

/**
 * The area's own wording of family messages (issue 17): which messages reach families of each
 * language in English, the area's overrides by language, and one message opened to edit, preview
 * with sample facts, save (If-Match) or drop. A wording whose placeholders differ from English's
 * is refused by the API naming them, shown beside the text.
 */
export function AdminMessageOverrides() {
  const { t } = useI18n();
  const missing = useLoad(async () => answered((await client.GET('/api/parent-engagement/message-overrides/missing')).data), []);
  const [languageFilter, setLanguageFilter] = useState('');
  const overrides = useLoad(
    async () =>
      answered(
        (
          await client.GET('/api/parent-engagement/message-overrides', {
            params: { query: languageFilter ? { language: languageFilter } : {} },
          })
        ).data,
      ).items,
    [languageFilter],
  );
  const [open, setOpen] = useState<{ language: string; key: string } | null>(null);
  const reloadAll = () => {
    missing.reload();
    overrides.reload();
  };
  const reportLanguages = missing.state === 'ready' ? missing.data.languages.map((line) => line.language) : [];
  const languages = [...new Set([...LANGUAGES.map((language) => language.code as string), ...reportLanguages])].filter(
    (code) => code !== 'en',
  );

  return (
    <>
      <h1>{t('adm.nav.translations')}</h1>
      <p className="muted">{t('adm.tr.intro')}</p>
      <section className="card" aria-labelledby="missing-heading">
        <h2 id="missing-heading">{t('adm.tr.missing')}</h2>
        <Loaded value={missing}>
          {(report) =>
            report.languages.length === 0 ? (
              <Empty>{t('adm.tr.noLanguages')}</Empty>
            ) : (
              <>
                <p className="muted">{t('adm.tr.messages', { n: report.messages })}</p>
                <ul className="plain stack" data-testid="missing-report">
                  {report.languages.map((line) => (
                    <li key={line.language} data-language={line.language} data-missing={line.missing.length}>
                      <strong lang={line.language}>{languageName(line.language)}</strong>{' '}
                      <span className="muted">
                        · {line.shipped ? t('adm.tr.shipped') : t('adm.tr.notShipped')} · {t('adm.tr.families', { n: line.families })} ·{' '}
                        {t('adm.tr.overridden', { n: line.overridden })}
                      </span>
                      <br />
                      {line.missing.length === 0 ? (
                        t('adm.tr.noneMissing')
                      ) : (
                        <details>
                          <summary>{t('adm.tr.missingCount', { n: line.missing.length })}</summary>
                          <ul>
                            {line.missing.map((key) => (
                              <li key={key}>
                                <code>{key}</code>{' '}
                                <button
                                  type="button"
                                  className="button secondary"
                                  aria-label={t('adm.tr.writeNamed', { key, language: languageName(line.language) })}
                                  onClick={() => setOpen({ language: line.language, key })}
                                >
                                  {t('adm.tr.write')}
                                </button>
                              </li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )
          }
        </Loaded>
      </section>
      <section className="card" aria-labelledby="overrides-heading">
        <h2 id="overrides-heading">{t('adm.tr.overrides')}</h2>
        <LanguageField
          languages={languages}
          name="overrideLanguage"
          value={languageFilter}
          onChange={setLanguageFilter}
          none={t('adm.tr.allLanguages')}
        />
        <Loaded value={overrides}>
          {(items) =>
            items.length === 0 ? (
              <Empty>{t('adm.tr.noOverrides')}</Empty>
            ) : (
              <ul className="plain stack" data-testid="overrides">
                {items.map((item) => (
                  <li key={`${item.language}:${item.key}`} data-language={item.language} data-key={item.key}>
                    <code>{item.key}</code> · <span lang={item.language}>{languageName(item.language)}</span>
                    <br />
                    <span dir="auto" lang={item.language}>
                      {item.message}
                    </span>
                    <br />
                    <span className="muted small-text">{t('adm.tr.changed', { when: formatDateTime('en', item.updatedAt) })}</span>{' '}
                    <button
                      type="button"
                      className="button secondary"
                      aria-label={t('adm.tr.editNamed', { key: item.key, language: languageName(item.language) })}
                      onClick={() => setOpen({ language: item.language, key: item.key })}
                    >
                      {t('adm.tr.edit')}
                    </button>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
      <WholeLanguage languages={languages} onChanged={reloadAll} />
      <OpenMessage languages={languages} open={open} onOpen={setOpen} />
      {open && <MessageEditor key={`${open.language}:${open.key}`} language={open.language} messageKey={open.key} onChanged={reloadAll} />}
    </>
  );
}

/**
 * A whole language for a translator: every family message as CSV (key, English, placeholders, the
 * wording families get now, its source) to work through in a spreadsheet, and the file uploaded
 * back, each changed row becoming the area's wording; a refused file names each of its rows.
 */
function WholeLanguage({ languages, onChanged }: { languages: string[]; onChanged: () => void }) {
  const { t } = useI18n();
  const [language, setLanguage] = useState(languages[0] ?? 'pl');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const downloading = useSubmit();
  const uploading = useSubmit();
  const download = () =>
    void downloading.run(async () => {
      await saveFile(
        client.GET('/api/parent-engagement/message-overrides/{language}/catalogue.csv', {
          params: { path: { language } },
          parseAs: 'blob',
        }),
        `family-messages-${language}.csv`,
      );
    });
  const upload = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setResult(null);
    void uploading.run(async () => {
      const csv = await file.text();
      setResult(
        answered(
          (
            await client.POST('/api/parent-engagement/message-overrides/{language}/import', {
              params: { path: { language } },
              body: { csv },
            })
          ).data,
        ),
      );
      onChanged();
    });
  };
  const rowErrors = uploading.problem?.errors.filter((error) => error.field.startsWith('rows[')) ?? [];
  return (
    <form onSubmit={upload} noValidate className="stack card" data-testid="whole-language">
      <h2>{t('adm.tr.whole')}</h2>
      <p className="muted">{t('adm.tr.wholeIntro')}</p>
      <LanguageField languages={languages} name="wholeLanguage" value={language} onChange={setLanguage} />
      <div className="actions">
        <button type="button" className="button secondary" disabled={downloading.busy} onClick={download}>
          {t('adm.tr.download')}
        </button>
      </div>
      <FormError error={downloading.error} fields={[]} />
      <Field label={t('adm.tr.uploadFile')} hint={t('adm.tr.uploadHint')} error={uploading.fieldError('csv')}>
        {(props) => (
          <input
            {...props}
            type="file"
            name="csv"
            accept=".csv,text/csv"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setResult(null);
            }}
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="button primary" disabled={uploading.busy || !file}>
          {t('adm.tr.upload')}
        </button>
      </div>
      {result && (
        <Notice>
          <span data-testid="import-result">
            {t('adm.tr.imported', { created: result.created, changed: result.changed, unchanged: result.unchanged })}
          </span>
        </Notice>
      )}
      {rowErrors.length > 0 && (
        <Notice kind="error">
          {t('adm.tr.importRefused')}
          <ul data-testid="import-errors">
            {rowErrors.map((error) => (
              <li key={`${error.field}:${error.message}`}>{error.message}</li>
            ))}
          </ul>
        </Notice>
      )}
      <FormError error={uploading.error} fields={['csv', 'rows']} />
    </form>
  );
}

/** Choosing a message and a language to open (any key of the catalogue, offered with its English, or typed). */
function OpenMessage({
  languages,
  open,
  onOpen,
}: {
  languages: string[];
  open: { language: string; key: string } | null;
  onOpen: (open: { language: string; key: string }) => void;
}) {
  const { t } = useI18n();
  const [language, setLanguage] = useState(open?.language ?? languages[0] ?? 'pl');
  const [key, setKey] = useState(open?.key ?? '');
  const catalogue = useLoad(
    async () =>
      answered((await client.GET('/api/parent-engagement/message-overrides/{language}/catalogue', { params: { path: { language } } })).data)
        .items,
    [language],
  );
  const knownKeys = catalogue.state === 'ready' ? catalogue.data : [];
  useEffect(() => {
    if (open) {
      setLanguage(open.language);
      setKey(open.key);
    }
  }, [open?.language, open?.key]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim()) onOpen({ language, key: key.trim() });
  };
  return (
    <form onSubmit={submit} noValidate className="stack card" data-testid="open-message">
      <h2>{t('adm.tr.open')}</h2>
      <LanguageField languages={languages} name="language" value={language} onChange={setLanguage} />
      <Field label={t('adm.tr.key')} hint={t('adm.tr.keyHint')}>
        {(props) => (
          <>
            <input
              {...props}
              name="key"
              list="family-message-keys"
              autoComplete="off"
              value={key}
              onChange={(event) => setKey(event.target.value)}
            />
            <datalist id="family-message-keys">
              {knownKeys.map((known) => (
                <option key={known.key} value={known.key} label={known.english} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <button type="submit" className="button primary">
        {t('adm.tr.openButton')}
      </button>
    </form>
  );
}

function MessageEditor({ language, messageKey, onChanged }: { language: string; messageKey: string; onChanged: () => void }) {
  const { t } = useI18n();
  const message = useVersioned(
    () =>
      client.GET('/api/parent-engagement/message-overrides/{language}/{key}', {
        params: { path: { language, key: messageKey } },
      }),
    [language, messageKey],
  );
  const [draft, setDraft] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [sure, setSure] = useState(false);
  const saving = useSubmit();
  const previewing = useSubmit();
  useEffect(() => {
    if (message.state === 'ready') setDraft(message.data.value.message);
  }, [message.state === 'ready' ? message.data.etag : null]);
  const onStale = (error: unknown) => {
    if (error instanceof ApiProblem && error.status === 412) message.reload();
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (message.state !== 'ready') return;
    setDone(null);
    setSure(false);
    void saving.run(async () => {
      await client.PUT('/api/parent-engagement/message-overrides/{language}/{key}', {
        params: { path: { language, key: messageKey }, header: { 'If-Match': message.data.etag } },
        body: { message: draft },
      });
      setDone(t('adm.tr.saved'));
      message.reload();
      onChanged();
    }, onStale);
  };
  const remove = () => {
    if (message.state !== 'ready') return;
    if (!sure) {
      setSure(true);
      return;
    }
    setDone(null);
    void saving.run(async () => {
      await client.DELETE('/api/parent-engagement/message-overrides/{language}/{key}', {
        params: { path: { language, key: messageKey }, header: { 'If-Match': message.data.etag } },
      });
      setSure(false);
      setDone(t('adm.tr.dropped'));
      message.reload();
      onChanged();
    }, onStale);
  };
  const showPreview = () => {
    setPreview(null);
    void previewing.run(async () => {
      setPreview(
        answered(
          (await client.POST('/api/parent-engagement/message-overrides/preview', { body: { key: messageKey, language, message: draft } }))
            .data,
        ),
      );
    });
  };
  return (
    <section className="card" aria-labelledby="editor-heading" data-testid="message-editor">
      <h2 id="editor-heading">
        <code>{messageKey}</code> · <span lang={language}>{languageName(language)}</span>
      </h2>
      <Loaded value={message}>
        {({ value }) => (
          <form onSubmit={save} noValidate className="stack">
            <dl className="facts">
              <dt>{t('adm.tr.english')}</dt>
              <dd lang="en" dir="ltr" data-testid="english">
                {value.english}
              </dd>
              <dt>{t('adm.tr.shippedWording')}</dt>
              <dd dir="auto" lang={language}>
                {value.shipped ?? t('adm.tr.noShipped')}
                {value.shippedDescription && (
                  <>
                    <br />
                    <span className="muted small-text" dir="ltr" lang="en">
                      {value.shippedDescription}
                    </span>
                  </>
                )}
              </dd>
              <dt>{t('adm.tr.placeholders')}</dt>
              <dd>
                {value.placeholders.length === 0 ? t('adm.tr.noPlaceholders') : value.placeholders.map((name) => `{${name}}`).join(', ')}
              </dd>
              <dt>{t('adm.tr.source')}</dt>
              <dd data-testid="source" data-source={value.source}>
                {t(`adm.tr.source.${value.source}`)}
              </dd>
            </dl>
            {done && <Notice>{done}</Notice>}
            <ConflictNotice error={saving.error} fields={['message']} />
            <Field
              label={t('adm.tr.wording')}
              hint={t('adm.tr.wordingHint')}
              error={saving.fieldError('message') ?? previewing.fieldError('message')}
            >
              {(props) => (
                <textarea
                  {...props}
                  name="message"
                  dir="auto"
                  lang={language}
                  rows={4}
                  value={draft}
                  onChange={(event) => {
                    setDraft(event.target.value);
                    setSure(false);
                  }}
                />
              )}
            </Field>
            {sure && <Notice kind="info">{t('adm.tr.dropSure')}</Notice>}
            <div className="actions">
              <button type="submit" className="button primary" disabled={saving.busy}>
                {saving.busy ? t('saving') : t('adm.tr.save')}
              </button>
              <button type="button" className="button secondary" disabled={previewing.busy} onClick={showPreview}>
                {t('adm.tr.preview')}
              </button>
              {value.source === 'override' && (
                <button type="button" className="button secondary" disabled={saving.busy} onClick={remove}>
                  {sure ? t('adm.tr.dropConfirm') : t('adm.tr.drop')}
                </button>
              )}
            </div>
            {previewing.error !== null && !previewing.fieldError('message') && (
              <ConflictNotice error={previewing.error} fields={['message']} />
            )}
            {preview && (
              <div className="panel" data-testid="preview" dir={preview.dir} lang={preview.language}>
                <h3 dir="ltr" lang="en">
                  {t('adm.tr.previewHeading')}
                </h3>
                <p>
                  <strong>{preview.subject}</strong>
                </p>
                <p className="preserve-lines" data-testid="preview-text">
                  {preview.text}
                </p>
              </div>
            )}
          </form>
        )}
      </Loaded>
    </section>
  );
}
