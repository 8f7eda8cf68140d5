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

/**
 * The Edit and Remove pair beside a listed item; Remove asks once (`sure` is the page's "press again
 * to remove" state, with its words shown above the pair by the page).
 */
export function EditOrRemove({
  name,
  sure,
  busy,
  onEdit,
  onRemove,
}: {
  name: string;
  sure: boolean;
  busy: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button type="button" className="button secondary" onClick={onEdit}>
        {t('adm.editNamed', { name })}
      </button>
      <button type="button" className="button secondary" disabled={busy} onClick={onRemove}>
        {sure ? t('adm.removeConfirm') : t('adm.removeNamed', { name })}
      </button>
    </div>
  );
}
