import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiProblem, answered, etagOf, isWithin } from './api/client';
import { useI18n } from './i18n';

export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; data: T };

/** `value` once it has stayed the same for `ms` (a search box asks the API when the typing pauses, not per key). */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Loads once per change of `deps`; `reload` loads again (after a change the page made). */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loadable<T> & { reload: () => void } {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    loadRef.current().then(
      (data) => live && setValue({ state: 'ready', data }),
      (error: unknown) => live && setValue({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...value, reload };
}

/** One form's (or button's) sending: busy while it runs, the API's error kept after it, field by field. */
export interface Submission {
  busy: boolean;
  /** What the last run threw (an ApiProblem, or a network failure), null when it went through. */
  error: unknown;
  /** The error as the API's problem, when it is one. */
  problem: ApiProblem | null;
  /** The API's message for one field, or for anything inside it (a 400's `errors`). */
  fieldError: (field: string) => string | undefined;
  /** A 409 (a clash) or a 412 (changed since it was read): what a page tells in words. */
  conflict: ApiProblem | null;
  setError: (error: unknown) => void;
  /**
   * Runs `work`: busy meanwhile, the last error cleared before and the new one kept. `onError` sees a
   * failure first and answers true when it has dealt with it (then it is not kept as the error).
   * Answers whether the work went through.
   */
  run: (work: () => Promise<unknown>, onError?: (error: unknown) => boolean | void | Promise<boolean | void>) => Promise<boolean>;
}

/** A record as read for editing: its value and the version (ETag) a save must send as If-Match. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

/**
 * An edit form over one record read with its ETag, written once for every such form. The draft follows
 * each new read until the user changes it (a read that another form's save triggers must not undo
 * their choices); a save runs `write` with the draft and the read it was made from, then reads again;
 * a stale save (412) shows the record as it is now, beside the notice that says so.
 */
export function useEditable<T, D extends object>(
  read: () => Promise<{ data?: T; response: Response }>,
  draftOf: (value: T) => D,
  deps: readonly unknown[] = [],
) {
  const record = useLoad(async (): Promise<Versioned<T>> => {
    const { data, response } = await read();
    return { value: answered(data), etag: etagOf(response) };
  }, deps);
  const [draft, setDraft] = useState<D | null>(null);
  const [edited, setEdited] = useState(false);
  const [saved, setSaved] = useState(false);
  const saving = useSubmit();
  useEffect(() => {
    if (record.state === 'ready' && !edited) setDraft(draftOf(record.data.value));
  }, [record.state === 'ready' ? record.data.etag : null]);
  const set = (change: Partial<D>) => {
    setSaved(false);
    setEdited(true);
    setDraft((current) => (current ? { ...current, ...change } : current));
  };
  const save = (write: (draft: D, read: Versioned<T>) => Promise<unknown>) => (event: FormEvent) => {
    event.preventDefault();
    if (record.state !== 'ready' || !draft) return;
    setSaved(false);
    const readFrom = record.data;
    void saving.run(
      async () => {
        await write(draft, readFrom);
        setEdited(false);
        setSaved(true);
        record.reload();
      },
      (error) => {
        if (error instanceof ApiProblem && error.status === 412) {
          setEdited(false);
          record.reload();
        }
      },
    );
  };
  return { record, draft, set, saved, saving, save };
}

/** The busy / error / field errors of a submit, written once for every form. */
export function useSubmit(): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback<Submission['run']>(async (work, onError) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (failure) {
      if ((await onError?.(failure)) !== true) setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const problem = error instanceof ApiProblem ? error : null;
  return {
    busy,
    error,
    problem,
    fieldError: (field) => problem?.forField(field),
    conflict: problem && (problem.status === 409 || problem.status === 412) ? problem : null,
    setError,
    run,
  };
}

export function messageOf(error: unknown, fallback: string): string {
  if (error instanceof ApiProblem) return error.detail ?? error.title;
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status" aria-live="polite">
      {t('loading')}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{t('somethingWrong')}:</strong> {messageOf(error, t('somethingWrong'))}
      </p>
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

/** Shows a loadable: a loading line, an error with a retry, or the content. */
export function Loaded<T>({ value, children }: { value: Loadable<T> & { reload: () => void }; children: (data: T) => ReactNode }) {
  if (value.state === 'loading') return <Loading />;
  if (value.state === 'error') return <ErrorNotice error={value.error} onRetry={value.reload} />;
  return <>{children(value.data)}</>;
}

export function Notice({ kind = 'success', children }: { kind?: 'success' | 'error' | 'info'; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** An error the API gave that no field on the form claims. */
export function FormError({ error, fields }: { error: unknown; fields: readonly string[] }) {
  const { t } = useI18n();
  if (!error) return null;
  if (
    error instanceof ApiProblem &&
    error.errors.length > 0 &&
    error.errors.every((item) => fields.some((field) => isWithin(item.field, field)))
  ) {
    return null;
  }
  return <Notice kind="error">{messageOf(error, t('somethingWrong'))}</Notice>;
}

export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiProblem ? error.forField(field) : undefined;
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}

/** A label, the control, and the API's message for this field right beneath it. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

export interface Bar {
  label: string;
  value: number;
  /** Shown instead of the bare number. */
  valueText?: string;
}

/**
 * A horizontal bar chart as SVG, with a target line; described for screen readers by a table of
 * the same numbers (visually hidden), so that nothing is only in the picture.
 */
export function BarChart({
  title,
  bars,
  max,
  target,
  targetLabel,
}: {
  title: string;
  bars: Bar[];
  max?: number;
  target?: number;
  targetLabel?: string;
}) {
  const titleId = useId();
  const rowHeight = 36;
  const labelWidth = 120;
  const width = 340;
  const chartWidth = width - labelWidth - 70;
  const top = max ?? Math.max(1, target ?? 0, ...bars.map((bar) => bar.value));
  const height = bars.length * rowHeight + 24;
  const x = (value: number) => labelWidth + (Math.min(value, top) / top) * chartWidth;
  return (
    <figure className="chart">
      <figcaption id={titleId}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} preserveAspectRatio="xMinYMin meet">
        {bars.map((bar, index) => {
          const y = index * rowHeight + 4;
          const below = target !== undefined && bar.value < target;
          return (
            <g key={`${bar.label}-${index}`}>
              <text x={labelWidth - 6} y={y + 18} textAnchor="end" className="chart-label">
                {bar.label.length > 16 ? `${bar.label.slice(0, 15)}…` : bar.label}
              </text>
              <rect
                x={labelWidth}
                y={y + 4}
                width={Math.max(2, x(bar.value) - labelWidth)}
                height={rowHeight - 12}
                className={below ? 'bar bar-below' : 'bar'}
              />
              <text x={x(bar.value) + 4} y={y + 18} className="chart-value">
                {bar.valueText ?? bar.value}
              </text>
            </g>
          );
        })}
        {target !== undefined && (
          <g>
            <line x1={x(target)} x2={x(target)} y1={0} y2={height - 18} className="target-line" />
            <text x={x(target)} y={height - 4} textAnchor="middle" className="chart-label">
              {targetLabel ?? target}
            </text>
          </g>
        )}
      </svg>
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <tbody>
            {bars.map((bar, index) => (
              <tr key={`${bar.label}-${index}`}>
                <th scope="row">{bar.label}</th>
                <td>{bar.valueText ?? bar.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
