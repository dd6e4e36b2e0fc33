import type { DuckDBValue } from '@duckdb/node-api';
import { quoteLiteral, type Store } from '../../warehouse/index.js';

/**
 * The claim files (CDM, CCID-style) written straight from DuckDB: each claim line's record is built in
 * SQL and the file written by `COPY ... TO` (one text column, no quoting), so a large quarter's lines
 * never become JavaScript objects. The header, summary (CS01) and trailer records are few: they are
 * formatted in TypeScript by the formats' own row writers and staged in `claim_file_rows`.
 *
 * The records must be byte-identical to `formatCdm`/`formatCcid` of `buildClaimDocuments` (the
 * specification): the cell macros below are the SQL twins of `escapeDsrValue`, `formatMicros`,
 * `formatAmountCell` and `formatPercentCell`, property-tested against them (claim-files-sql.test.ts),
 * and the whole files are compared with the TypeScript path in claim-lines-sql.test.ts.
 */

/**
 * The cell macros: `claim_esc` (DDEX flat-file escapes, null as empty), `claim_micros` (6 decimals),
 * `claim_amount` (CDM amount: 2 to 6 decimals), `claim_percent` (hundredths as DDEX percent text) and
 * `claim_blended` (millionths of a percent, trailing zeros dropped).
 */
export async function createClaimCellMacros(store: Store): Promise<void> {
  // escapeDsrValue: `\` → `\\\\`, `|` → `\\|`, TAB → `\`+TAB, runs of CR/LF → one space. Most values
  // have none of these: five `contains` are much cheaper than the replacements.
  await store.run(String.raw`CREATE OR REPLACE TEMP MACRO claim_esc(v) AS CASE
    WHEN v IS NULL THEN ''
    WHEN contains(v, '\') OR contains(v, '|') OR contains(v, chr(9)) OR contains(v, chr(10)) OR contains(v, chr(13))
      THEN regexp_replace(replace(replace(replace(v, '\', '\\\\'), '|', '\\|'), chr(9), '\' || chr(9)), '[\r\n]+', ' ', 'g')
    ELSE v END`);
  // Exact decimal text of micro-units: DECIMAL arithmetic prints exactly 6 decimals, and is much
  // faster than HUGEINT division (|v| < 10^38).
  await store.run(`CREATE OR REPLACE TEMP MACRO claim_micros(v) AS
    (v::DECIMAL(38, 0) * 0.000001::DECIMAL(38, 6))::VARCHAR`);
  // formatAmountCell: the 6-decimal text with up to 4 trailing zeros removed.
  await store.run(`CREATE OR REPLACE TEMP MACRO claim_trim_amount(s) AS CASE
    WHEN suffix(s, '0000') THEN left(s, length(s) - 4)
    WHEN suffix(s, '000') THEN left(s, length(s) - 3)
    WHEN suffix(s, '00') THEN left(s, length(s) - 2)
    WHEN suffix(s, '0') THEN left(s, length(s) - 1)
    ELSE s END`);
  await store.run(`CREATE OR REPLACE TEMP MACRO claim_amount(v) AS claim_trim_amount(claim_micros(v))`);
  await store.run(`CREATE OR REPLACE TEMP MACRO claim_percent(h) AS CASE
    WHEN h % 100 = 0 THEN (h // 100)::VARCHAR
    ELSE (h // 100)::VARCHAR || '.' || rtrim(lpad((h % 100)::VARCHAR, 2, '0'), '0') END`);
  await store.run(`CREATE OR REPLACE TEMP MACRO claim_blended(x) AS rtrim(rtrim(claim_micros(x), '0'), '.')`);
}

/**
 * `claim_rdoc`: what both files show of each summary × resource with claim lines, escaped once:
 * the DSP's resource id, ISRC, title, artist and transaction, the work's id, ISWC and title, and its
 * writers as a multi-value cell (distinct names in JavaScript's default sort order, UTF-16 code units:
 * a character above U+FFFF sorts before U+E000–U+FFFF, as `[...names].sort()` does).
 */
export async function stageClaimResourceCells(store: Store): Promise<void> {
  await store.run(String.raw`CREATE OR REPLACE TEMP TABLE claim_rdoc AS
    WITH r AS (
      SELECT * FROM claim_res WHERE res IN (SELECT res FROM claim_cd)),
    rr AS (
      SELECT r.res, min(x.isrc) AS isrc, min(x.title) AS title, min(x.display_artist) AS display_artist
      FROM r JOIN report_resources x USING (report_id, block_id, resource_ref) GROUP BY r.res),
    names AS (
      SELECT DISTINCT ws.work_id, p.name FROM work_shares ws JOIN parties p USING (party_id)
      WHERE p.kind = 'writer' AND p.name IS NOT NULL AND ws.work_id IN (SELECT work_id FROM r)),
    wr AS (
      SELECT work_id, string_agg(claim_esc(name), '|' ORDER BY ${jsSortOrder('name')}) AS writers
      FROM names GROUP BY work_id)
    SELECT c.rep, r.res, claim_esc(r.dsp_resource_id) AS dsp, claim_esc(rr.isrc) AS isrc, claim_esc(rr.title) AS title,
      claim_esc(rr.display_artist) AS artist, claim_esc(r.transaction_id) AS tx, r.usages::VARCHAR AS usages,
      claim_esc(r.work_id) AS work, claim_esc(w.iswc) AS iswc, claim_esc(w.title) AS work_title,
      coalesce(wr.writers, '') AS writers
    FROM r JOIN claim_ctx c USING (report_id, summary_id) LEFT JOIN rr USING (res)
      LEFT JOIN works w ON w.work_id = r.work_id LEFT JOIN wr ON wr.work_id = r.work_id
    ORDER BY r.res`);
}

/**
 * An ORDER BY list that sorts text as JavaScript's default sort does (UTF-16 code units): DuckDB
 * compares UTF-8 bytes (code points), where U+E000–U+FFFF sort before the characters above U+FFFF;
 * prefixing each of them with U+10FFFF puts them after, as their UTF-16 code units do.
 */
export function jsSortOrder(column: string): string {
  return String.raw`regexp_replace(${column}, '([\x{E000}-\x{FFFF}])', chr(1114111) || '\1', 'g'), ${column}`;
}

/** A header, summary or trailer record of one report's file, formatted in TypeScript, with its place. */
export interface StagedFileRow {
  readonly rep: number;
  readonly file: 'cdm' | 'ccid';
  /** Sort keys within the file: CDM (group, licensor, seq), CCID (ord); lines from SQL sort between. */
  readonly keys: readonly [bigint, bigint, bigint];
  readonly line: string;
}

/** Stages the TypeScript-formatted records of every report's files (`claim_file_rows`). */
export async function stageClaimFileRows(store: Store, rows: readonly StagedFileRow[]): Promise<void> {
  await store.run(`CREATE OR REPLACE TEMP TABLE claim_file_rows (rep INTEGER, file VARCHAR, k1 BIGINT, k2 BIGINT,
    k3 BIGINT, line VARCHAR)`);
  await insertRows(
    store,
    'claim_file_rows',
    rows.map((r) => [r.rep, r.file, ...r.keys, r.line]),
  );
}

const TAB = 'chr(9)';
const cells = (...xs: string[]) => `concat(${xs.join(`, ${TAB}, `)})`;
// One text column, never quoted nor escaped: the records are written as they are, each ending with LF.
const COPY_TEXT = `(FORMAT csv, HEADER false, QUOTE '', ESCAPE '')`;

/**
 * Writes report `rep`'s CDM file: its CDMH/CS01/SRFO records from `claim_file_rows` (keys: CS01 of
 * summary `ctx` × licensor at (ctx, lic_ord, 0)) and one CD01 per `claim_cd` row at (ctx, lic_ord, seq).
 */
export async function copyCdmFile(store: Store, rep: number, path: string): Promise<void> {
  const cd01 = cells(
    `'CD01.01'`,
    `rr.report_cell || ':C' || printf('%06d', d.seq)`,
    `c.summary_cell || i.licensor_suffix_cell`,
    'r.dsp',
    'r.isrc',
    'r.title',
    'r.artist',
    `''`,
    'r.work',
    'r.iswc',
    'r.work_title',
    `''`,
    'r.writers',
    `''`,
    `''`,
    'claim_percent(d.share_m)',
    'claim_percent(d.share_p)',
    'claim_blended(d.share_m::BIGINT * c.split_m + d.share_p::BIGINT * c.split_p)',
    'r.tx',
    'r.usages',
    `'100'`,
    'claim_amount(d.resource_value)',
    'claim_amount(d.resource_value)',
    'claim_amount(d.claimed_m)',
    'claim_amount(d.claimed_p)',
    `'FeeBasis|Fee|TotalUsages|HeldOverclaim'`,
    `c.tariff_cell_prefix || claim_micros(d.held)`,
    'claim_amount(d.claimed_m + d.claimed_p)',
  );
  await store.run(`COPY (
    SELECT line FROM (
      SELECT k1, k2, k3, line FROM claim_file_rows WHERE rep = ${rep} AND file = 'cdm'
      UNION ALL
      SELECT d.ctx, d.lic_ord, d.seq, ${cd01}
      FROM claim_cd d JOIN claim_rdoc r USING (rep, res) JOIN claim_ctx c USING (rep, ctx)
        JOIN claim_inv i USING (rep, lic_ord) JOIN claim_run_reports rr USING (rep)
      WHERE d.rep = ${rep} AND r.rep = ${rep})
    ORDER BY k1, k2, k3) TO ${quoteLiteral(path)} ${COPY_TEXT}`);
}

/** Writes report `rep`'s CCID-style file: HDR/TRL from `claim_file_rows`, one ID record per claim line in `ord` order. */
export async function copyCcidFile(store: Store, rep: number, path: string): Promise<void> {
  const id = cells(
    `'ID'`,
    `rr.report_cell || ':C' || printf('%06d', l.seq) || CASE l.right_ord WHEN 0 THEN ':P' ELSE ':M' END`,
    'i.invoice_cell',
    'i.licensor_cell',
    'i.rights_controller_cell',
    'c.summary_cell',
    'r.dsp',
    'r.isrc',
    'r.work',
    'r.iswc',
    'r.work_title',
    'l.right_type',
    'r.usages',
    'claim_micros(l.work_value)',
    'l.share_claimed::VARCHAR',
    'claim_micros(l.claimed_amount)',
    'claim_micros(l.held_overclaim)',
  );
  await store.run(`COPY (
    SELECT line FROM (
      SELECT k1, line FROM claim_file_rows WHERE rep = ${rep} AND file = 'ccid'
      UNION ALL
      SELECT l.ord, ${id}
      FROM claim_line l JOIN claim_rdoc r USING (rep, res) JOIN claim_ctx c USING (rep, ctx)
        JOIN claim_inv i USING (rep, lic_ord) JOIN claim_run_reports rr USING (rep)
      WHERE l.rep = ${rep} AND r.rep = ${rep})
    ORDER BY k1) TO ${quoteLiteral(path)} ${COPY_TEXT}`);
}

/** Inserts small row sets as parameterised multi-row VALUES, 256 rows a statement (values are never spliced). */
export async function insertRows(
  store: Store,
  table: string,
  rows: readonly (readonly DuckDBValue[])[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 256) {
    const batch = rows.slice(i, i + 256);
    const values: DuckDBValue[] = [];
    const tuples = batch.map((row) => `(${row.map((v) => `$${values.push(v)}`).join(', ')})`);
    await store.run({ text: `INSERT INTO ${table} VALUES ${tuples.join(', ')}`, values });
  }
}
