import { useState, type FormEvent } from 'react';
import { saveFile } from '../../api';
import { allPages, client, type Schema } from '../../api/client';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { Empty, fieldError, FormError, InputField, Loaded, Notice, SelectField, useLoad } from '../../ui';

type Term = Schema<'scheduling.TermDto'>;

type DownloadState =
  { state: 'idle' } | { state: 'busy' } | { state: 'done'; fileName: string; rows: number } | { state: 'error'; error: unknown };

/** Fetches an export and saves it; tells how many data rows it had. */
function useDownload(): [DownloadState, (answer: Parameters<typeof saveFile>[0], fallbackName: string) => Promise<void>] {
  const [state, setState] = useState<DownloadState>({ state: 'idle' });
  const download = async (answer: Parameters<typeof saveFile>[0], fallbackName: string) => {
    setState({ state: 'busy' });
    try {
      const { blob, fileName } = await saveFile(answer, fallbackName);
      const lines = (await blob.text()).split('\r\n').filter((line) => line !== '');
      setState({ state: 'done', fileName, rows: Math.max(lines.length - 1, 0) });
    } catch (error) {
      setState({ state: 'error', error });
    }
  };
  return [state, download];
}

function DownloadResult({ value, fields }: { value: DownloadState; fields: readonly string[] }) {
  const { t } = useI18n();
  if (value.state === 'busy') return <Notice kind="info">{t('eval.downloading')}</Notice>;
  if (value.state === 'done') return <Notice>{t('eval.downloaded', { file: value.fileName, n: value.rows })}</Notice>;
  if (value.state === 'error') return <FormError error={value.error} fields={fields} />;
  return null;
}

/** The current term if there is one, else the latest that has started, else the first. */
function defaultTerm(terms: Term[], today: string): Term | undefined {
  const started = terms.filter((term) => term.startsOn <= today).sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  return started[0] ?? terms[0];
}

const todayInLondon = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

/** 1 September of the school year that holds `today`. */
function schoolYearStart(today: string): string {
  const [year, month] = today.split('-').map(Number);
  return `${month >= 9 ? year : year - 1}-09-01`;
}

/** The evaluator's home: what each pseudonymised export holds and leaves out, and the downloads. */
export function EvaluatorHome() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('eval.title')}</h1>
      <p>{t('eval.intro')}</p>
      <p>
        <Link to="/evidence">{t('evidence.title')}</Link>
      </p>
      <div className="reports">
        <ProvisionExport />
        <ParticipationExport />
        <section className="panel" aria-labelledby="left-out-heading">
          <h2 id="left-out-heading">{t('eval.leftOutTitle')}</h2>
          <p>{t('eval.leftOut')}</p>
        </section>
      </div>
    </>
  );
}

function ProvisionExport() {
  const { t } = useI18n();
  const terms = useLoad(() => allPages('/api/scheduling/terms'), []);
  const [chosen, setChosen] = useState<string>('');
  const [result, download] = useDownload();
  return (
    <section className="panel" aria-labelledby="provision-export-heading">
      <h2 id="provision-export-heading">{t('eval.provisionTitle')}</h2>
      <p>{t('eval.provisionContains')}</p>
      <Loaded value={terms}>
        {(list) => {
          if (list.length === 0) return <Empty>{t('eval.noTerms')}</Empty>;
          const termId = chosen || defaultTerm(list, todayInLondon())?.id || '';
          const submit = (event: FormEvent) => {
            event.preventDefault();
            void download(
              client.GET('/api/scheduling/evaluation/provision.csv', {
                params: { query: { termId } },
                parseAs: 'blob',
                headers: { accept: 'text/csv' },
              }),
              'provision.csv',
            );
          };
          return (
            <form className="stack" onSubmit={submit} noValidate>
              <SelectField
                label={t('eval.term')}
                error={fieldError(result.state === 'error' ? result.error : undefined, 'termId')}
                name="termId"
                value={termId}
                onChange={setChosen}
              >
                {[...list]
                  .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
                  .map((term) => (
                    <option key={term.id} value={term.id}>
                      {term.name} ({term.startsOn} – {term.endsOn})
                    </option>
                  ))}
              </SelectField>
              <div className="actions">
                <button type="submit" className="button" disabled={result.state === 'busy'}>
                  {t('eval.downloadProvision')}
                </button>
              </div>
              <DownloadResult value={result} fields={['termId']} />
            </form>
          );
        }}
      </Loaded>
    </section>
  );
}

function ParticipationExport() {
  const { t } = useI18n();
  const today = todayInLondon();
  const [from, setFrom] = useState(() => schoolYearStart(today));
  const [to, setTo] = useState(today);
  const [result, download] = useDownload();
  const error = result.state === 'error' ? result.error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void download(
      client.GET('/api/performance-event/evaluation/participation.csv', {
        params: { query: { from, to } },
        parseAs: 'blob',
        headers: { accept: 'text/csv' },
      }),
      'participation.csv',
    );
  };
  return (
    <section className="panel" aria-labelledby="participation-export-heading">
      <h2 id="participation-export-heading">{t('eval.participationTitle')}</h2>
      <p>{t('eval.participationContains')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="period">
          <InputField
            label={t('from')}
            error={fieldError(error, 'from')}
            type="date"
            name="from"
            value={from}
            onChange={setFrom}
            required
          />
          <InputField label={t('to')} error={fieldError(error, 'to')} type="date" name="to" value={to} onChange={setTo} required />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={result.state === 'busy'}>
            {t('eval.downloadParticipation')}
          </button>
        </div>
        <DownloadResult value={result} fields={['from', 'to']} />
      </form>
    </section>
  );
}
