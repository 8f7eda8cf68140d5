import { useEffect, useRef, useState } from 'react';
import { saveFile } from '../../../api';
import { answered, client, type Schema } from '../../../api/client';
import { useApp } from '../../../app-context';
import { formatDateTime, useI18n } from '../../../i18n';
import { Link } from '../../../router';
import { ErrorNotice, Loading, TableFrame, useSubmit } from '../../../ui';
import { ConflictNotice } from '../../conflict-words';

export type DataRequest = Schema<'DataRequestDto'>;

/** How often a request still collecting is read again. */
const POLL_MS = 1_500;

/** The admin's privacy pages, linked to one another. */
export function PrivacyNav({ current }: { current: 'requests' | 'retention' }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('privacy.sections')} className="actions">
      {current === 'requests' ? (
        <strong aria-current="page">{t('privacy.requests.title')}</strong>
      ) : (
        <Link to="/admin/privacy">{t('privacy.requests.title')}</Link>
      )}
      {current === 'retention' ? (
        <strong aria-current="page">{t('privacy.retention.title')}</strong>
      ) : (
        <Link to="/admin/privacy/retention">{t('privacy.retention.title')}</Link>
      )}
      <Link to="/admin/consent-audit">{t('consentAudit.title')}</Link>
    </nav>
  );
}

/**
 * One data request, read again every 1.5 s while services are still answering; `initial` is what
 * the POST answered (shown at once).
 */
export function usePolledRequest(initial: DataRequest | null, onDone?: () => void): { request: DataRequest | null; error: unknown } {
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;
  const [request, setRequest] = useState<DataRequest | null>(initial);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setRequest(initial);
    setError(null);
    if (!initial || initial.state === 'done') return undefined;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = answered((await client.GET('/identity/data-requests/{id}', { params: { path: { id: initial.id } } })).data);
        if (!live) return;
        setRequest(next);
        setError(null);
        if (next.state !== 'done') timer = setTimeout(() => void poll(), POLL_MS);
        else onDoneRef.current?.();
      } catch (failure) {
        if (!live) return;
        setError(failure);
        timer = setTimeout(() => void poll(), POLL_MS * 2);
      }
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [initial?.id, initial?.state]);
  return { request, error };
}

/** Saves a finished export's file, named as the API names it. */
async function download(kind: 'zip' | 'pdf', id: string): Promise<void> {
  const fallbackName = `subject-access-${id.slice(0, 8)}.${kind}`;
  await (kind === 'zip'
    ? saveFile(
        client.GET('/identity/data-requests/{id}/export.zip', {
          params: { path: { id } },
          parseAs: 'blob',
          headers: { accept: 'application/zip' },
        }),
        fallbackName,
      )
    : saveFile(
        client.GET('/identity/data-requests/{id}/summary.pdf', {
          params: { path: { id } },
          parseAs: 'blob',
          headers: { accept: 'application/pdf' },
        }),
        fallbackName,
      ));
}

/** A request's progress, what each service answered (records or actions), and its files once done. */
export function DataRequestReport({ request, subjectName }: { request: DataRequest; subjectName?: string }) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const saving = useSubmit();
  const done = request.state === 'done';
  const { received, of, missing } = request.progress;
  return (
    <div className="stack" data-testid="data-request" data-request-id={request.id} data-state={request.state}>
      <p>
        <strong>{t(`privacy.kind.${request.kind}`)}</strong>
        {request.subject && <> · {subjectName ?? subjectLabel(t, request.subject)}</>}
        {request.retentionRun && (
          <>
            {' '}
            ·{' '}
            {t(request.retentionRun.dryRun ? 'privacy.retention.dryRunOf' : 'privacy.retention.runOf', { day: request.retentionRun.asOf })}
          </>
        )}
        <span className="muted"> · {formatDateTime(language, request.createdAt, me.area.timeZone)}</span>
      </p>
      <p role="status" aria-live="polite" data-testid="progress">
        {done ? t('privacy.progress.done', { of }) : t('privacy.progress.collecting', { received, of })}
        {!done && missing.length > 0 && <span className="muted"> {t('privacy.progress.waiting', { services: missing.join(', ') })}</span>}
      </p>
      <progress max={of} value={received} aria-label={t('privacy.progress.label')} />
      {request.pseudonym && <p>{t('privacy.erasure.pseudonym', { pseudonym: request.pseudonym })}</p>}
      {request.parts.length > 0 && (
        <TableFrame
          label={t('privacy.parts.title')}
          testId="parts"
          columns={[t('privacy.parts.service'), request.kind === 'export' ? t('privacy.parts.records') : t('privacy.parts.actions')]}
        >
          {request.parts.map((part) => (
            <tr key={part.service} data-service={part.service}>
              <th scope="row">{part.service}</th>
              <td>
                {request.kind === 'export' ? (
                  Object.keys(part.records).length === 0 ? (
                    <span className="muted">{t('privacy.parts.nothingHeld')}</span>
                  ) : (
                    Object.entries(part.records)
                      .map(([what, count]) => `${words(what)}: ${count}`)
                      .join(' · ')
                  )
                ) : part.actions.length === 0 ? (
                  <span className="muted">{t('privacy.parts.nothingToDo')}</span>
                ) : (
                  <ul className="plain">
                    {part.actions.map((action, index) => (
                      <li key={index}>
                        {t(`privacy.${request.retentionRun?.dryRun ? 'actionDry' : 'action'}.${action.action}`, {
                          rows: action.rows,
                          what: action.what,
                        })}
                        {action.reason && <span className="muted"> ({action.reason})</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </TableFrame>
      )}
      {request.kind === 'export' && done && (
        <div className="actions">
          <button
            type="button"
            className="button primary"
            disabled={saving.busy}
            onClick={() => void saving.run(() => download('zip', request.id))}
          >
            {t('privacy.download.zip')}
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={saving.busy}
            onClick={() => void saving.run(() => download('pdf', request.id))}
          >
            {t('privacy.download.pdf')}
          </button>
        </div>
      )}
      <ConflictNotice error={saving.error} />
    </div>
  );
}

export function subjectLabel(t: ReturnType<typeof useI18n>['t'], subject: NonNullable<DataRequest['subject']>): string {
  return t(`privacy.subject.${subject.type}`, { id: subject.id.slice(0, 8) });
}

/**
 * A request read again while it collects: the report, a loading line before the first read, the
 * error of a failed read; `onDone` once the last service has answered (to refresh a list showing it).
 */
export function LiveDataRequest({ initial, subjectName, onDone }: { initial: DataRequest; subjectName?: string; onDone?: () => void }) {
  const { request, error } = usePolledRequest(initial, onDone);
  if (!request) return <Loading />;
  return (
    <>
      <DataRequestReport request={request} subjectName={subjectName} />
      {error !== null && <ErrorNotice error={error} />}
    </>
  );
}

/** `auditEntries` or `guardian_links` as words. */
function words(key: string): string {
  return key
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
