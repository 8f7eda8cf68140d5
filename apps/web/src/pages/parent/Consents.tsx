import { useState } from 'react';
import { answered, client, type Schema } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n';
import { Empty, ErrorNotice, Loaded, useLoad, useSubmit } from '../../ui';
import { useChildren, type Child } from './children';

type ConsentKind = Schema<'parent-engagement.ConsentDto'>['kind'];

const CONSENT_KINDS: ConsentKind[] = ['photo_film', 'performing_in_public', 'transport', 'trips'];

export function ParentConsents() {
  const { t } = useI18n();
  const children = useChildren();
  return (
    <>
      <h1>{t('consents')}</h1>
      <Loaded value={children}>
        {(list) =>
          list.length === 0 ? <Empty>{t('noChildren')}</Empty> : list.map((child) => <ChildConsents key={child.pupilId} child={child} />)
        }
      </Loaded>
    </>
  );
}

function ChildConsents({ child }: { child: Child }) {
  const { t } = useI18n();
  const consents = useLoad(
    async () =>
      answered(
        (await client.GET('/api/parent-engagement/pupils/{pupilId}/consents', { params: { path: { pupilId: child.pupilId } } })).data,
      ),
    [child.pupilId],
  );
  const [busy, setBusy] = useState<ConsentKind | null>(null);
  const { error, run } = useSubmit();
  const record = async (kind: ConsentKind, granted: boolean) => {
    setBusy(kind);
    await run(async () => {
      await client.PUT('/api/parent-engagement/pupils/{pupilId}/consents/{kind}', {
        params: { path: { pupilId: child.pupilId, kind } },
        body: { granted },
      });
      consents.reload();
    });
    setBusy(null);
  };
  return (
    <section className="card" aria-label={child.name}>
      <h2>{child.name}</h2>
      {error !== null && <ErrorNotice error={error} />}
      <Loaded value={consents}>
        {(data) => (
          <ul className="plain">
            {CONSENT_KINDS.map((kind) => {
              const state = data.consents.find((consent) => consent.kind === kind)?.state ?? 'missing';
              return (
                <li key={kind} className="consent-row">
                  <span>
                    <strong>{t(`consent.${kind}` as MessageKey)}</strong>: {t(`consentState.${state}` as MessageKey)}
                  </span>
                  {child.canConsent && (
                    <span className="actions">
                      <button
                        type="button"
                        className="button secondary small"
                        disabled={busy !== null || state === 'granted'}
                        onClick={() => void record(kind, true)}
                      >
                        {t('giveConsent')}
                        <span className="visually-hidden">: {t(`consent.${kind}` as MessageKey)}</span>
                      </button>
                      <button
                        type="button"
                        className="button secondary small"
                        disabled={busy !== null || state === 'refused' || state === 'withdrawn'}
                        onClick={() => void record(kind, false)}
                      >
                        {t('refuseConsent')}
                        <span className="visually-hidden">: {t(`consent.${kind}` as MessageKey)}</span>
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Loaded>
    </section>
  );
}
