import { listValue } from '@duckdb/node-api';
import { DSR_MULTI_VALUE_CELLS, joinMultiValue, resolveRecordLayout, splitDsrRow, splitMultiValue, unescapeValue } from '../../formats/dsr/index.js';
import { quoteLiteral, type Store } from '../../warehouse/index.js';
import { recoverLatin1Lines } from './recover-latin1.js';

/** What the loader read of each file of a batch, by its index `f` in the batch. */
export interface DsrBatchLines {
  /** Physical lines per file (kept, refused and recovered). */
  readonly lines: readonly number[];
  /** Per file, the lines that were not valid UTF-8 and were read as Latin-1. */
  readonly latin1: readonly (readonly number[])[];
}

/**
 * Loads a batch of DSR files into connection-local temp tables with ONE read of DuckDB's CSV reader
 * (gzip natively, per file): one VARCHAR per physical line (no delimiter, quoting and escaping off), so
 * that row order gives the line number and a line with any number of cells is read whole. Every table
 * carries `f`, the file's index in `paths`:
 * - `dsr_t_raw(f, rt, line)`: the upper-case record code and the line, in file order (files in `paths`
 *   order; a file's line number is its row's rowid minus the file's first rowid, plus one);
 * - `dsr_t_numbered(f, line_no, rt, line)`: with line numbers corrected for lines the reader refused (bad UTF-8);
 * - `dsr_t_rejects(f, line_no, error, raw)`: the refused lines (the reader's `file_id` is the index in `paths`),
 *   less the invalid UTF-8 lines re-read as Latin-1;
 * - `dsr_t_fixed(f, line_no, rt, cells)`: the rare lines holding a backslash, split and unescaped in
 *   TypeScript (an escaped TAB must not shift cells);
 * - view `dsr_t_cells(f, line_no, rt, cells)`: every data line as its cells.
 *
 * Must run outside an open transaction: `rowid` is the line order only once `dsr_t_raw` is committed
 * (rows a transaction has not committed yet carry transaction-local row ids).
 */
export async function loadDsrLines(store: Store, paths: readonly string[]): Promise<DsrBatchLines> {
  await dropDsrTemp(store);
  const files = `[${paths.map(quoteLiteral).join(', ')}]`;
  // The record code is cell 1; strpos + slice is cheaper than split_part, which splits the whole line.
  // Row order is the line order: keep insertion order for this one load, then let DuckDB write the
  // split tables in parallel (every later table carries its file and line numbers explicitly).
  await store.run('SET preserve_insertion_order = true');
  await store.run(`CREATE TEMP TABLE dsr_t_raw AS
    SELECT file_index::INTEGER AS f, upper(trim(CASE WHEN contains(line, chr(9)) THEN line[1:strpos(line, chr(9)) - 1] ELSE line END)) AS rt, line
    FROM read_csv(${files}, delim = '', quote = '', escape = '', header = false, auto_detect = false,
      columns = {'line': 'VARCHAR'}, compression = 'auto', ignore_errors = true, store_rejects = true,
      rejects_table = 'dsr_t_reject_errors', rejects_scan = 'dsr_t_reject_scans', max_line_size = 16777216)`);
  await store.run(`CREATE TEMP TABLE dsr_t_rejects AS
    SELECT file_id::INTEGER AS f, line AS line_no, any_value(error_type) AS error, any_value(ltrim(csv_line, chr(10) || chr(13))) AS raw
    FROM dsr_t_reject_errors GROUP BY ALL`);
  await store.run('SET preserve_insertion_order = false');
  const kept = new Map<number, { first: bigint; n: number }>();
  for (const r of await store.all<{ f: number; first: bigint; n: bigint }>('SELECT f, min(rowid) AS first, count(*) AS n FROM dsr_t_raw GROUP BY f')) {
    kept.set(r.f, { first: r.first, n: Number(r.n) });
  }
  const refused = new Map<number, number>();
  for (const r of await store.all<{ f: number; n: bigint }>('SELECT f, count(*) AS n FROM dsr_t_rejects GROUP BY f')) refused.set(r.f, Number(r.n));
  // A file's first rowid, by f (rowids and files are integers, not file content: safe as SQL text).
  const lineNo = paths.length === 1 ? 'rowid + 1' : `rowid - [${paths.map((_, f) => String(kept.get(f)?.first ?? 0n)).join(', ')}][f + 1] + 1`;
  if (refused.size === 0) {
    await store.run(`CREATE TEMP VIEW dsr_t_numbered AS SELECT f, ${lineNo} AS line_no, rt, line FROM dsr_t_raw`);
  } else {
    // The k-th refused line L_k of a file shifts every kept row of it whose kept index j satisfies L_k - k + 1 <= j.
    await store.run(`CREATE TEMP TABLE dsr_t_shift AS
      SELECT f, t, max(k) AS k FROM (SELECT f, line_no - k + 1 AS t, k
        FROM (SELECT f, line_no, row_number() OVER (PARTITION BY f ORDER BY line_no) AS k FROM dsr_t_rejects)) GROUP BY f, t`);
    await store.run(`CREATE TEMP TABLE dsr_t_numbered AS
      SELECT r.f, r.j + coalesce(s.k, 0) AS line_no, r.rt, r.line
      FROM (SELECT f, ${lineNo} AS j, rt, line FROM dsr_t_raw) r ASOF LEFT JOIN dsr_t_shift s ON r.f = s.f AND r.j >= s.t`);
  }
  const latin1: number[][] = paths.map(() => []);
  for (const f of refused.keys()) {
    const path = paths[f];
    if (path !== undefined) latin1[f] = await recoverLatin1Lines(store, path, f);
  }
  await store.run('CREATE TEMP TABLE dsr_t_fixed (f INTEGER, line_no BIGINT, rt VARCHAR, cells VARCHAR[])');
  const escaped = await store.all<{ f: number; line_no: bigint; line: string }>(
    `SELECT f, line_no, line FROM dsr_t_numbered WHERE contains(line, '\\') AND NOT starts_with(line, '#') ORDER BY f, line_no`,
  );
  if (escaped.length > 0) {
    const appender = await store.connection.createAppender('dsr_t_fixed', 'main', 'temp');
    for (const row of escaped) {
      const cells = splitDsrRow(row.line);
      const rt = (cells[0] ?? '').trim().toUpperCase();
      const resolved = resolveRecordLayout(rt);
      const names = resolved.status === 'unknown' ? [] : resolved.layout.cells;
      const canonical = cells.map((cell, i) =>
        DSR_MULTI_VALUE_CELLS.has(names[i] ?? '') ? joinMultiValue(splitMultiValue(cell)) : unescapeValue(cell),
      );
      appender.appendInteger(row.f);
      appender.appendBigInt(row.line_no);
      appender.appendVarchar(rt);
      appender.appendValue(listValue(canonical));
      appender.endRow();
    }
    appender.closeSync();
  }
  await store.run(`CREATE TEMP VIEW dsr_t_cells AS
    SELECT f, line_no, rt, string_split(line, chr(9)) AS cells FROM dsr_t_numbered
    WHERE line IS NOT NULL AND line <> '' AND NOT starts_with(line, '#') AND NOT contains(line, '\\')
    UNION ALL SELECT f, line_no, rt, cells FROM dsr_t_fixed`);
  return { lines: paths.map((_, f) => (kept.get(f)?.n ?? 0) + (refused.get(f) ?? 0)), latin1 };
}

/**
 * Drops the temp tables and views of the last batch loaded on this connection (all named `dsr_t_*`)
 * and restores DuckDB's default insertion-order setting.
 */
export async function dropDsrTemp(store: Store): Promise<void> {
  await store.run('RESET preserve_insertion_order');
  const objects = await store.all<{ name: string; kind: string }>(`SELECT table_name AS name, table_type AS kind
    FROM information_schema.tables WHERE table_catalog = 'temp' AND table_name LIKE 'dsr\\_t\\_%' ESCAPE '\\'
    ORDER BY table_type DESC`);
  // One round trip for all of them.
  const drops = objects.map((o) => `DROP ${o.kind === 'VIEW' ? 'VIEW' : 'TABLE'} IF EXISTS temp."${o.name.replaceAll('"', '""')}";`);
  if (drops.length > 0) await store.run(drops.join('\n'));
}
