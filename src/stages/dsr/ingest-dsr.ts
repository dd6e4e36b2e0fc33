import { TuttiError } from '../../domain/index.js';
import { fingerprintFile } from '../files/index.js';
import { recordRun, sql, type RunInput, type Store } from '../../warehouse/index.js';
import { analyseDsrFile, type DsrFileAnalysis } from './analyse-dsr-file.js';
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
}

/**
 * Ingests DSR files into the warehouse, one recorded run (`dsr-ingest`) for all of them. Each file is
 * read by DuckDB's CSV reader and written in ONE transaction (input file, report, parts, summaries,
 * resources, usage lines, quarantine, issues): a crash leaves no trace of it and a re-run ingests it.
 * A file already ingested (same SHA-256) is a `duplicate` and changes nothing. Parts of an `xofy`
 * report wait in staging tables; the last part to arrive moves the whole report into
 * `report_summaries`/`report_resources`/`usage_lines` and marks it `complete`.
 */
export async function ingestDsrFiles(
  store: Store,
  files: readonly string[],
  options: DsrIngestOptions,
): Promise<{ files: DsrIngestFileResult[]; totals: DsrIngestTotals; runId: string }> {
  // DuckDB reads the first file (temp tables only, nothing written) while its SHA-256 is computed
  // here, so hashing adds nothing to a single-file ingest; a duplicate's analysis is dropped.
  const first = files[0];
  const early = first === undefined ? undefined : analyseDsrFile(store, first).then(
    (analysis) => ({ analysis }),
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
  const firstAnalysis = await early;
  const result = await recordRun(
    store,
    { stage: 'dsr-ingest', params: { files: [...files] }, inputs: prints, codeVersion: options.codeVersion, now: options.now() },
    options.now,
    async (runId) => {
      const results: DsrIngestFileResult[] = [];
      for (const [index, input] of prints.entries()) {
        let pre: DsrFileAnalysis | undefined;
        if (index === 0 && firstAnalysis) {
          if ('error' in firstAnalysis) throw firstAnalysis.error;
          pre = firstAnalysis.analysis;
        }
        results.push(await ingestOne(store, input, index, runId, options, pre));
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

/** `pre`: the file's analysis when it was already read (its temp tables are still on the connection). */
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
  const a = pre ?? (await analyseDsrFile(store, file));
  const refusal = a.rejected ?? (await partRefusal(store, a, sha256));
  if (refusal !== null || !a.header || !a.reportId) {
    const reason = refusal ?? 'not a DSR';
    await store.run(sql`INSERT INTO input_files (file_id, kind, path, bytes, status, run_id, reason, received_at)
      VALUES (${sha256}, 'dsr', ${file}, ${input.bytes}, 'rejected', ${runId}, ${reason}, ${options.now().toISOString()}::TIMESTAMP)`);
    return { file, status: 'rejected', lines: a.lines, quarantined: 0, reason };
  }
  const reportId = a.reportId;
  const status = await store.transaction(async () => {
    step('write');
    await writeAnalysis(store, a, { fileId: sha256, bytes: input.bytes, runId, now: options.now(), onStep: step });
    const parts = await store.one<{ n: bigint }>(sql`SELECT count(*) AS n FROM dsr_report_parts WHERE report_id = ${reportId}`);
    if (Number(parts?.n ?? 0n) >= (a.header?.numberOfFiles ?? 1)) {
      step('complete');
      await completeReport(store, reportId, runId);
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

/** Why a readable DSR cannot join its report: a complete report, a part already in, or a different part count. */
async function partRefusal(store: Store, a: DsrFileAnalysis, sha256: string): Promise<string | null> {
  if (!a.reportId || !a.header) return null;
  const report = await store.one<{ status: string; parts_expected: number }>(sql`SELECT status, parts_expected FROM reports WHERE report_id = ${a.reportId}`);
  if (!report) return null;
  if (report.status === 'complete') return `report ${a.reportId} is already complete (another file with the same sender and MessageId)`;
  if (report.parts_expected !== a.header.numberOfFiles) {
    return `report ${a.reportId} was announced in ${report.parts_expected} files, this file says ${a.header.numberOfFiles}`;
  }
  const part = await store.one<{ file_id: string }>(sql`SELECT file_id FROM dsr_report_parts WHERE report_id = ${a.reportId} AND file_number = ${a.header.fileNumber}`);
  if (part && part.file_id !== sha256) return `part ${a.header.fileNumber} of report ${a.reportId} was already received from another file`;
  return null;
}
