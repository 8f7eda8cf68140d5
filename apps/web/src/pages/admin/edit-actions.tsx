import { useState } from 'react';
import { useI18n } from '../../i18n';
import { Notice, useSubmit, type Submission } from '../../ui';
import { ConflictNotice } from '../conflict-words';

/**
 * Removing a listed item, asked once: the first press only asks (`sure`, whose words the pair shows),
 * the second runs `work`; `onError` sees a failure first, as in Submission.run.
 */
export function useRemoveOnce(work: () => Promise<unknown>, onError?: Parameters<Submission['run']>[1]) {
  const [sure, setSure] = useState(false);
  const removing = useSubmit();
  const remove = () => {
    if (!sure) {
      setSure(true);
      return;
    }
    void removing.run(work, onError);
  };
  return { sure, removing, remove };
}

/**
 * The Edit and Remove pair beside a listed item, with what removing it said: a failure in words, and
 * once Remove has been pressed, `sureWords` ("press again to remove") above the pair.
 */
export function EditOrRemove({
  name,
  sureWords,
  removal,
  onEdit,
}: {
  name: string;
  sureWords: string;
  removal: ReturnType<typeof useRemoveOnce>;
  onEdit: () => void;
}) {
  const { t } = useI18n();
  const { sure, removing, remove } = removal;
  return (
    <>
      <ConflictNotice error={removing.error} />
      {sure && <Notice kind="info">{sureWords}</Notice>}
      <div className="actions">
        <button type="button" className="button secondary" onClick={onEdit}>
          {t('adm.editNamed', { name })}
        </button>
        <button type="button" className="button secondary" disabled={removing.busy} onClick={remove}>
          {sure ? t('adm.removeConfirm') : t('adm.removeNamed', { name })}
        </button>
      </div>
    </>
  );
}
