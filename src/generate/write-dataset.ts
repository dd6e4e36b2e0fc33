import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { UsageReportSpec } from '../domain/index.js';
import { cwrFileName, formatCwrLines } from '../formats/cwr/index.js';
import { dsrFileName, formatDsrLines } from '../formats/dsr/index.js';
import type { DatasetPlan } from './create-repertoire.js';
import { readReports } from './generate-dataset.js';
import type { BuiltReport, GeneratedDataset, TruthRow } from './types.js';

/** What `writeDataset` wrote: counts and the files (paths under the output folder). */
export interface WriteDatasetResult {
  readonly out: string;
  readonly works: number;
  readonly recordings: number;
  readonly reports: number;
  readonly usageLines: number;
  readonly files: readonly string[];
}

/** Buffered text output that waits for the stream to drain, so memory stays flat at any size. */
class TextSink {
  private buffer: string[] = [];
  private size = 0;
  private readonly stream: WriteStream;
  constructor(path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
  }
  async write(text: string): Promise<void> {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size >= 1 << 16) await this.flush();
  }
  private async flush(): Promise<void> {
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }
  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) =>
      this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
  }
}

const json = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

function csvCell(value: string | undefined): string {
  if (value === undefined) return '';
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const TRUTH_CSV_HEADER = 'message_id,dsp_resource_id,isrc,sender_ipi,submitter_work_id,iswc,noise';

/** One truth row as a CSV line (noise kinds joined with `|`). */
export function formatTruthCsvLine(row: TruthRow): string {
  return [
    row.messageId,
    row.dspResourceId,
    row.isrc,
    row.senderIpi,
    row.submitterWorkId,
    row.iswc,
    row.noise.join('|'),
  ]
    .map(csvCell)
    .join(',');
}

function* reportsOf(source: GeneratedDataset | DatasetPlan): Generator<BuiltReport> {
  if ('truth' in source) {
    const byMessage = new Map<string, TruthRow[]>();
    for (const row of source.truth) {
      const rows = byMessage.get(row.messageId);
      if (rows) rows.push(row);
      else byMessage.set(row.messageId, [row]);
    }
    for (const report of source.reports) yield { report, truth: byMessage.get(report.messageId) ?? [] };
  } else {
    yield* readReports(source);
  }
}

/** A report header for dataset.json: everything but the blocks (the usage lines go to DSR files). */
function reportHeader(
  report: UsageReportSpec,
): Omit<UsageReportSpec, 'blocks'> & { readonly resources: number; readonly usageLines: number } {
  const { blocks, ...header } = report;
  let lines = 0;
  for (const b of blocks) lines += b.usages.length;
  return { ...header, resources: blocks.length, usageLines: lines };
}

/** Writes an iterable of lines to `path` with the given terminator, streaming. */
async function writeLines(path: string, lines: Iterable<string>, eol: string): Promise<void> {
  const sink = new TextSink(path);
  for (const line of lines) await sink.write(`${line}${eol}`);
  await sink.close();
}

/**
 * Writes a dataset under `outDir`:
 * - `cwr/`: one CWR 2.2 registration file per publisher (`CWyy0001Pnn_058.V22`, CRLF);
 * - `dsr/`: one DDEX DSR file per report (Basic Audio Profile, `#` header rows, LF);
 * - `mandates.json`: the mandates (`tutti mandates import`);
 * - `truth.csv` (header row, one row per reported resource) and `dataset.json` (society, publishers,
 *   mandates, ISRC collisions, report headers, registrations — not the usage lines).
 * Takes a materialised dataset or a plan; with a plan, reports are built and written one at a time.
 * `onProgress` is called after each report.
 */
export async function writeDataset(
  source: GeneratedDataset | DatasetPlan,
  outDir: string,
  options: { readonly onProgress?: (reportsDone: number, reportsTotal: number) => void } = {},
): Promise<WriteDatasetResult> {
  await mkdir(join(outDir, 'cwr'), { recursive: true });
  await mkdir(join(outDir, 'dsr'), { recursive: true });
  const truthPath = join(outDir, 'truth.csv');
  const datasetPath = join(outDir, 'dataset.json');
  const mandatesPath = join(outDir, 'mandates.json');
  const files: string[] = [];

  const truthSink = new TextSink(truthPath);
  await truthSink.write(`${TRUTH_CSV_HEADER}\n`);
  const headers: ReturnType<typeof reportHeader>[] = [];
  let usageLines = 0;
  for (const { report, truth } of reportsOf(source)) {
    const header = reportHeader(report);
    headers.push(header);
    usageLines += header.usageLines;
    for (const row of truth) await truthSink.write(`${formatTruthCsvLine(row)}\n`);
    const dsrPath = join(outDir, 'dsr', dsrFileName(report));
    await writeLines(dsrPath, formatDsrLines(report, { commentHeaders: true }), '\n');
    files.push(dsrPath);
    options.onProgress?.(headers.length, source.reportPlans.length);
  }
  await truthSink.close();

  const sink = new TextSink(datasetPath);
  await sink.write(
    `{"society":${json(source.society)},"publishers":${json(source.publishers)},"mandates":${json(source.mandates)},`,
  );
  await sink.write(
    `"isrcCollisions":${json(source.isrcCollisions)},"reports":${json(headers)},"registrations":[`,
  );
  let works = 0;
  let recordings = 0;
  for (const [r, registration] of source.registrations.entries()) {
    await sink.write(
      `${r === 0 ? '' : ','}{"senderIpi":${json(registration.senderIpi)},"senderName":${json(registration.senderName)},"works":[`,
    );
    for (const [w, work] of registration.works.entries()) {
      await sink.write(`${w === 0 ? '' : ','}${json(work)}`);
      works++;
      recordings += work.recordings.length;
    }
    await sink.write(']}');
  }
  await sink.write(']}\n');
  await sink.close();

  // Registrations precede usage: date the CWR files at the start of the first usage period.
  const firstUsage = headers.reduce(
    (min, h) => (h.usageStartDate < min ? h.usageStartDate : min),
    '9999-12-31',
  );
  const createdAt = new Date(`${firstUsage === '9999-12-31' ? '2024-01-01' : firstUsage}T00:00:00Z`);
  for (const [r, registration] of source.registrations.entries()) {
    const name = cwrFileName({
      version: '2.2',
      createdAt,
      sequence: 1,
      sender: `P${String(r + 1).padStart(2, '0')}`,
      receiver: source.society.code,
    });
    const cwrPath = join(outDir, 'cwr', name);
    const lines = formatCwrLines(registration.works, {
      version: '2.2',
      senderType: 'PB',
      senderId: registration.senderIpi,
      senderName: registration.senderName,
      createdAt,
    });
    await writeLines(cwrPath, lines, '\r\n');
    files.push(cwrPath);
  }
  await writeLines(mandatesPath, [json({ mandates: source.mandates })], '\n');

  return {
    out: outDir,
    works,
    recordings,
    reports: headers.length,
    usageLines,
    files: [...files.sort(), mandatesPath, truthPath, datasetPath],
  };
}
