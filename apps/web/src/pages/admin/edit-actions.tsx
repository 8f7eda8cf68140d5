import { useI18n } from '../../i18n';

/** The Save and Cancel pair under an admin page's inline edit form. */
export function SaveOrCancel({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t('saving') : t('adm.save')}
      </button>
      <button type="button" className="button secondary" onClick={onCancel}>
        {t('adm.cancel')}
      </button>
    </div>
  );
}
