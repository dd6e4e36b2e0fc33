import type { SqlStatement, Store } from '../warehouse/index.js';
import type { ListParams } from './schemas.js';

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/**
 * Runs a filtered SELECT as one page: counts the matches, then orders by the requested column
 * (looked up in `sortable`, so only code-written column names reach the SQL) with `tieBreak`
 * last so that pages never overlap, and binds limit and offset.
 */
export async function loadPage<R, T>(
  store: Store,
  base: SqlStatement,
  params: ListParams,
  sortable: Readonly<Record<string, string>>,
  defaultSort: string,
  tieBreak: string,
  map: (row: R) => T,
): Promise<Page<T>> {
  const column = sortable[params.sort ?? defaultSort] ?? sortable[defaultSort];
  const direction = params.order === 'desc' ? 'DESC' : 'ASC';
  const n = base.values.length;
  const count = await store.one<{ n: bigint }>({ text: `SELECT count(*) AS n FROM (${base.text}) q`, values: base.values });
  const rows = await store.all<R>({
    text: `${base.text} ORDER BY ${column} ${direction} NULLS LAST, ${tieBreak} LIMIT $${n + 1} OFFSET $${n + 2}`,
    values: [...base.values, params.limit, params.offset],
  });
  return { items: rows.map(map), total: Number(count?.n ?? 0n), limit: params.limit, offset: params.offset };
}

/**
 * Streams a SELECT as CSV, one bounded page per query: nothing is held in memory but a page, and
 * each page is its own query, so other requests on the shared connection cannot cut the stream.
 */
export async function* readCsvPages(
  store: Store,
  base: SqlStatement,
  orderBy: string,
  columns: readonly string[],
  pageSize = 10_000,
): AsyncGenerator<string> {
  yield `${columns.join(',')}\n`;
  const n = base.values.length;
  for (let offset = 0; ; offset += pageSize) {
    const rows = await store.all<Record<string, unknown>>({
      text: `${base.text} ORDER BY ${orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
      values: [...base.values, pageSize, offset],
    });
    if (rows.length > 0) yield rows.map((row) => columns.map((c) => csvField(row[c])).join(',')).join('\n') + '\n';
    if (rows.length < pageSize) return;
  }
}

function csvField(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) return '';
  else if (value instanceof Date) text = value.toISOString().slice(0, 10);
  else if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') text = value.toString();
  else text = JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
