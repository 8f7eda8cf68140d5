import { useId, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { Empty, Loaded, type Loadable } from '../../ui';

export interface Column {
  label: string;
  value: number | null;
  /** Shown instead of the bare number (and in the table). */
  valueText: string;
}

/**
 * A column chart as SVG (one column per week, say): every column carries its value as text above it,
 * so that nothing is told by colour or height alone, and a table of the same numbers can be opened
 * beneath it for screen readers and anyone who prefers figures.
 */
export function ColumnChart({
  title,
  columns,
  max,
  columnHeading,
  valueHeading,
}: {
  title: string;
  columns: Column[];
  max: number;
  columnHeading: string;
  valueHeading: string;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const width = 340;
  const height = 180;
  const base = height - 36;
  const slot = (width - 8) / Math.max(1, columns.length);
  const barWidth = Math.min(36, slot - 6);
  // Many narrow columns: smaller values and every other label, so that no text overlaps (the table has them all).
  const crowded = slot < 34;
  const y = (value: number) => base - (Math.min(value, max) / Math.max(1, max)) * (base - 22);
  return (
    <figure className="chart">
      <figcaption id={titleId}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} preserveAspectRatio="xMinYMin meet">
        <line x1={4} x2={width - 4} y1={base} y2={base} className="chart-axis" />
        {columns.map((column, index) => {
          const x = 4 + index * slot + (slot - barWidth) / 2;
          const top = column.value === null ? base : y(column.value);
          return (
            <g key={`${column.label}-${index}`}>
              {column.value !== null && <rect x={x} y={top} width={barWidth} height={Math.max(1, base - top)} className="bar" />}
              <text
                x={x + barWidth / 2}
                y={top - 4}
                textAnchor="middle"
                className={crowded ? 'chart-value chart-tiny' : 'chart-value chart-small'}
              >
                {column.valueText}
              </text>
              {(!crowded || index % 2 === 0) && (
                <text x={x + barWidth / 2} y={base + 16} textAnchor="middle" className="chart-label chart-small">
                  {column.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{t('head.showTable')}</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{columnHeading}</th>
              <th scope="col">{valueHeading}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column, index) => (
              <tr key={`${column.label}-${index}`}>
                <th scope="row">{column.label}</th>
                <td>{column.valueText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** One dashboard panel: its heading and its own loading, error (with retry), empty and ready states. */
export function ChartPanel<T>({
  title,
  value,
  isEmpty,
  emptyText,
  testId,
  children,
}: {
  title: string;
  value: Loadable<T> & { reload: () => void };
  isEmpty: (data: T) => boolean;
  emptyText: string;
  testId: string;
  children: (data: T) => ReactNode;
}) {
  return (
    <div className="panel" data-testid={testId}>
      <h3>{title}</h3>
      <Loaded value={value}>{(data) => (isEmpty(data) ? <Empty>{emptyText}</Empty> : children(data))}</Loaded>
    </div>
  );
}

/** A headline number with what it counts, in words. */
export function Figure({ value, children, testId }: { value: number | string; children: ReactNode; testId: string }) {
  return (
    <p className="figure">
      <span className="figure-number" data-testid={testId}>
        {value}
      </span>{' '}
      {children}
    </p>
  );
}
