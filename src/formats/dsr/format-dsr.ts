import type { UsageBlockSpec, UsageReportSpec } from '../../domain/index.js';
import { escapeDsrValue, formatMultiValue } from './escape.js';
import { DSR_RECORD_LAYOUTS } from './record-layouts.js';

export interface FormatDsrOptions {
  /** Write part x of y: the blocks are cut into y contiguous runs (a block is never split). */
  readonly part?: { readonly x: number; readonly y: number };
  /** Write a `#<RecordType>` row with the cell names before the first record of each type, as real producers do. */
  readonly commentHeaders?: boolean;
}

const row = (cells: readonly (string | number | bigint | undefined)[]) =>
  cells.map((c) => (c === undefined ? '' : typeof c === 'string' ? c : String(c))).join('\t');
const text = (s: string | undefined) => (s === undefined ? '' : escapeDsrValue(s));

function blockRange(count: number, part: { x: number; y: number } | undefined): [number, number] {
  if (!part) return [0, count];
  return [Math.floor(((part.x - 1) * count) / part.y), Math.floor((part.x * count) / part.y)];
}

function duration(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  const m = Math.floor(seconds / 60);
  return `PT${m}M${seconds - m * 60}S`;
}

function* blockLines(spec: UsageReportSpec, block: UsageBlockSpec): Generator<[string, string]> {
  const ugc = spec.profile === 'UGCProfile';
  const b = text(block.blockId);
  if (block.release && !ugc) {
    const r = block.release;
    yield ['RE01.02', row(['RE01.02', b, text(r.releaseRef), text(r.dspReleaseId), '', '', r.icpn, text(r.displayArtist), '', text(r.title), '', 'Album', text(r.label), '', '', ''])];
  }
  for (const res of block.resources) {
    const head = [b, text(res.resourceRef), text(res.dspResourceId), res.isrc, text(res.title), text(res.subtitle), text(res.displayArtist), '', duration(res.durationS), 'SoundRecording'];
    const w = res.work;
    if (w && w.title !== undefined) {
      yield ['AS01.01', row(['AS01.01', ...head, ''])];
      yield ['MW01.01', row(['MW01.01', b, '', w.iswc, text(w.title), '', formatMultiValue(w.writers), '', '', '', formatMultiValue(w.publishers ?? []), '', '', '', '', text(w.proprietaryWorkId)])];
    } else if (ugc) {
      yield ['AS02.02', row(['AS02.02', ...head, w?.iswc, '', '', '', '', formatMultiValue(w?.publishers ?? []), '', formatMultiValue(w?.writers ?? []), '', text(w?.proprietaryWorkId), ''])];
    } else {
      yield ['AS02.03', row(['AS02.03', ...head, w?.iswc, '', '', '', '', formatMultiValue(w?.publishers ?? []), '', formatMultiValue(w?.writers ?? []), '', text(w?.proprietaryWorkId), '', '', ''])];
    }
  }
  for (const u of block.usages) {
    if (ugc) {
      const dsp = block.resources.find((r) => r.resourceRef === u.resourceRef)?.dspResourceId ?? u.resourceRef;
      yield ['SU03.02', row(['SU03.02', b, text(u.transactionId), text(u.summaryId), text(dsp), u.usages, u.netRevenue ?? '0', '', '', '', 'true'])];
    } else {
      yield ['SU02.02', row(['SU02.02', b, text(u.summaryId), text(u.transactionId), '', text(u.resourceRef), 'true', u.usages, '', '', u.useType ?? ''])];
    }
  }
}

function blockLineCount(spec: UsageReportSpec, block: UsageBlockSpec): number {
  const ugc = spec.profile === 'UGCProfile';
  const resources = block.resources.reduce((n, r) => n + (r.work?.title !== undefined ? 2 : 1), 0);
  return (block.release && !ugc ? 1 : 0) + resources + block.usages.length;
}

/**
 * Writes a usage report as DSR flat-file lines (no terminators): HEAD, one summary per sales context
 * (BAP 1.3 `SY02.03`, UGC 1.2 `SY02.02`), the blocks (BAP: `RE01.02`, `AS02.03` or `AS01.01`+`MW01.01`
 * when the work has a title, `SU02.02`; UGC: `AS02.02`, `SU03.02` with revenue), then FOOT whose line
 * count includes HEAD, FOOT and `#` rows. With `part`, writes file x of y: every part repeats HEAD and
 * the summaries; the report totals of FOOT are written in the last part only.
 */
export function* formatDsrLines(spec: UsageReportSpec, options: FormatDsrOptions = {}): Generator<string> {
  const part = options.part;
  const ugc = spec.profile === 'UGCProfile';
  const seen = new Set<string>();
  const withHeader = function* (code: string, line: string): Generator<string> {
    if (options.commentHeaders && !seen.has(code)) {
      seen.add(code);
      const cells = DSR_RECORD_LAYOUTS.get(code)?.cells ?? [];
      yield row([`#${code}`, ...cells.slice(1)]);
    }
    yield line;
  };
  let lines = 0;
  const summaryCode = ugc ? 'SY02.02' : 'SY02.03';
  const headLines: string[] = [];
  for (const l of withHeader('HEAD', row(['HEAD', ugc ? 'dsrf/1.3/1.4.1/1.2' : 'dsrf/1.3/1.4.1/1.3', spec.profile, spec.profileVersion, text(spec.messageId), spec.createdAt, part?.x ?? 1, part?.y ?? 1, spec.usageStartDate, spec.usageEndDate, spec.senderPartyId, text(spec.senderName), text(spec.serviceDescription), spec.recipientPartyId, text(spec.recipientName), '']))) headLines.push(l);
  for (const s of spec.summaries) {
    const cells = ugc
      ? [summaryCode, text(s.summaryId), '', '', s.commercialModel, s.useType, s.territory, text(s.serviceDescription), s.usages, s.subscribers, s.currency, s.netRevenue, '', '', '', '', '', '', '', '', '', '']
      : [summaryCode, text(s.summaryId), '', '', s.commercialModel, s.useType, s.territory, text(s.serviceDescription), s.usages, s.subscribers, s.currency, s.netRevenue, '', '', '', '', '', '', '', '', '', ''];
    for (const l of withHeader(summaryCode, row(cells))) headLines.push(l);
  }
  for (const l of headLines) {
    lines++;
    yield l;
  }
  const [from, to] = blockRange(spec.blocks.length, part);
  for (let i = from; i < to; i++) {
    const block = spec.blocks[i];
    if (!block) continue;
    for (const [code, line] of blockLines(spec, block)) {
      for (const l of withHeader(code, line)) {
        lines++;
        yield l;
      }
    }
  }
  const last = !part || part.x === part.y;
  let linesInReport: number | undefined;
  if (last) {
    // Every part repeats HEAD and the summaries; `#` rows are counted where they were written.
    const perPartFixed = headLines.length + 1;
    const y = part?.y ?? 1;
    linesInReport = perPartFixed * y + spec.blocks.reduce((n, b) => n + blockLineCount(spec, b), 0) + (options.commentHeaders ? commentRowsInBodies(spec, y) : 0);
  }
  lines++;
  yield row(['FOOT', lines, last ? linesInReport : '', spec.summaries.length, to - from, last ? spec.blocks.length : '']);
}

/** `#` rows written before the first record of each body record type, summed over every part. */
function commentRowsInBodies(spec: UsageReportSpec, y: number): number {
  let n = 0;
  for (let x = 1; x <= y; x++) {
    const codes = new Set<string>();
    const [from, to] = blockRange(spec.blocks.length, { x, y });
    for (let i = from; i < to; i++) {
      const block = spec.blocks[i];
      if (block) for (const [code] of blockLines(spec, block)) codes.add(code);
    }
    n += codes.size;
  }
  return n;
}
