import { useState } from 'react';
import { saveFile } from '../../api';
import { answered, client, newId, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { formatDateTime, useI18n } from '../../i18n';
import { ErrorNotice, Loaded, Notice, useLoad, useSubmit } from '../../ui';
import { useChildren, type Child } from './children';

type DataRequest = Schema<'DataRequestDto'>;

/**
 * A guardian asks for a copy of everything Tutti holds about their own child (a subject access
 * export, gathered from every service), then saves it as a readable PDF or a ZIP of the data.
 */
export function ChildDataExport() {
  const { t } = useI18n();
  const children = useChildren();
  const requests = useLoad(
    async () => answered((await client.GET('/identity/data-requests', { params: { query: { kind: 'export', limit: 20 } } })).data).items,
    [],
  );
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="data-export-heading" data-testid="data-export">
      <h2 id="data-export-heading">{t('dataExport.title')}</h2>
      <p>{t('dataExport.intro')}</p>
      <div aria-live="polite">{done && <Notice>{done}</Notice>}</div>
      <Loaded value={children}>
        {(kids) => (
          <Loaded value={requests}>
            {(list) => (
              <ul className="plain">
                {kids.map((kid) => (
                  <ChildRequests
                    key={kid.pupilId}
                    kid={kid}
                    requests={list.filter((request) => request.subject?.id === kid.pupilId)}
                    onAsked={() => {
                      setDone(t('dataExport.asked', { name: kid.name }));
                      requests.reload();
                    }}
                    onRefresh={requests.reload}
                  />
                ))}
              </ul>
            )}
          </Loaded>
        )}
      </Loaded>
    </section>
  );
}

function ChildRequests({
  kid,
  requests,
  onAsked,
  onRefresh,
}: {
  kid: Child;
  requests: DataRequest[];
  onAsked: () => void;
  onRefresh: () => void;
}) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const asking = useSubmit();
  const saving = useSubmit();
  // One key per request meant: a second tap while the answer is on its way opens one request, not two.
  const [idempotencyKey, setIdempotencyKey] = useState(newId);
  const latest = requests[0];
  const ask = () =>
    asking.run(async () => {
      answered(
        (
          await client.POST('/identity/data-requests', {
            params: { header: { 'Idempotency-Key': idempotencyKey } },
            body: { kind: 'export', subjectType: 'pupil', subjectId: kid.pupilId },
          })
        ).data,
      );
      setIdempotencyKey(newId());
      onAsked();
    });
  const download = (request: DataRequest, kind: 'pdf' | 'zip') =>
    saving.run(() =>
      kind === 'pdf'
        ? saveFile(
            client.GET('/identity/data-requests/{id}/summary.pdf', {
              params: { path: { id: request.id } },
              parseAs: 'blob',
              headers: { accept: 'application/pdf' },
            }),
            `data-${request.id.slice(0, 8)}.pdf`,
          )
        : saveFile(
            client.GET('/identity/data-requests/{id}/export.zip', {
              params: { path: { id: request.id } },
              parseAs: 'blob',
              headers: { accept: 'application/zip' },
            }),
            `data-${request.id.slice(0, 8)}.zip`,
          ),
    );
  return (
    <li className="stack" data-pupil-id={kid.pupilId} data-request-state={latest?.state ?? 'none'}>
      <h3>{kid.name}</h3>
      {latest && (
        <p data-testid="request-state">
          {latest.state === 'done'
            ? t('dataExport.ready', { when: formatDateTime(language, latest.finishedAt ?? latest.createdAt, me.area.timeZone) })
            : t('dataExport.gathering', { received: latest.progress.received, of: latest.progress.of })}
        </p>
      )}
      {asking.error !== null && <ErrorNotice error={asking.error} />}
      {saving.error !== null && <ErrorNotice error={saving.error} />}
      <div className="actions">
        {latest?.state === 'done' && (
          <>
            <button type="button" className="button primary" disabled={saving.busy} onClick={() => void download(latest, 'pdf')}>
              {t('dataExport.pdf')}
              <span className="visually-hidden">: {kid.name}</span>
            </button>
            <button type="button" className="button secondary" disabled={saving.busy} onClick={() => void download(latest, 'zip')}>
              {t('dataExport.zip')}
              <span className="visually-hidden">: {kid.name}</span>
            </button>
          </>
        )}
        {latest?.state === 'collecting' ? (
          <button type="button" className="button secondary" onClick={onRefresh}>
            {t('dataExport.checkAgain')}
            <span className="visually-hidden">: {kid.name}</span>
          </button>
        ) : (
          <button type="button" className="button secondary" disabled={asking.busy} onClick={() => void ask()}>
            {asking.busy ? t('saving') : t('dataExport.ask', { name: kid.name })}
          </button>
        )}
      </div>
    </li>
  );
}
