import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
} from 'react';
import { ApiProblem, answered, etagOf, isWithin } from './api/client';
import { useI18n, type MessageKey } from './i18n';

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

/** A record as the API answered it: its value, and its version from the ETag header. */
export function versionedOf<T>({ data, response }: { data?: T; response: Response }): Versioned<T> {
  return { value: answered(data), etag: etagOf(response) };
}

/** Loads one record with its ETag (for a form that edits it with If-Match), as useLoad does. */
export function useVersioned<T>(read: () => Promise<{ data?: T; response: Response }>, deps: readonly unknown[]) {
  return useLoad(async () => versionedOf(await read()), deps);
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
  const record = useVersioned(read, deps);
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

/** The edit form over one record that useEditable answers. */
export type Editable<T, D extends object> = ReturnType<typeof useEditable<T, D>>;

/**
 * An `onError` for Submission.run on a form that edits a record read earlier: a stale edit (412)
 * reads the record again, so that the form shows it as it is now beside the notice that says so.
 */
export function reloadWhenStale(reload: () => void) {
  return (error: unknown) => {
    if (error instanceof ApiProblem && error.status === 412) reload();
  };
}

/**
 * A form's submit and the notice it leaves ("Room added: …"), written once: useSubmit's state, and
 * `submit(work)`, the form's handler, which stops the browser's own submit, clears the last notice
 * and, once `work` went through, shows the words it answers.
 */
export function useSendForm() {
  const sending = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const submit =
    (work: () => Promise<string | void>, onError?: Parameters<Submission['run']>[1]) =>
    (event: FormEvent): void => {
      event.preventDefault();
      setNotice(null);
      void sending.run(async () => {
        const said = await work();
        if (said) setNotice(said);
      }, onError);
    };
  return { ...sending, notice, setNotice, submit };
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

/** Shows a loadable list: a loading line, an error with a retry, the words for none, or the list. */
export function LoadedList<T>({
  value,
  empty,
  children,
}: {
  value: Loadable<T[]> & { reload: () => void };
  empty: ReactNode;
  children: (list: T[]) => ReactNode;
}) {
  return <Loaded value={value}>{(list) => (list.length === 0 ? <Empty>{empty}</Empty> : children(list))}</Loaded>;
}

/**
 * A table that scrolls sideways in its own box (a phone), named by `label`: a head row of `columns`,
 * `children`, the body's rows, and `footer`, the foot's (a totals row). Its caption is `caption` when
 * the table shows one, else `label`, which only screen readers hear. A table of `figures` names each
 * row in its first column and right-aligns the numbers in the others.
 */
export function TableFrame({
  label,
  caption,
  testId,
  figures = false,
  columns,
  children,
  footer,
}: {
  label: string;
  caption?: ReactNode;
  testId?: string;
  figures?: boolean;
  columns: readonly ReactNode[];
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table data-testid={testId} className={figures ? 'figures' : undefined}>
        {caption === undefined ? <caption className="visually-hidden">{label}</caption> : <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th scope="col" key={index} className={figures && index > 0 ? 'number' : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer && <tfoot>{footer}</tfoot>}
      </table>
    </div>
  );
}

/** A row of a table of figures: the row's name, then its numbers. */
export function FigureRow({ cells }: { cells: readonly ReactNode[] }) {
  return (
    <tr>
      <th scope="row">{cells[0]}</th>
      {cells.slice(1).map((cell, column) => (
        <td key={column} className="number">
          {cell}
        </td>
      ))}
    </tr>
  );
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

type InputAttributes = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'children'> & {
  ref?: Ref<HTMLInputElement>;
};

/**
 * A Field of one input whose value is text as typed (a name, a number, a date, a time, an e-mail):
 * the label, the input with its own attributes (`name`, `type`, `min`…), and the API's message for it.
 */
export function InputField({
  label,
  hint,
  error,
  value,
  onChange,
  ...input
}: { label: string; hint?: string; error?: string; value: string; onChange: (value: string) => void } & InputAttributes) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(props) => <input {...props} {...input} value={value} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  );
}

type SelectAttributes = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'>;

/**
 * A Field of one select: the label, the select with its own attributes (`name`…) and its options, and
 * the API's message for it. The options are `choices` (a school, a language: each by its id and name),
 * after `none` (the option of no choice, valued ''), then `children` (options of the page's own).
 */
export function SelectField({
  label,
  hint,
  error,
  value,
  onChange,
  none,
  choices = [],
  children,
  ...select
}: {
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  none?: string;
  choices?: readonly { id: string; name: string }[];
} & SelectAttributes) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(props) => (
        <select {...props} {...select} value={value} onChange={(event) => onChange(event.target.value)}>
          {none !== undefined && <option value="">{none}</option>}
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name}
            </option>
          ))}
          {children}
        </select>
      )}
    </Field>
  );
}

/** A select's options from a table of words (each value in the page's words), in the table's order. */
export function WordOptions<T extends string>({ words }: { words: Record<T, MessageKey> }) {
  const { t } = useI18n();
  return (
    <>
      {(Object.keys(words) as T[]).map((option) => (
        <option key={option} value={option}>
          {t(words[option])}
        </option>
      ))}
    </>
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
