import type { FormEvent, ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Notice, type Submission } from '../ui';
import { ConflictNotice } from './conflict-words';

/** A form's submit button: its label, or "Saving…" and pressed no more while the form sends. */
export function SubmitButton({ busy, label }: { busy: boolean; label: string }) {
  const { t } = useI18n();
  return (
    <button type="submit" className="button primary" disabled={busy}>
      {busy ? t('saving') : label}
    </button>
  );
}

/** The Save and Cancel pair under an inline edit form (`saveLabel` when the form says more than Save). */
export function SaveOrCancel({ busy, onCancel, saveLabel }: { busy: boolean; onCancel: () => void; saveLabel?: string }) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <SubmitButton busy={busy} label={saveLabel ?? t('adm.save')} />
      <button type="button" className="button secondary" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}

/**
 * A form that sends to the API, framed once for every page: its heading, the notice of what the last
 * send did, the error told in words (a clash or a stale edit, or what no field claims: each field
 * shows its own beside it), the fields, and the submit button, busy while it sends.
 */
export function SendForm({
  testId,
  heading,
  sending,
  notice = sending.notice,
  error = sending.error,
  fields,
  onSubmit,
  submitLabel,
  className = 'stack',
  children,
}: {
  testId: string;
  heading?: ReactNode;
  /** What the last send did, in words (default: what a useSendForm's said). */
  notice?: string | null;
  sending: Submission & { notice?: string | null };
  /** The error to tell above the fields, when the page tells some other way (default: the last send's). */
  error?: unknown;
  fields: readonly string[];
  onSubmit: (event: FormEvent) => void;
  submitLabel: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate className={className} data-testid={testId}>
      {heading}
      {notice && <Notice>{notice}</Notice>}
      <ConflictNotice error={error} fields={fields} />
      {children}
      <SubmitButton busy={sending.busy} label={submitLabel} />
    </form>
  );
}
