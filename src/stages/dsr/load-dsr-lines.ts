import { listValue } from '@duckdb/node-api';
import { DSR_MULTI_VALUE_CELLS, joinMultiValue, resolveRecordLayout, splitDsrRow, splitMultiValue, unescapeValue } from '../../formats/dsr/index.js';
import { sql, type Store } from '../../warehouse/index.js';
import { recoverLatin1Lines } from './recover-latin1.js';

/**
 * Loads one DSR file into connection-local temp tables with DuckDB's CSV reader (gzip natively):
 * one VARCHAR per physical line (no delimiter, quoting and escaping off), so that row order gives the
 * line number and a line with any number of cells is read whole. Then:
 * - `dsr_t_raw(rt, line)`: the upper-case record code and the line, in file order (rowid + 1 = line number);
 * - `dsr_t_numbered(line_no, rt, line)`: with line numbers corrected for lines the reader refused (bad UTF-8);
 * - `dsr_t_rejects`: the refused lines (line, error, raw text), less the invalid UTF-8 lines re-read as Latin-1;
 * - `dsr_t_fixed(line_no, rt, cells)`: the rare lines holding a backslash, split and unescaped in
 *   TypeScript (an escaped TAB must not shift cells);
 * - view `dsr_t_cells(line_no, rt, cells)`: every data line as its cells.
 * Returns the number of physical lines.
 *
 * Must run outside an open transaction: `rowid` is the line number only once `dsr_t_raw` is committed
 * (rows a transaction has not committed yet carry transaction-local row ids).
 */
export async function loadDsrLines(store: Store, path: string): Promise<{ lines: number; rejected: number; latin1: number[] }> {
  await dropDsrTemp(store);
  // The record code is cell 1; strpos + slice is cheaper than split_part, which splits the whole line.
  // Row order is the line number: keep insertion order for this one load, then let DuckDB write the
  // split tables in parallel (every later table carries its line numbers explicitly).
  await store.run('SET preserve_insertion_order = true');
  await store.run(sql`CREATE TEMP TABLE dsr_t_raw AS
    SELECT upper(trim(CASE WHEN contains(line, chr(9)) THEN line[1:strpos(line, chr(9)) - 1] ELSE line END)) AS rt, line
    FROM read_csv(${path}, delim = '', quote = '', escape = '', header = false, auto_detect = false,
      columns = {'line': 'VARCHAR'}, compression = 'auto', ignore_errors = true, store_rejects = true,
      rejects_table = 'dsr_t_reject_errors', rejects_scan = 'dsr_t_reject_scans', max_line_size = 16777216)`);
  await store.run(`CREATE TEMP TABLE dsr_t_rejects AS
    SELECT line AS line_no, any_value(error_type) AS error, any_value(ltrim(csv_line, chr(10) || chr(13))) AS raw
    FROM dsr_t_reject_errors GROUP BY line`);
  await store.run('SET preserve_insertion_order = false');
  const rejected = Number((await store.one<{ n: bigint }>('SELECT count(*) AS n FROM dsr_t_rejects'))?.n ?? 0n);
  if (rejected === 0) {
    await store.run('CREATE TEMP VIEW dsr_t_numbered AS SELECT rowid + 1 AS line_no, rt, line FROM dsr_t_raw');
  } else {
    // The k-th refused line L_k shifts every kept row whose kept index j satisfies L_k - k + 1 <= j.
    await store.run(`CREATE TEMP TABLE dsr_t_shift AS
      SELECT t, max(k) AS k FROM (SELECT line_no - k + 1 AS t, k FROM (SELECT line_no, row_number() OVER (ORDER BY line_no) AS k FROM dsr_t_rejects)) GROUP BY t`);
    await store.run(`CREATE TEMP TABLE dsr_t_numbered AS
      SELECT r.j + coalesce(s.k, 0) AS line_no, r.rt, r.line
      FROM (SELECT rowid + 1 AS j, rt, line FROM dsr_t_raw) r ASOF LEFT JOIN dsr_t_shift s ON r.j >= s.t`);
  }
  const latin1 = rejected === 0 ? [] : await recoverLatin1Lines(store, path);
  const kept = Number((await store.one<{ n: bigint }>('SELECT count(*) AS n FROM dsr_t_raw'))?.n ?? 0n);
  await store.run('CREATE TEMP TABLE dsr_t_fixed (line_no BIGINT, rt VARCHAR, cells VARCHAR[])');
  const escaped = await store.all<{ line_no: bigint; line: string }>(
    `SELECT line_no, line FROM dsr_t_numbered WHERE contains(line, '\\') AND NOT starts_with(line, '#') ORDER BY line_no`,
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
      appender.appendBigInt(row.line_no);
      appender.appendVarchar(rt);
      appender.appendValue(listValue(canonical));
      appender.endRow();
    }
    appender.closeSync();
  }
  await store.run(`CREATE TEMP VIEW dsr_t_cells AS
    SELECT line_no, rt, string_split(line, chr(9)) AS cells FROM dsr_t_numbered
    WHERE line IS NOT NULL AND line <> '' AND NOT starts_with(line, '#') AND NOT contains(line, '\\')
    UNION ALL SELECT line_no, rt, cells FROM dsr_t_fixed`);
  return { lines: kept + rejected, rejected: rejected - latin1.length, latin1 };
}

/**
 * Drops the temp tables and views of the last file loaded on this connection (all named `dsr_t_*`)
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
