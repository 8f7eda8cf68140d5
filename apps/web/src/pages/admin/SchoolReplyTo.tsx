import { useEffect, useState, type FormEvent } from 'react';
import { ApiProblem, client } from '../../api/client';
import { useI18n } from '../../i18n';
import { Empty, InputField, Loaded, reloadWhenStale, useLoad, useSubmit, versionedOf } from '../../ui';
import { SendForm } from '../form-frame';

/**
 * A school's own Reply-To for family emails about its children (issue 17), read with its ETag and saved
 * with If-Match; empty leaves replies to the area's office. For the programme admin (any school of the
 * area) and the headteacher (their own school).
 */
export function SchoolReplyTo({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const settings = useLoad(async () => {
    try {
      return versionedOf(
        await client.GET('/api/parent-engagement/message-settings/schools/{schoolId}', {
          params: { path: { schoolId } },
        }),
      );
    } catch (error) {
      // Family messages know a school from scheduling's event of its creation, moments after it: until then the school is not theirs to set.
      if (error instanceof ApiProblem && error.status === 404) return null;
      throw error;
    }
  }, [schoolId]);
  const [replyTo, setReplyTo] = useState('');
  const [saved, setSaved] = useState(false);
  const saving = useSubmit();
  const etag = settings.state === 'ready' ? (settings.data?.etag ?? null) : null;
  useEffect(() => {
    if (settings.state === 'ready' && settings.data) setReplyTo(settings.data.value.replyTo ?? '');
  }, [etag]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!etag) return;
    setSaved(false);
    void saving.run(async () => {
      await client.PUT('/api/parent-engagement/message-settings/schools/{schoolId}', {
        params: { path: { schoolId }, header: { 'If-Match': etag } },
        body: { replyTo: replyTo.trim() || null },
      });
      setSaved(true);
      settings.reload();
    }, reloadWhenStale(settings.reload));
  };
  return (
    <section className="card" aria-labelledby={`reply-to-${schoolId}`}>
      <h2 id={`reply-to-${schoolId}`}>{t('adm.messageSettings')}</h2>
      <Loaded value={settings}>
        {(loaded) =>
          !loaded ? (
            <Empty>{t('adm.schoolReplyToNoFamilies')}</Empty>
          ) : (
            <SendForm
              testId="school-reply-to"
              notice={saved ? t('adm.saved') : null}
              sending={saving}
              fields={['replyTo']}
              onSubmit={submit}
              submitLabel={t('adm.save')}
            >
              <InputField
                label={t('adm.replyTo')}
                hint={t('adm.schoolReplyToHint')}
                error={saving.fieldError('replyTo')}
                name="schoolReplyTo"
                type="email"
                value={replyTo}
                onChange={(value) => {
                  setSaved(false);
                  setReplyTo(value);
                }}
              />
            </SendForm>
          )
        }
      </Loaded>
    </section>
  );
}
