import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n.js';
import { formatMoney } from '../lib/money.js';
import type { Loaded } from '../lib/use-api.js';

/** An amount of money (micro-unit string), exact value in the tooltip. */
export function Money({ value }: { value: string }) {
  const { locale } = useI18n();
  return (
    <span className="money" title={`${value} µ`}>
      {formatMoney(value, locale)}
    </span>
  );
}

/** Renders a loaded value, or says it is loading or why it failed. */
export function Show<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (loaded.state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (loaded.state === 'error')
    return (
      <p role="alert" className="error">
        {t('common.error', { reason: loaded.error.message })}
      </p>
    );
  return <>{children(loaded.data)}</>;
}

export interface Column<T> {
  readonly header: string;
  readonly cell: (row: T, index: number) => ReactNode;
  readonly numeric?: boolean;
}

/** A table with a caption; numbers right-aligned. */
export function DataTable<T>({
  caption,
  rows,
  columns,
  rowKey,
  foot,
}: {
  caption: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T, index: number) => string;
  foot?: ReactNode;
}) {
  const { t } = useI18n();
  if (rows.length === 0) return <p className="empty">{t('common.none')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)}>
              {columns.map((c) => (
                <td key={c.header} className={c.numeric ? 'num' : undefined}>
                  {c.cell(row, i)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {foot}
      </table>
    </div>
  );
}

/** A horizontal bar chart in plain SVG with the values written out (readable without the bars). */
export function BarChart({
  title,
  data,
  format,
}: {
  title: string;
  data: readonly { label: string; value: bigint }[];
  format: (v: bigint) => string;
}) {
  const max = data.reduce((m, d) => (d.value > m ? d.value : m), 0n);
  const rowH = 28;
  const width = 520;
  const labelW = 150;
  const valueW = 110;
  const barMax = width - labelW - valueW;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        role="img"
        aria-label={title}
        width="100%"
        viewBox={`0 0 ${width} ${Math.max(rowH, data.length * rowH)}`}
      >
        {data.map((d, i) => {
          // Scaling for the picture only: the figure beside the bar is exact.
          const w = max === 0n ? 0 : (Number((d.value * 1000n) / max) / 1000) * barMax;
          return (
            <g key={d.label} transform={`translate(0, ${i * rowH})`}>
              <text x={0} y={rowH / 2 + 5} className="chart-label">
                {d.label.length > 20 ? `${d.label.slice(0, 19)}…` : d.label}
              </text>
              <rect x={labelW} y={5} width={Math.max(w, 1)} height={rowH - 10} rx={3} className="chart-bar" />
              <text x={width} y={rowH / 2 + 5} textAnchor="end" className="chart-value">
                {format(d.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
