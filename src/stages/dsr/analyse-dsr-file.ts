import { basename } from 'node:path';
import { listValue } from '@duckdb/node-api';
import { type Micros } from '../../domain/index.js';
import {
  layoutFromHeaderRow,
  notificationPeriod,
  parseDsrFileName,
  parseDsrFooter,
  parseDsrHeader,
  resolveRecordLayout,
  splitDsrRow,
  splitRecordCode,
  type DsrFileName,
  type DsrFooter,
  type DsrHeader,
  type DsrRecordLayout,
} from '../../formats/dsr/index.js';
import type { Store } from '../../warehouse/index.js';
import { createDsrIssues, type DsrIssues } from './dsr-issue.js';
import { extractDsrBody } from './extract-dsr-body.js';
import { checkHeaderParties, checkReleaseIcpns } from './identifier-checks.js';
import { loadDsrLines } from './load-dsr-lines.js';
import { readFileStart } from './read-file-start.js';
import { isCheckedSummary, parseDsrSummary, type DsrSummary } from './summaries.js';
import { settleUgcUsage, ugcRevenue, ugcRevenueRows } from './ugc-usage.js';
import { usageDateBounds } from './write-analysis.js';

/** What one DSR file holds and what is wrong with it; the split records stay in the `dsr_t_*` temp tables. */
export interface DsrFileAnalysis {
  readonly file: string;
  /** The file's index `f` in the temp tables of the batch it was read with; null when it was refused before the read. */
  readonly batchIndex: number | null;
  /** Why the file is not a DSR at all (refused whole), or null. */
  readonly rejected: string | null;
  readonly header: DsrHeader | null;
  readonly fileName: DsrFileName | null;
  readonly reportId: string | null;
  readonly part: { readonly x: number; readonly y: number } | null;
  readonly period: string | null;
  readonly territory: string | null;
  /** Physical lines, comments and empty lines included. */
  readonly lines: number;
  /** Data records per upper-case record code (comment rows not counted). */
  readonly counts: Record<string, number>;
  readonly summaries: readonly DsrSummary[];
  readonly footer: DsrFooter | null;
  readonly blocks: number;
  /** Σ usage counts of the usage lines kept. */
  readonly usages: bigint;
  readonly usageLines: number;
  /** Σ usages of the kept lines per SummaryRecordId. */
  readonly usagesBySummary: ReadonlyMap<string, bigint>;
  /** Σ summary NetRevenue per currency, micro-units. */
  readonly revenue: ReadonlyMap<string, Micros>;
  readonly quarantined: number;
  readonly issues: DsrIssues;
}

/** A record code such as `SR02` or `SU02.02` (known or not: `#SR02` header rows name cells the tables lack). */
const RECORD_CODE = /^[A-Z]{2}[A-Z0-9]{2}(\.\d{1,2})?$/;
const DATA_LINE = `line IS NOT NULL AND line <> '' AND NOT starts_with(line, '#')`;

function rejectedAnalysis(file: string, reason: string, issues: DsrIssues): DsrFileAnalysis {
  issues.error('DSR_NOT_A_DSR', reason);
  issues.finish();
  return {
    file, batchIndex: null, rejected: reason, header: null, fileName: null, reportId: null, part: null, period: null, territory: null, lines: 0,
    counts: {}, summaries: [], footer: null, blocks: 0, usages: 0n, usageLines: 0, usagesBySummary: new Map(), revenue: new Map(),
    quarantined: 0, issues,
  };
}

/** A file whose HEAD was read: it takes part in the batch's bulk read as file `f`. */
interface BatchFile {
  readonly file: string;
  readonly f: number;
  readonly header: DsrHeader;
  readonly fileName: DsrFileName | null;
  readonly issues: DsrIssues;
  counts: Record<string, number>;
  commentLines: number;
  emptyLines: number;
  lastRecord: bigint | null;
  hasEmpty: boolean;
  layouts: Map<string, DsrRecordLayout>;
  footer: DsrFooter | null;
  summaries: DsrSummary[];
  blocks: number;
}

/**
 * Reads and checks one DSR file on `store`'s connection (temp tables only: nothing is written to the
 * warehouse); {@link analyseDsrFiles} for one file. Its split records stay in the `dsr_t_*` temp tables as file 0.
 */
export async function analyseDsrFile(store: Store, file: string): Promise<DsrFileAnalysis> {
  const [a] = await analyseDsrFiles(store, [file]);
  if (!a) throw new Error('analyseDsrFiles returned no analysis');
  return a;
}

/** The header checks of one file, in TypeScript (its first 256 KiB): a refusal, or the file ready for the bulk read. */
async function readHead(file: string): Promise<DsrFileAnalysis | { header: DsrHeader; fileName: DsrFileName | null; issues: DsrIssues }> {
  const issues = createDsrIssues();
  let start: { text: string };
  try {
    start = await readFileStart(file);
  } catch (cause) {
    return rejectedAnalysis(file, `cannot read the file: ${(cause as Error).message}`, issues);
  }
  if (start.text.includes('\u0000')) return rejectedAnalysis(file, 'binary content: not a tab-separated DSR text file', issues);
  const firstLine = start.text.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#'));
  if (firstLine === undefined) return rejectedAnalysis(file, 'no record found: the file is empty or holds only comments', issues);
  const parsedHead = parseDsrHeader(splitDsrRow(firstLine));
  if (!parsedHead.header) return rejectedAnalysis(file, `not a DSR: ${parsedHead.errors.join('; ')}`, issues);
  const header = parsedHead.header;
  for (const w of parsedHead.warnings) issues.warning('DSR_HEADER', w, 1);

  const { name: fileName, problems } = parseDsrFileName(basename(file));
  for (const p of problems) issues.warning('DSR_FILE_NAME', p);
  if (fileName) checkNameAgainstHeader(fileName, header, issues);
  checkHeaderParties(header, issues);
  return { header, fileName, issues };
}

/**
 * Reads and checks a batch of DSR files on `store`'s connection (temp tables only: nothing is written
 * to the warehouse). The headers and file names are read in TypeScript, file by file; the bodies of
 * every readable file are read by ONE bulk read and split and checked by record type in DuckDB, one
 * statement per check for the whole batch (issue lists capped per file). Per-line problems land in
 * `dsr_t_quarantine`; a file that is not a DSR is `rejected`. Each analysis's `batchIndex` is its file
 * `f` in the temp tables (the writer reads its rows by it). The results are in `files` order and the
 * same as analysing each file alone.
 */
export async function analyseDsrFiles(store: Store, files: readonly string[]): Promise<DsrFileAnalysis[]> {
  const results: (DsrFileAnalysis | undefined)[] = files.map(() => undefined);
  const batch: (BatchFile & { index: number })[] = [];
  for (const [index, file] of files.entries()) {
    const head = await readHead(file);
    if ('rejected' in head) {
      results[index] = head;
      continue;
    }
    batch.push({
      ...head, file, index, f: batch.length, counts: {}, commentLines: 0, emptyLines: 0, lastRecord: null, hasEmpty: false,
      layouts: new Map(), footer: null, summaries: [], blocks: 0,
    });
  }
  if (batch.length === 0) return results.map((r) => r ?? unreachable());
  const issuesOf = (f: number): DsrIssues => batch[f]?.issues ?? unreachable();
  const inFiles = (fs: readonly number[]) => (fs.length === batch.length ? '' : ` AND f IN (${fs.map((f) => String(f)).join(', ')})`);

  const { lines, latin1 } = await loadDsrLines(store, batch.map((b) => b.file));
  for (const b of batch) {
    const recovered = latin1[b.f] ?? [];
    for (const n of recovered.slice(0, 50)) b.issues.warning('DSR_ENCODING', 'line is not valid UTF-8: read as Latin-1', n);
    if (recovered.length > 50) b.issues.warning('DSR_ENCODING', `${recovered.length - 50} more lines read as Latin-1 (${recovered.length} in all)`);
  }
  const quarantine = async (where: string, code: string, reason: string, values: unknown[] = []) =>
    store.run({ text: `INSERT INTO dsr_t_quarantine SELECT f, line_no, rt, '${code}', ${reason} FROM dsr_t_numbered WHERE ${where}`, values: values as never[] });
  await store.run('CREATE TEMP TABLE dsr_t_quarantine (f INTEGER, line_no BIGINT, record_type VARCHAR, code VARCHAR, reason VARCHAR)');
  await store.run(`INSERT INTO dsr_t_quarantine SELECT f, line_no, NULL, 'DSR_UNREADABLE_LINE', 'the reader refused the line: ' || error FROM dsr_t_rejects`);
  // Record codes present per file (one scan), and the layouts that read them: `#` header rows win over the tables.
  const rows = await store.all<{ f: number; rt: string | null; n: bigint; last: bigint }>(
    'SELECT f, rt, count(*) AS n, max(line_no) AS last FROM dsr_t_numbered GROUP BY f, rt ORDER BY f, rt',
  );
  for (const r of rows) {
    const b = batch[r.f];
    if (!b) continue;
    if (r.rt && !r.rt.startsWith('#')) {
      b.counts[r.rt] = Number(r.n);
      if (b.lastRecord === null || r.last > b.lastRecord) b.lastRecord = r.last;
    } else if (r.rt) b.commentLines += Number(r.n);
    else b.hasEmpty = true;
  }
  const withEmpty = batch.filter((b) => b.hasEmpty).map((b) => b.f);
  if (withEmpty.length > 0) {
    // An empty line holds nothing to lose: a warning (real files end with one), not a quarantined line.
    const blank = `(rt IS NULL OR rt = '') AND (line IS NULL OR trim(line, chr(13) || ' ') = '')`;
    const empty = await store.all<{ f: number; line_no: bigint; n: bigint }>(`SELECT f, line_no, count(*) OVER (PARTITION BY f) AS n
      FROM dsr_t_numbered WHERE ${blank}${inFiles(withEmpty)} QUALIFY row_number() OVER (PARTITION BY f ORDER BY line_no) <= 51 ORDER BY f, line_no`);
    for (const e of empty) {
      const b = batch[e.f];
      if (!b) continue;
      b.emptyLines = Number(e.n);
      b.issues.warning('DSR_EMPTY_LINE', 'empty line (empty records are not allowed): ignored', Number(e.line_no));
    }
    await quarantine(`(rt IS NULL OR rt = '') AND NOT (${blank})${inFiles(withEmpty)}`, 'DSR_BAD_LINE', `'no record type in cell 1'`);
  }
  const headerRows = await readHeaderRows(store);
  const unknown = new Map<string, number[]>();
  for (const b of batch) {
    const names0 = headerRows.get(b.f);
    for (const rt of Object.keys(b.counts)) {
      const resolved = resolveRecordLayout(rt);
      const names = names0?.get(rt);
      if (resolved.status === 'unknown' && rt.startsWith('SY')) {
        // Every summary record starts with its SummaryRecordId: keep the sales context known to the usage lines.
        const type = splitRecordCode(rt);
        const base: DsrRecordLayout = { ...type, kind: 'summary', cells: ['RecordType', 'SummaryRecordId'] };
        if (!names) b.issues.warning('DSR_UNKNOWN_RECORD', `summary record type "${rt}" is not known: only its SummaryRecordId is read`);
        b.layouts.set(rt, names ? layoutFromHeaderRow(base, names) : base);
        continue;
      }
      if (resolved.status === 'unknown' && /^SR0[1-8]$/.test(splitRecordCode(rt).type) && names) {
        // SRB rows: their cells are not in the sources; the file's # header row names them.
        b.layouts.set(rt, layoutFromHeaderRow({ ...splitRecordCode(rt), kind: 'srb-sale', cells: ['RecordType'] }, names));
        continue;
      }
      if (resolved.status === 'unknown') {
        b.issues.warning('DSR_UNKNOWN_RECORD', `record type "${rt}" is not known: its ${b.counts[rt]} line(s) are skipped and kept in quarantine`);
        unknown.set(rt, [...(unknown.get(rt) ?? []), b.f]);
        continue;
      }
      if (resolved.status === 'nearest') {
        b.issues.warning('DSR_RECORD_VERSION', `record version ${rt} is not in the layout tables: read with the ${resolved.layout.type}.${resolved.layout.version === '00' ? '' : resolved.layout.version} layout`);
      }
      if (!names && resolved.layout.kind === 'summary' && resolved.layout.cells.length <= 2) {
        b.issues.warning('DSR_PARTIAL_LAYOUT', `${rt}: the cell layout is not known and no # header row names it: only its SummaryRecordId is read`);
      }
      b.layouts.set(rt, names ? layoutFromHeaderRow(resolved.layout, names) : resolved.layout);
    }
  }
  for (const [rt, fs] of unknown) {
    await quarantine(`rt = $1${inFiles(fs)}`, 'DSR_UNKNOWN_RECORD', `'unknown record type (DSR Part 1 Unknown Records): skipped'`, [rt]);
  }

  await checkHeadAndFoot(store, batch);
  await readSummaries(store, batch);
  // One split statement per record code and layout (files naming their cells alike share it).
  const groups = new Map<string, { rt: string; layout: DsrRecordLayout; fs: number[] }>();
  for (const b of batch) {
    for (const [rt, layout] of b.layouts) {
      if (layout.kind === 'head' || layout.kind === 'foot' || layout.kind === 'summary') continue;
      const key = `${rt}\u0000${JSON.stringify(layout)}`;
      const group = groups.get(key) ?? { rt, layout, fs: [] };
      group.fs.push(b.f);
      groups.set(key, group);
    }
  }
  await extractDsrBody(store, [...groups.values()].map((g) => ({ ...g, fs: g.fs.length === batch.length ? null : g.fs })));
  const hasSu03 = (b: BatchFile) => [...b.layouts.values()].some((l) => l.kind === 'ugc-usage');
  await settleUgcUsage(store, batch.some(hasSu03), issuesOf);
  await checkReleaseIcpns(store, issuesOf);
  const rounded = await store.all<{ f: number; line_no: bigint; cell: string; value: string }>(`SELECT f, line_no, cell, value FROM dsr_t_rounded
    QUALIFY row_number() OVER (PARTITION BY f ORDER BY line_no) <= 51 ORDER BY f, line_no`);
  for (const r of rounded) issuesOf(r.f).warning('DSR_AMOUNT_ROUNDED', `${r.cell} "${r.value}" has more than 6 decimals: rounded to the micro-unit`, Number(r.line_no));
  await store.run(`INSERT INTO dsr_t_quarantine SELECT f, line_no, 'AS', 'DSR_BAD_LINE', 'resource has no BlockId or ResourceReference'
    FROM dsr_t_resources WHERE block_id IS NULL OR resource_ref IS NULL`);
  await checkBlocks(store, batch);
  const usage = await checkUsageLines(store, batch);

  const quarantinedRows = await store.all<{ f: number; line_no: bigint; code: string; reason: string }>(
    `SELECT f, line_no, code, reason FROM dsr_t_quarantine WHERE code <> 'DSR_UNKNOWN_RECORD'
      QUALIFY row_number() OVER (PARTITION BY f ORDER BY line_no) <= 200 ORDER BY f, line_no`,
  );
  const listed = new Map<number, number>();
  for (const q of quarantinedRows) {
    issuesOf(q.f).error(q.code, `line quarantined: ${q.reason}`, Number(q.line_no));
    listed.set(q.f, (listed.get(q.f) ?? 0) + 1);
  }
  const quarantined = new Map<number, { all: number; known: number }>();
  for (const q of await store.all<{ f: number; all: bigint; known: bigint }>(`SELECT f, count(DISTINCT line_no) AS all,
      count(DISTINCT line_no) FILTER (WHERE code <> 'DSR_UNKNOWN_RECORD') AS known FROM dsr_t_quarantine GROUP BY f`)) {
    quarantined.set(q.f, { all: Number(q.all), known: Number(q.known) });
  }
  const ugc = batch.some(hasSu03) ? await ugcRevenueRows(store) : new Map<number, never[]>();

  for (const b of batch) {
    const { header, fileName, issues, summaries } = b;
    const qTotal = quarantined.get(b.f)?.known ?? 0;
    const qListed = listed.get(b.f) ?? 0;
    if (qTotal > qListed) issues.error('DSR_QUARANTINED', `${qTotal - qListed} more quarantined lines not listed (${qTotal} in all)`);
    const fileLines = lines[b.f] ?? 0;
    if (b.footer) {
      checkFooter(b.footer, { lines: fileLines, commentLines: b.commentLines, emptyLines: b.emptyLines, summaries: summaries.length, blocks: b.blocks, single: header.numberOfFiles === 1 }, issues);
    }
    // UGC money is on the SU03 lines; Basic Audio money is on the summaries.
    const revenue = (hasSu03(b) ? ugcRevenue(ugc.get(b.f) ?? [], summaries) : null) ?? new Map<string, Micros>();
    if (revenue.size === 0) for (const s of summaries) {
      if (s.netRevenue === null) continue;
      const c = s.currency ?? '';
      revenue.set(c, ((revenue.get(c) ?? 0n) + s.netRevenue) as Micros);
    }
    issues.finish();
    const part = fileName?.part ?? (header.numberOfFiles > 1 ? { x: header.fileNumber, y: header.numberOfFiles } : null);
    const territories = [...new Set(summaries.map((s) => s.territory).filter((t): t is string => t !== null))];
    const u = usage.get(b.f) ?? { total: 0n, lines: 0, bySummary: new Map<string, bigint>() };
    results[b.index] = {
      file: b.file,
      rejected: null,
      batchIndex: b.f,
      header,
      fileName,
      reportId: `${header.senderPartyId || header.senderName}:${header.messageId}`,
      part,
      period: fileName?.period || notificationPeriod(usageDateBounds(header.usageStartDate).first, usageDateBounds(header.usageEndDate).last),
      territory: fileName?.territory || (territories.length === 1 ? (territories[0] ?? null) : territories.length > 1 ? 'multi' : null),
      lines: fileLines,
      counts: b.counts,
      summaries,
      footer: b.footer,
      blocks: b.blocks,
      usages: u.total,
      usageLines: u.lines,
      usagesBySummary: u.bySummary,
      revenue,
      quarantined: quarantined.get(b.f)?.all ?? 0,
      issues,
    };
  }
  return results.map((r) => r ?? unreachable());
}

function unreachable(): never {
  throw new Error('DSR batch analysis: a file has no result');
}

function checkNameAgainstHeader(name: DsrFileName, header: DsrHeader, issues: DsrIssues): void {
  if (name.sender !== header.senderPartyId && name.sender !== header.senderName.replace(/[_\s]/g, '')) {
    issues.warning('DSR_FILE_NAME', `file name sender "${name.sender}" matches neither HEAD SenderPartyId nor SenderName`);
  }
  if (name.recipient !== '' && name.recipient !== header.recipientPartyId && name.recipient !== header.recipientName.replace(/[_\s]/g, '') && !header.representedRepertoire.includes(name.recipient)) {
    issues.warning('DSR_FILE_NAME', `file name recipient "${name.recipient}" matches neither HEAD RecipientPartyId nor RecipientName`);
  }
  if (header.serviceDescription !== '' && name.serviceDescription !== header.serviceDescription.replace(/[_\s]/g, '')) {
    issues.warning('DSR_FILE_NAME', `file name service "${name.serviceDescription}" differs from HEAD ServiceDescription "${header.serviceDescription}"`);
  }
  if (name.part && (name.part.x !== header.fileNumber || name.part.y !== header.numberOfFiles)) {
    issues.warning('DSR_FILE_NAME', `file name part ${name.part.x}of${name.part.y} differs from HEAD FileNumber/NumberOfFiles ${header.fileNumber}/${header.numberOfFiles}`);
  }
}

/** `#SU02.02<TAB>BlockId...` rows (or `#RecordType` rows naming the cells of the record that follows), per file. */
async function readHeaderRows(store: Store): Promise<Map<number, Map<string, string[]>>> {
  const comments = await store.all<{ f: number; line_no: bigint; line: string }>(`SELECT f, line_no, line FROM dsr_t_numbered WHERE starts_with(rt, '#') ORDER BY f, line_no`);
  const result = new Map<number, Map<string, string[]>>();
  for (const c of comments) {
    const cells = splitDsrRow(c.line);
    let code = (cells[0] ?? '').slice(1).trim().toUpperCase();
    const names = cells.slice(1).filter((n, i, all) => n.trim() !== '' || i < all.length - 1);
    if (names.length === 0) continue;
    if (resolveRecordLayout(code).status === 'unknown' && !RECORD_CODE.test(code)) {
      // `#RecordType<TAB>...`: the names belong to the record on the next data line.
      const next = await store.one<{ rt: string }>({
        text: `SELECT rt FROM dsr_t_numbered WHERE f = $2::INTEGER AND line_no > $1 AND ${DATA_LINE} ORDER BY line_no LIMIT 1`,
        values: [c.line_no, c.f],
      });
      if (!next) continue;
      code = next.rt;
    }
    const file = result.get(c.f) ?? new Map<string, string[]>();
    if (!file.has(code)) file.set(code, names);
    result.set(c.f, file);
  }
  return result;
}

async function checkHeadAndFoot(store: Store, batch: readonly BatchFile[]): Promise<void> {
  const all = await store.all<{ f: number; line_no: bigint; rt: string; line: string }>(
    `SELECT f, line_no, rt, line FROM dsr_t_numbered WHERE rt IN ('HEAD', 'SRHE', 'FOOT', 'SRFO') ORDER BY f, line_no`,
  );
  for (const b of batch) {
    const { issues } = b;
    const rows = all.filter((r) => r.f === b.f);
    const heads = rows.filter((r) => r.rt === 'HEAD' || r.rt === 'SRHE');
    const feet = rows.filter((r) => r.rt === 'FOOT' || r.rt === 'SRFO');
    for (const extra of heads.slice(1)) issues.error('DSR_STRUCTURE', 'a second HEAD record', Number(extra.line_no));
    const foot = feet[feet.length - 1];
    for (const extra of feet.slice(0, -1)) issues.error('DSR_STRUCTURE', 'a FOOT record before the end of the file', Number(extra.line_no));
    if (!foot) {
      issues.error('DSR_NO_FOOT', 'the file has no FOOT record: it may be truncated');
      continue;
    }
    if (b.lastRecord !== null && foot.line_no !== b.lastRecord) {
      issues.error('DSR_STRUCTURE', `records follow the FOOT record (last record on line ${b.lastRecord})`, Number(foot.line_no));
    }
    const { footer, problems } = parseDsrFooter(splitDsrRow(foot.line));
    for (const p of problems) issues.error('DSR_FOOT', p, Number(foot.line_no));
    b.footer = footer;
  }
}

async function readSummaries(store: Store, batch: readonly BatchFile[]): Promise<void> {
  const codes = [...new Set(batch.flatMap((b) => [...b.layouts].filter(([, l]) => l.kind === 'summary').map(([rt]) => rt)))];
  if (codes.length > 0) {
    const rows = await store.all<{ f: number; line_no: bigint; rt: string; cells: string[] }>({
      text: 'SELECT f, line_no, rt, cells FROM dsr_t_cells WHERE list_contains($1, rt) ORDER BY f, line_no',
      values: [listValue(codes)],
    });
    const seen = new Map<number, Set<string>>();
    for (const r of rows) {
      const b = batch[r.f];
      const layout = b?.layouts.get(r.rt);
      if (!b || !layout || layout.kind !== 'summary') continue;
      const s = parseDsrSummary(Number(r.line_no), r.cells, layout, b.issues);
      const ids = seen.get(b.f) ?? new Set<string>();
      seen.set(b.f, ids);
      if (s.summaryId === '') b.issues.error('DSR_STRUCTURE', `${r.rt} has no SummaryRecordId`, s.line);
      else if (ids.has(s.summaryId)) b.issues.warning('DSR_DUPLICATE_SUMMARY', `SummaryRecordId "${s.summaryId}" is used by more than one summary record`, s.line);
      ids.add(s.summaryId);
      b.summaries.push(s);
    }
  }
  await store.run('CREATE TEMP TABLE dsr_t_summary_ids (f INTEGER, summary_id VARCHAR)');
  const ids = batch.flatMap((b) => [...new Set(b.summaries.map((s) => s.summaryId))].map((id) => ({ f: b.f, id })));
  if (ids.length > 0) {
    await store.run({
      text: 'INSERT INTO dsr_t_summary_ids SELECT unnest($1::INTEGER[]), unnest($2::VARCHAR[])',
      values: [listValue(ids.map((i) => i.f)), listValue(ids.map((i) => i.id))],
    });
  }
}

/** Blocks from the split body records: each must be one contiguous run of lines of its file (DSR Part 1: never split or repeated). */
async function checkBlocks(store: Store, batch: readonly BatchFile[]): Promise<void> {
  await store.run(`CREATE TEMP TABLE dsr_t_blocks AS SELECT f, block_id, min(line_no) AS lo, max(line_no) AS hi, count(*) AS n FROM (
      SELECT f, block_id, line_no FROM dsr_t_usage UNION ALL SELECT f, block_id, line_no FROM dsr_t_resources
      UNION ALL SELECT f, block_id, line_no FROM dsr_t_releases UNION ALL SELECT f, block_id, line_no FROM dsr_t_works
      UNION ALL SELECT f, block_id, line_no FROM dsr_t_licensor) WHERE block_id IS NOT NULL GROUP BY f, block_id`);
  const split = await store.all<{ f: number; block_id: string; lo: bigint }>(`SELECT f, block_id, lo FROM (
      SELECT f, block_id, lo, max(hi) OVER (PARTITION BY f ORDER BY lo ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_hi FROM dsr_t_blocks)
    WHERE prev_hi > lo QUALIFY row_number() OVER (PARTITION BY f ORDER BY lo) <= 50 ORDER BY f, lo`);
  for (const b of split) batch[b.f]?.issues.error('DSR_BLOCK_SPLIT', `block "${b.block_id}" is interrupted by another block (a block must be contiguous)`, Number(b.lo));
  for (const r of await store.all<{ f: number; n: bigint }>('SELECT f, count(*) AS n FROM dsr_t_blocks GROUP BY f')) {
    const b = batch[r.f];
    if (b) b.blocks = Number(r.n);
  }
}

/** Per-file issue rows of a query (`f`, capped per file by the query), given to each file in order. */
async function perFile<T extends { f: number }>(store: Store, text: string, batch: readonly BatchFile[], each: (row: T, issues: DsrIssues) => void): Promise<void> {
  for (const row of await store.all<T>(text)) {
    const b = batch[row.f];
    if (b) each(row, b.issues);
  }
}

async function checkUsageLines(
  store: Store,
  batch: readonly BatchFile[],
): Promise<Map<number, { total: bigint; lines: number; bySummary: Map<string, bigint> }>> {
  const capped = (n: number) => `QUALIFY row_number() OVER (PARTITION BY f ORDER BY line_no) <= ${n} ORDER BY f, line_no`;
  // A bad value in one element of an RU01 list quarantines the whole line.
  await store.run(`UPDATE dsr_t_usage SET problem = coalesce(problem, 'another value of this line is bad')
    WHERE (f, line_no) IN (SELECT (f, line_no) FROM dsr_t_usage WHERE problem IS NOT NULL)`);
  await store.run(`INSERT INTO dsr_t_quarantine SELECT f, line_no, any_value(rt), 'DSR_BAD_LINE', min(problem) FROM dsr_t_usage
    WHERE problem IS NOT NULL GROUP BY f, line_no`);
  await store.run(`INSERT INTO dsr_t_quarantine SELECT f, line_no, 'LI01', 'DSR_BAD_LINE', problem FROM dsr_t_licensor WHERE problem IS NOT NULL`);

  await perFile<{ f: number; line_no: bigint; summary_id: string }>(store, `SELECT u.f, u.line_no, u.summary_id FROM dsr_t_usage u
    ANTI JOIN dsr_t_summary_ids s ON s.f = u.f AND s.summary_id = u.summary_id WHERE u.problem IS NULL AND u.summary_id IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY u.f ORDER BY u.line_no) <= 51 ORDER BY u.f, u.line_no`, batch,
  (u, issues) => issues.error('DSR_UNKNOWN_SUMMARY', `SummaryRecordId "${u.summary_id}" has no summary record`, Number(u.line_no)));
  await perFile<{ f: number; line_no: bigint }>(store, `SELECT f, line_no FROM dsr_t_usage WHERE problem IS NULL AND summary_id IS NULL
    AND (rt LIKE 'SU01%' OR rt LIKE 'SU02%') ${capped(51)}`, batch,
  (u, issues) => issues.error('DSR_NO_SUMMARY', 'usage line has no SummaryRecordId', Number(u.line_no)));
  await perFile<{ f: number; line_no: bigint; ref: string | null }>(store, `SELECT u.f, u.line_no, coalesce(u.resource_ref, u.release_ref) AS ref
    FROM dsr_t_usage u
    LEFT JOIN (SELECT DISTINCT f, block_id, release_ref FROM dsr_t_releases) rel ON rel.f = u.f AND rel.block_id = u.block_id AND rel.release_ref = u.release_ref
    WHERE u.problem IS NULL AND (u.rt LIKE 'SU01%' OR u.rt LIKE 'SU02%')
      AND ((u.resource_ref IS NOT NULL AND u.dsp_resource_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM dsr_t_resource_keys k WHERE k.f = u.f AND k.block_id = u.block_id AND k.resource_ref = u.resource_ref))
        OR (u.resource_ref IS NULL AND (u.release_ref IS NULL OR rel.release_ref IS NULL)))
    QUALIFY row_number() OVER (PARTITION BY u.f ORDER BY u.line_no) <= 51 ORDER BY u.f, u.line_no`, batch,
  (b, issues) => issues.warning('DSR_BROKEN_REFERENCE', b.ref === null ? 'usage line names neither TransactedRelease nor TransactedResource' : `"${b.ref}" is neither a resource nor a release of the block`, Number(b.line_no)));
  await perFile<{ f: number; block_id: string; resource_ref: string }>(store, `SELECT f, block_id, resource_ref FROM dsr_t_resource_keys WHERE n > 1
    QUALIFY row_number() OVER (PARTITION BY f) <= 20 ORDER BY f`, batch,
  (d, issues) => issues.warning('DSR_DUPLICATE_RESOURCE', `ResourceReference "${d.resource_ref}" appears more than once in block "${d.block_id}"`));

  const sums = await store.all<{ f: number; summary_id: string | null; usages: bigint | null; n: bigint }>(`SELECT f, summary_id, sum(usages)::HUGEINT AS usages,
    count(*) AS n FROM dsr_t_usage WHERE problem IS NULL GROUP BY f, summary_id ORDER BY f, summary_id`);
  const result = new Map<number, { total: bigint; lines: number; bySummary: Map<string, bigint> }>();
  for (const b of batch) result.set(b.f, { total: 0n, lines: 0, bySummary: new Map() });
  for (const s of sums) {
    const r = result.get(s.f);
    if (!r) continue;
    r.total += s.usages ?? 0n;
    r.lines += Number(s.n);
    if (s.summary_id !== null) r.bySummary.set(s.summary_id, s.usages ?? 0n);
  }
  for (const b of batch) {
    const r = result.get(b.f);
    if (r && b.header.numberOfFiles === 1) checkSummaryTotals(b.summaries, r.bySummary, b.issues);
  }
  return result;
}

/** Summary usages against the sum of their usage lines (only meaningful once every part of the report is in). */
export function checkSummaryTotals(summaries: readonly DsrSummary[], bySummary: ReadonlyMap<string, bigint>, issues: DsrIssues): void {
  for (const s of summaries) {
    const lines = bySummary.get(s.summaryId);
    if (lines === undefined) {
      issues.warning('DSR_UNUSED_SUMMARY', `summary "${s.summaryId}" has no usage line`, s.line);
      continue;
    }
    if (isCheckedSummary(s) && s.usages !== lines) {
      issues.warning('DSR_SUMMARY_MISMATCH', `summary "${s.summaryId}" declares ${s.usages} usages but its usage lines add up to ${lines}`, s.line);
    }
  }
}

/**
 * FOOT counts against the file. NumberOfLinesInFile counts every physical line (standards.md §1.3); a
 * count that matches a producer's other convention (comments, empty lines or HEAD/FOOT left out) is a
 * warning, any other line count an error (the file may be truncated). Summary and block counts that
 * disagree are warnings: the records themselves are all read.
 */
function checkFooter(
  footer: DsrFooter,
  actual: { lines: number; commentLines: number; emptyLines: number; summaries: number; blocks: number; single: boolean },
  issues: DsrIssues,
): void {
  const data = actual.lines - actual.commentLines - actual.emptyLines;
  const conventions = [actual.lines - actual.emptyLines, actual.lines - actual.commentLines, data, data - 2, actual.lines - 2].map(BigInt);
  const lines = (declared: bigint | null, what: string) => {
    if (declared === null || declared === BigInt(actual.lines)) return;
    const message = `FOOT says ${declared} ${what} but the file has ${actual.lines}`;
    if (conventions.includes(declared)) issues.warning('DSR_FOOT_MISMATCH', `${message} (${actual.commentLines} comment and ${actual.emptyLines} empty lines): counted another way`);
    else issues.error('DSR_FOOT_MISMATCH', message);
  };
  const other = (declared: bigint | null, value: number, what: string) => {
    if (declared !== null && declared !== BigInt(value)) issues.warning('DSR_FOOT_MISMATCH', `FOOT says ${declared} ${what} but the file has ${value}`);
  };
  lines(footer.linesInFile, 'lines in the file');
  other(footer.summaryRecords, actual.summaries, 'summary records');
  other(footer.blocksInFile, actual.blocks, 'blocks in the file');
  if (actual.single) {
    lines(footer.linesInReport, 'lines in the report');
    other(footer.blocksInReport, actual.blocks, 'blocks in the report');
  }
}
