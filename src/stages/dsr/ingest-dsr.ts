import { statSync } from 'node:fs';
import { listValue } from '@duckdb/node-api';
import { TuttiError } from '../../domain/index.js';
import { fingerprintFile } from '../files/index.js';
import { recordRun, sql, type RunInput, type Store } from '../../warehouse/index.js';
import { analyseDsrFiles, type DsrFileAnalysis } from './analyse-dsr-file.js';
import { dropDsrTemp } from './load-dsr-lines.js';
import { completeReport } from './complete-report.js';
import { writeAnalysis } from './write-analysis.js';

export type DsrIngestStatus = 'ingested' | 'duplicate' | 'rejected' | 'waiting-parts';

/** One file's outcome (the `tutti dsr ingest --json` contract). */
export interface DsrIngestFileResult {
  readonly file: string;
  readonly status: DsrIngestStatus;
  /** Physical lines read (0 for a duplicate or a refused file). */
  readonly lines: number;
  readonly quarantined: number;
  readonly report?: string;
  /** Why a file was refused. */
  readonly reason?: string;
  readonly errors?: number;
  readonly warnings?: number;
}

export interface DsrIngestTotals {
  readonly files: number;
  readonly ingested: number;
  readonly duplicate: number;
  readonly rejected: number;
  readonly waitingParts: number;
  readonly lines: number;
  readonly quarantined: number;
}

export interface DsrIngestOptions {
  readonly codeVersion: string;
  readonly now: () => Date;
  /** Called between the steps of a file (inside its transaction: a throw rolls the file back). */
  readonly onProgress?: (event: { file: string; index: number; step: string }) => void;
  /**
   * Bytes of text read and checked together (one bulk read, one statement per check): about 4 M
   * lines of a typical report under the store's memory limit. A larger file is a batch of its own.
   * Gzip files count 8 times their size.
   */
  readonly batchBytes?: number;
}

/** 256 MiB of report text a batch (~4 M lines of 64 bytes): what the 1.5 GB store memory limit holds with its split tables. */
export const DSR_BATCH_BYTES = 256 * 2 ** 20;

/** Consecutive runs of files of about `budget` bytes of text each (never empty, never split). */
export function planDsrBatches(files: readonly string[], budget: number): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  for (const [index, file] of files.entries()) {
    let size = 0;
    try {
      size = statSync(file).size * (file.toLowerCase().endsWith('.gz') ? 8 : 1);
    } catch {
      // Unreadable: refused by the analysis with the reason.
    }
    if (current.length > 0 && bytes + size > budget) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(index);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Ingests DSR files into the warehouse, one recorded run (`dsr-ingest`) for all of them. The files are
 * read and checked in batches (one bulk read by DuckDB's CSV reader and one statement per check for
 * every file of a batch, outside any transaction: temp tables only), then each file is written in ONE
 * transaction of its own (input file, report, parts, summaries, resources, usage lines, quarantine,
 * issues): a crash leaves no trace of the file being written and a re-run ingests it. A file already
 * ingested (same SHA-256) is a `duplicate` and changes nothing. Parts of an `xofy` report wait in
 * staging tables; the last part to arrive moves the whole report into
 * `report_summaries`/`report_resources`/`usage_lines` and marks it `complete`. Results are the same
 * as ingesting the files one by one, in order.
 */
export async function ingestDsrFiles(
  store: Store,
  files: readonly string[],
  options: DsrIngestOptions,
): Promise<{ files: DsrIngestFileResult[]; totals: DsrIngestTotals; runId: string }> {
  const batches = planDsrBatches(files, options.batchBytes ?? DSR_BATCH_BYTES);
  // DuckDB reads the first batch (temp tables only, nothing written) while the SHA-256s are computed
  // here, so hashing adds little; the analyses of files found to be duplicates are dropped.
  const firstBatch = batches[0] ?? [];
  const early = firstBatch.length === 0 ? undefined : analyseDsrFiles(store, firstBatch.map((i) => files[i] ?? '')).then(
    (analyses) => ({ analyses }),
    (error: unknown) => ({ error }),
  );
  const prints: RunInput[] = [];
  for (const file of files) {
    try {
      prints.push({ file, ...(await fingerprintFile(file)) });
    } catch (cause) {
      await early;
      await dropDsrTemp(store);
      throw new TuttiError('NOT_FOUND', `cannot read ${file}: ${(cause as Error).message}`, { file }, { cause });
    }
  }
  const firstAnalyses = await early;
  const result = await recordRun(
    store,
    { stage: 'dsr-ingest', params: { files: [...files] }, inputs: prints, codeVersion: options.codeVersion, now: options.now() },
    options.now,
    async (runId) => {
      const results: DsrIngestFileResult[] = [];
      for (const [b, batch] of batches.entries()) {
        const analyses = new Map<number, DsrFileAnalysis>();
        if (b === 0 && firstAnalyses) {
          if ('error' in firstAnalyses) throw firstAnalyses.error;
          firstAnalyses.analyses.forEach((a, i) => analyses.set(batch[i] ?? -1, a));
        } else {
          // Files known before this batch (ingested or refused, in an earlier run or earlier in this list) are not read again.
          const known = new Set((await knownFiles(store, batch.map((i) => prints[i]?.sha256 ?? ''))));
          const seen = new Set(prints.slice(0, batch[0]).map((p) => p.sha256));
          const read: number[] = [];
          for (const i of batch) {
            const sha = prints[i]?.sha256 ?? '';
            if (known.has(sha) || seen.has(sha)) continue;
            seen.add(sha);
            read.push(i);
          }
          if (read.length > 0) (await analyseDsrFiles(store, read.map((i) => files[i] ?? ''))).forEach((a, k) => analyses.set(read[k] ?? -1, a));
        }
        for (const index of batch) {
          const input = prints[index];
          if (!input) continue;
          results.push(await ingestOne(store, input, index, runId, options, analyses.get(index)));
        }
        await dropDsrTemp(store);
      }
      const totals: DsrIngestTotals = {
        files: results.length,
        ingested: results.filter((r) => r.status === 'ingested').length,
        duplicate: results.filter((r) => r.status === 'duplicate').length,
        rejected: results.filter((r) => r.status === 'rejected').length,
        waitingParts: results.filter((r) => r.status === 'waiting-parts').length,
        lines: results.reduce((n, r) => n + r.lines, 0),
        quarantined: results.reduce((n, r) => n + r.quarantined, 0),
      };
      return { files: results, totals, counts: { ...totals } };
    },
  );
  return { files: result.files, totals: result.totals, runId: result.runId };
}

/** The SHA-256s among `shas` that `input_files` already holds. */
async function knownFiles(store: Store, shas: readonly string[]): Promise<string[]> {
  const rows = await store.all<{ file_id: string }>({ text: 'SELECT file_id FROM input_files WHERE list_contains($1, file_id)', values: [listValue([...shas])] });
  return rows.map((r) => r.file_id);
}

/**
 * `pre`: the file's analysis from its batch's read (its rows are in the batch's temp tables); only a
 * file the batch skipped as known has none, and the store then knows it (a duplicate or a refusal).
 */
async function ingestOne(
  store: Store,
  input: RunInput,
  index: number,
  runId: string,
  options: DsrIngestOptions,
  pre?: DsrFileAnalysis,
): Promise<DsrIngestFileResult> {
  const { file, sha256 } = input;
  const step = (name: string) => options.onProgress?.({ file, index, step: name });
  const seen = await store.one<{ status: string; reason: string | null }>(sql`SELECT status, reason FROM input_files WHERE file_id = ${sha256}`);
  if (seen && seen.status !== 'rejected') return { file, status: 'duplicate', lines: 0, quarantined: 0 };
  if (seen) return { file, status: 'rejected', lines: 0, quarantined: 0, reason: seen.reason ?? 'rejected before' };
  step('read');
  // Reading it alone now would drop the batch's temp tables: a skipped file must be known.
  if (!pre) throw new TuttiError('INTERNAL', `${file} was skipped by its batch but is not in the store`, { file });
  const a = pre;
  const report = a.reportId && a.header ? await store.one<{ status: string; parts_expected: number }>(sql`SELECT status, parts_expected FROM reports WHERE report_id = ${a.reportId}`) : undefined;
  const refusal = a.rejected ?? (await partRefusal(store, a, sha256, report));
  if (refusal !== null || !a.header || !a.reportId) {
    const reason = refusal ?? 'not a DSR';
    await store.run(sql`INSERT INTO input_files (file_id, kind, path, bytes, status, run_id, reason, received_at)
      VALUES (${sha256}, 'dsr', ${file}, ${input.bytes}, 'rejected', ${runId}, ${reason}, ${options.now().toISOString()}::TIMESTAMP)`);
    return { file, status: 'rejected', lines: a.lines, quarantined: 0, reason };
  }
  const reportId = a.reportId;
  const status = await store.transaction(async () => {
    step('write');
    await writeAnalysis(store, a, { fileId: sha256, bytes: input.bytes, runId, now: options.now(), onStep: step, newReport: !report });
    // A new report has this one part.
    const parts = report ? await store.one<{ n: bigint }>(sql`SELECT count(*) AS n FROM dsr_report_parts WHERE report_id = ${reportId}`) : { n: 1n };
    if (Number(parts?.n ?? 0n) >= (a.header?.numberOfFiles ?? 1)) {
      step('complete');
      await completeReport(store, reportId, runId, report?.parts_expected ?? a.header?.numberOfFiles);
      return 'ingested' as const;
    }
    return 'waiting-parts' as const;
  });
  return {
    file,
    status,
    lines: a.lines,
    quarantined: a.quarantined,
    report: reportId,
    errors: a.issues.errors.length,
    warnings: a.issues.warnings.length,
  };
}

/**
 * Why a readable DSR cannot join its report (`report`: the stored one, if any): a complete report, a
 * part already in, or a different part count.
 */
async function partRefusal(
  store: Store,
  a: DsrFileAnalysis,
  sha256: string,
  report: { status: string; parts_expected: number } | undefined,
): Promise<string | null> {
  if (!a.reportId || !a.header || !report) return null;
  if (report.status === 'complete') return `report ${a.reportId} is already complete (another file with the same sender and MessageId)`;
  if (report.parts_expected !== a.header.numberOfFiles) {
    return `report ${a.reportId} was announced in ${report.parts_expected} files, this file says ${a.header.numberOfFiles}`;
  }
  const part = await store.one<{ file_id: string }>(sql`SELECT file_id FROM dsr_report_parts WHERE report_id = ${a.reportId} AND file_number = ${a.header.fileNumber}`);
  if (part && part.file_id !== sha256) return `part ${a.header.fileNumber} of report ${a.reportId} was already received from another file`;
  return null;
}
