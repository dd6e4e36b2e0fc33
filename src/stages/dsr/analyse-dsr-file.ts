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
import { settleUgcUsage, ugcRevenue } from './ugc-usage.js';
import { usageDateBounds } from './write-analysis.js';

/** What one DSR file holds and what is wrong with it; the split records stay in the `dsr_t_*` temp tables. */
export interface DsrFileAnalysis {
  readonly file: string;
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
    file, rejected: reason, header: null, fileName: null, reportId: null, part: null, period: null, territory: null, lines: 0,
    counts: {}, summaries: [], footer: null, blocks: 0, usages: 0n, usageLines: 0, usagesBySummary: new Map(), revenue: new Map(),
    quarantined: 0, issues,
  };
}

/**
 * Reads and checks one DSR file on `store`'s connection (temp tables only: nothing is written to the
 * warehouse). The header and the file name are read in TypeScript; the body is split by record type
 * in DuckDB. Per-line problems land in `dsr_t_quarantine`; a file that is not a DSR is `rejected`.
 */
export async function analyseDsrFile(store: Store, file: string): Promise<DsrFileAnalysis> {
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

  const { lines, latin1 } = await loadDsrLines(store, file);
  for (const n of latin1.slice(0, 50)) issues.warning('DSR_ENCODING', 'line is not valid UTF-8: read as Latin-1', n);
  if (latin1.length > 50) issues.warning('DSR_ENCODING', `${latin1.length - 50} more lines read as Latin-1 (${latin1.length} in all)`);
  const quarantine = async (where: string, code: string, reason: string, values: unknown[] = []) =>
    store.run({ text: `INSERT INTO dsr_t_quarantine SELECT line_no, rt, '${code}', ${reason} FROM dsr_t_numbered WHERE ${where}`, values: values as never[] });
  await store.run('CREATE TEMP TABLE dsr_t_quarantine (line_no BIGINT, record_type VARCHAR, code VARCHAR, reason VARCHAR)');
  await store.run(`INSERT INTO dsr_t_quarantine SELECT line_no, NULL, 'DSR_UNREADABLE_LINE', 'the reader refused the line: ' || error FROM dsr_t_rejects`);
  // Record codes present (one scan), and the layouts that read them: `#` header rows win over the tables.
  const rows = await store.all<{ rt: string | null; n: bigint; last: bigint }>('SELECT rt, count(*) AS n, max(line_no) AS last FROM dsr_t_numbered GROUP BY rt ORDER BY rt');
  const counts: Record<string, number> = {};
  let commentLines = 0;
  let emptyLines = 0;
  let lastRecord: bigint | null = null;
  for (const r of rows) {
    if (r.rt && !r.rt.startsWith('#')) {
      counts[r.rt] = Number(r.n);
      if (lastRecord === null || r.last > lastRecord) lastRecord = r.last;
    } else if (r.rt) commentLines += Number(r.n);
  }
  if (rows.some((r) => !r.rt)) {
    // An empty line holds nothing to lose: a warning (real files end with one), not a quarantined line.
    const blank = `(rt IS NULL OR rt = '') AND (line IS NULL OR trim(line, chr(13) || ' ') = '')`;
    const empty = await store.all<{ line_no: bigint; n: bigint }>(`SELECT line_no, count(*) OVER () AS n FROM dsr_t_numbered WHERE ${blank} ORDER BY line_no LIMIT 51`);
    emptyLines = Number(empty[0]?.n ?? 0n);
    for (const e of empty) issues.warning('DSR_EMPTY_LINE', 'empty line (empty records are not allowed): ignored', Number(e.line_no));
    await quarantine(`(rt IS NULL OR rt = '') AND NOT (${blank})`, 'DSR_BAD_LINE', `'no record type in cell 1'`);
  }
  const headerRows = await readHeaderRows(store);
  const layouts = new Map<string, DsrRecordLayout>();
  for (const rt of Object.keys(counts)) {
    const resolved = resolveRecordLayout(rt);
    const names = headerRows.get(rt);
    if (resolved.status === 'unknown' && rt.startsWith('SY')) {
      // Every summary record starts with its SummaryRecordId: keep the sales context known to the usage lines.
      const type = splitRecordCode(rt);
      const base: DsrRecordLayout = { ...type, kind: 'summary', cells: ['RecordType', 'SummaryRecordId'] };
      if (!names) issues.warning('DSR_UNKNOWN_RECORD', `summary record type "${rt}" is not known: only its SummaryRecordId is read`);
      layouts.set(rt, names ? layoutFromHeaderRow(base, names) : base);
      continue;
    }
    if (resolved.status === 'unknown' && /^SR0[1-8]$/.test(splitRecordCode(rt).type) && names) {
      // SRB rows: their cells are not in the sources; the file's # header row names them.
      layouts.set(rt, layoutFromHeaderRow({ ...splitRecordCode(rt), kind: 'srb-sale', cells: ['RecordType'] }, names));
      continue;
    }
    if (resolved.status === 'unknown') {
      issues.warning('DSR_UNKNOWN_RECORD', `record type "${rt}" is not known: its ${counts[rt]} line(s) are skipped and kept in quarantine`);
      await quarantine('rt = $1', 'DSR_UNKNOWN_RECORD', `'unknown record type (DSR Part 1 Unknown Records): skipped'`, [rt]);
      continue;
    }
    if (resolved.status === 'nearest') {
      issues.warning('DSR_RECORD_VERSION', `record version ${rt} is not in the layout tables: read with the ${resolved.layout.type}.${resolved.layout.version === '00' ? '' : resolved.layout.version} layout`);
    }
    if (!names && resolved.layout.kind === 'summary' && resolved.layout.cells.length <= 2) {
      issues.warning('DSR_PARTIAL_LAYOUT', `${rt}: the cell layout is not known and no # header row names it: only its SummaryRecordId is read`);
    }
    layouts.set(rt, names ? layoutFromHeaderRow(resolved.layout, names) : resolved.layout);
  }

  const footer = await checkHeadAndFoot(store, lastRecord, issues);
  const summaries = await readSummaries(store, layouts, issues);
  const hasSu03 = [...layouts.values()].some((l) => l.kind === 'ugc-usage');
  const body = new Map([...layouts].filter(([, l]) => l.kind !== 'head' && l.kind !== 'foot' && l.kind !== 'summary'));
  await extractDsrBody(store, body);
  await settleUgcUsage(store, hasSu03, issues);
  await checkReleaseIcpns(store, issues);
  const rounded = await store.all<{ line_no: bigint; cell: string; value: string }>('SELECT line_no, cell, value FROM dsr_t_rounded ORDER BY line_no LIMIT 51');
  for (const r of rounded) issues.warning('DSR_AMOUNT_ROUNDED', `${r.cell} "${r.value}" has more than 6 decimals: rounded to the micro-unit`, Number(r.line_no));
  await store.run(`INSERT INTO dsr_t_quarantine SELECT line_no, 'AS', 'DSR_BAD_LINE', 'resource has no BlockId or ResourceReference'
    FROM dsr_t_resources WHERE block_id IS NULL OR resource_ref IS NULL`);
  const blocks = await checkBlocks(store, issues);
  const usage = await checkUsageLines(store, summaries, header.numberOfFiles === 1, issues);

  const quarantinedRows = await store.all<{ line_no: bigint; code: string; reason: string }>(
    `SELECT line_no, code, reason FROM dsr_t_quarantine WHERE code <> 'DSR_UNKNOWN_RECORD' ORDER BY line_no LIMIT 200`,
  );
  for (const q of quarantinedRows) issues.error(q.code, `line quarantined: ${q.reason}`, Number(q.line_no));
  const quarantined = Number((await store.one<{ n: bigint }>('SELECT count(DISTINCT line_no) AS n FROM dsr_t_quarantine'))?.n ?? 0n);
  const qTotal = Number((await store.one<{ n: bigint }>(`SELECT count(DISTINCT line_no) AS n FROM dsr_t_quarantine WHERE code <> 'DSR_UNKNOWN_RECORD'`))?.n ?? 0n);
  if (qTotal > quarantinedRows.length) issues.error('DSR_QUARANTINED', `${qTotal - quarantinedRows.length} more quarantined lines not listed (${qTotal} in all)`);

  if (footer) checkFooter(footer, { lines, commentLines, emptyLines, summaries: summaries.length, blocks, single: header.numberOfFiles === 1 }, issues);

  // UGC money is on the SU03 lines; Basic Audio money is on the summaries.
  const revenue = (await ugcRevenue(store, hasSu03, summaries)) ?? new Map<string, Micros>();
  if (revenue.size === 0) for (const s of summaries) {
    if (s.netRevenue === null) continue;
    const c = s.currency ?? '';
    revenue.set(c, ((revenue.get(c) ?? 0n) + s.netRevenue) as Micros);
  }
  issues.finish();
  const part = fileName?.part ?? (header.numberOfFiles > 1 ? { x: header.fileNumber, y: header.numberOfFiles } : null);
  const territories = [...new Set(summaries.map((s) => s.territory).filter((t): t is string => t !== null))];
  return {
    file,
    rejected: null,
    header,
    fileName,
    reportId: `${header.senderPartyId || header.senderName}:${header.messageId}`,
    part,
    period: fileName?.period || notificationPeriod(usageDateBounds(header.usageStartDate).first, usageDateBounds(header.usageEndDate).last),
    territory: fileName?.territory || (territories.length === 1 ? (territories[0] ?? null) : territories.length > 1 ? 'multi' : null),
    lines,
    counts,
    summaries,
    footer,
    blocks,
    usages: usage.total,
    usageLines: usage.lines,
    usagesBySummary: usage.bySummary,
    revenue,
    quarantined,
    issues,
  };
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

/** `#SU02.02<TAB>BlockId...` rows (or `#RecordType` rows naming the cells of the record that follows). */
async function readHeaderRows(store: Store): Promise<Map<string, string[]>> {
  const comments = await store.all<{ line_no: bigint; line: string }>(`SELECT line_no, line FROM dsr_t_numbered WHERE starts_with(rt, '#') ORDER BY line_no`);
  const result = new Map<string, string[]>();
  for (const c of comments) {
    const cells = splitDsrRow(c.line);
    let code = (cells[0] ?? '').slice(1).trim().toUpperCase();
    const names = cells.slice(1).filter((n, i, all) => n.trim() !== '' || i < all.length - 1);
    if (names.length === 0) continue;
    if (resolveRecordLayout(code).status === 'unknown' && !RECORD_CODE.test(code)) {
      // `#RecordType<TAB>...`: the names belong to the record on the next data line.
      const next = await store.one<{ rt: string }>({ text: `SELECT rt FROM dsr_t_numbered WHERE line_no > $1 AND ${DATA_LINE} ORDER BY line_no LIMIT 1`, values: [c.line_no] });
      if (!next) continue;
      code = next.rt;
    }
    if (!result.has(code)) result.set(code, names);
  }
  return result;
}

async function checkHeadAndFoot(store: Store, lastRecord: bigint | null, issues: DsrIssues): Promise<DsrFooter | null> {
  const rows = await store.all<{ line_no: bigint; rt: string; line: string }>(
    `SELECT line_no, rt, line FROM dsr_t_numbered WHERE rt IN ('HEAD', 'SRHE', 'FOOT', 'SRFO') ORDER BY line_no`,
  );
  const heads = rows.filter((r) => r.rt === 'HEAD' || r.rt === 'SRHE');
  const feet = rows.filter((r) => r.rt === 'FOOT' || r.rt === 'SRFO');
  for (const extra of heads.slice(1)) issues.error('DSR_STRUCTURE', 'a second HEAD record', Number(extra.line_no));
  const foot = feet[feet.length - 1];
  for (const extra of feet.slice(0, -1)) issues.error('DSR_STRUCTURE', 'a FOOT record before the end of the file', Number(extra.line_no));
  if (!foot) {
    issues.error('DSR_NO_FOOT', 'the file has no FOOT record: it may be truncated');
    return null;
  }
  if (lastRecord !== null && foot.line_no !== lastRecord) {
    issues.error('DSR_STRUCTURE', `records follow the FOOT record (last record on line ${lastRecord})`, Number(foot.line_no));
  }
  const { footer, problems } = parseDsrFooter(splitDsrRow(foot.line));
  for (const p of problems) issues.error('DSR_FOOT', p, Number(foot.line_no));
  return footer;
}

async function readSummaries(store: Store, layouts: ReadonlyMap<string, DsrRecordLayout>, issues: DsrIssues): Promise<DsrSummary[]> {
  const codes = [...layouts].filter(([, l]) => l.kind === 'summary').map(([rt]) => rt);
  const summaries: DsrSummary[] = [];
  if (codes.length > 0) {
    const rows = await store.all<{ line_no: bigint; rt: string; cells: string[] }>({
      text: 'SELECT line_no, rt, cells FROM dsr_t_cells WHERE list_contains($1, rt) ORDER BY line_no',
      values: [listValue(codes)],
    });
    const seen = new Set<string>();
    for (const r of rows) {
      const layout = layouts.get(r.rt);
      if (!layout) continue;
      const s = parseDsrSummary(Number(r.line_no), r.cells, layout, issues);
      if (s.summaryId === '') issues.error('DSR_STRUCTURE', `${r.rt} has no SummaryRecordId`, s.line);
      else if (seen.has(s.summaryId)) issues.warning('DSR_DUPLICATE_SUMMARY', `SummaryRecordId "${s.summaryId}" is used by more than one summary record`, s.line);
      seen.add(s.summaryId);
      summaries.push(s);
    }
  }
  await store.run('CREATE TEMP TABLE dsr_t_summary_ids (summary_id VARCHAR)');
  if (summaries.length > 0) {
    await store.run({ text: 'INSERT INTO dsr_t_summary_ids SELECT DISTINCT unnest($1::VARCHAR[])', values: [listValue(summaries.map((s) => s.summaryId))] });
  }
  return summaries;
}

/** Blocks from the split body records: each must be one contiguous run of lines (DSR Part 1: never split or repeated). */
async function checkBlocks(store: Store, issues: DsrIssues): Promise<number> {
  await store.run(`CREATE TEMP TABLE dsr_t_blocks AS SELECT block_id, min(line_no) AS lo, max(line_no) AS hi, count(*) AS n FROM (
      SELECT block_id, line_no FROM dsr_t_usage UNION ALL SELECT block_id, line_no FROM dsr_t_resources
      UNION ALL SELECT block_id, line_no FROM dsr_t_releases UNION ALL SELECT block_id, line_no FROM dsr_t_works
      UNION ALL SELECT block_id, line_no FROM dsr_t_licensor) WHERE block_id IS NOT NULL GROUP BY block_id`);
  const split = await store.all<{ block_id: string; lo: bigint }>(`SELECT block_id, lo FROM (
      SELECT block_id, lo, max(hi) OVER (ORDER BY lo ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_hi FROM dsr_t_blocks)
    WHERE prev_hi > lo ORDER BY lo LIMIT 50`);
  for (const b of split) issues.error('DSR_BLOCK_SPLIT', `block "${b.block_id}" is interrupted by another block (a block must be contiguous)`, Number(b.lo));
  return Number((await store.one<{ n: bigint }>('SELECT count(*) AS n FROM dsr_t_blocks'))?.n ?? 0n);
}

async function checkUsageLines(
  store: Store,
  summaries: readonly DsrSummary[],
  complete: boolean,
  issues: DsrIssues,
): Promise<{ total: bigint; lines: number; bySummary: Map<string, bigint> }> {
  // A bad value in one element of an RU01 list quarantines the whole line.
  await store.run(`UPDATE dsr_t_usage SET problem = coalesce(problem, 'another value of this line is bad')
    WHERE line_no IN (SELECT line_no FROM dsr_t_usage WHERE problem IS NOT NULL)`);
  await store.run(`INSERT INTO dsr_t_quarantine SELECT line_no, any_value(rt), 'DSR_BAD_LINE', min(problem) FROM dsr_t_usage
    WHERE problem IS NOT NULL GROUP BY line_no`);
  await store.run(`INSERT INTO dsr_t_quarantine SELECT line_no, 'LI01', 'DSR_BAD_LINE', problem FROM dsr_t_licensor WHERE problem IS NOT NULL`);

  const unknownSummary = await store.all<{ line_no: bigint; summary_id: string }>(`SELECT u.line_no, u.summary_id FROM dsr_t_usage u
    ANTI JOIN dsr_t_summary_ids s ON s.summary_id = u.summary_id WHERE u.problem IS NULL AND u.summary_id IS NOT NULL ORDER BY u.line_no LIMIT 51`);
  for (const u of unknownSummary) issues.error('DSR_UNKNOWN_SUMMARY', `SummaryRecordId "${u.summary_id}" has no summary record`, Number(u.line_no));
  const noSummary = await store.all<{ line_no: bigint }>(`SELECT line_no FROM dsr_t_usage WHERE problem IS NULL AND summary_id IS NULL
    AND (rt LIKE 'SU01%' OR rt LIKE 'SU02%') ORDER BY line_no LIMIT 51`);
  for (const u of noSummary) issues.error('DSR_NO_SUMMARY', 'usage line has no SummaryRecordId', Number(u.line_no));
  const broken = await store.all<{ line_no: bigint; ref: string | null }>(`SELECT u.line_no, coalesce(u.resource_ref, u.release_ref) AS ref
    FROM dsr_t_usage u
    LEFT JOIN (SELECT DISTINCT block_id, release_ref FROM dsr_t_releases) rel ON rel.block_id = u.block_id AND rel.release_ref = u.release_ref
    WHERE u.problem IS NULL AND (u.rt LIKE 'SU01%' OR u.rt LIKE 'SU02%')
      AND ((u.resource_ref IS NOT NULL AND u.dsp_resource_id IS NULL AND NOT EXISTS (SELECT 1 FROM dsr_t_resource_keys k WHERE k.block_id = u.block_id AND k.resource_ref = u.resource_ref))
        OR (u.resource_ref IS NULL AND (u.release_ref IS NULL OR rel.release_ref IS NULL)))
    ORDER BY u.line_no LIMIT 51`);
  for (const b of broken) {
    issues.warning('DSR_BROKEN_REFERENCE', b.ref === null ? 'usage line names neither TransactedRelease nor TransactedResource' : `"${b.ref}" is neither a resource nor a release of the block`, Number(b.line_no));
  }
  const dupRes = await store.all<{ block_id: string; resource_ref: string }>(`SELECT block_id, resource_ref FROM dsr_t_resource_keys WHERE n > 1 LIMIT 20`);
  for (const d of dupRes) issues.warning('DSR_DUPLICATE_RESOURCE', `ResourceReference "${d.resource_ref}" appears more than once in block "${d.block_id}"`);

  const sums = await store.all<{ summary_id: string | null; usages: bigint | null; n: bigint }>(`SELECT summary_id, sum(usages)::HUGEINT AS usages, count(*) AS n
    FROM dsr_t_usage WHERE problem IS NULL GROUP BY summary_id`);
  const bySummary = new Map<string, bigint>();
  let total = 0n;
  let lines = 0;
  for (const s of sums) {
    total += s.usages ?? 0n;
    lines += Number(s.n);
    if (s.summary_id !== null) bySummary.set(s.summary_id, s.usages ?? 0n);
  }
  if (complete) checkSummaryTotals(summaries, bySummary, issues);
  return { total, lines, bySummary };
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
