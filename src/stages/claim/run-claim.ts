import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { micros, parsePeriod, TuttiError, type Micros } from '../../domain/index.js';
import { formatCcid } from '../../formats/ccid/index.js';
import { formatCdm } from '../../formats/cdm/index.js';
import { formatInvoiceJson, renderInvoicePdf } from '../../formats/invoice/index.js';
import { recordRun, sql, type Store } from '../../warehouse/index.js';
import { buildClaimDocuments } from './claim-documents.js';
import type { ClaimConfig } from './claim-config.js';
import { computeClaimLinesSql } from './claim-lines-sql.js';
import { stageClaimInputs } from './stage-claim-inputs.js';
import { dropStagedClaimTables, insertStagedClaimRows, readStagedReport } from './staged-claim-rows.js';
import { deleteClaimRows, writeInvoicesAndPools } from './write-claim-rows.js';

export interface ClaimRunOptions {
  /** Claim these reports; else every complete report of `period`; else every complete report. */
  readonly reportIds?: readonly string[];
  /** `YYYY-MM`, `YYYY-Qn` or `YYYY`: reports whose usage period starts inside it. */
  readonly period?: string;
  /** Folder for claim files and invoices (one sub-folder per report). */
  readonly outDir: string;
  readonly config: ClaimConfig;
  /** ISO date printed on invoices and claim files; default the day after each report's period. */
  readonly issueDate?: string;
  readonly codeVersion: string;
  readonly now: () => Date;
  readonly onProgress?: (event: {
    readonly report: string;
    readonly done: number;
    readonly total: number;
  }) => void;
}

/** What `tutti claim` prints per report (amounts in micro-units). */
export interface ReportClaimResult {
  readonly report: string;
  readonly works_claimed: number;
  readonly amount_by_right: { readonly performing: Micros; readonly mechanical: Micros };
  readonly held_overclaim: Micros;
  readonly invoices: readonly {
    readonly invoice_id: string;
    readonly licensor: string;
    readonly amount: Micros;
  }[];
  readonly files: readonly string[];
}

export interface ClaimRunResult {
  readonly runId: string;
  readonly reports: readonly ReportClaimResult[];
  readonly totals: {
    readonly performing: Micros;
    readonly mechanical: Micros;
    readonly held_overclaim: Micros;
  };
}

const safeName = (id: string) => id.replace(/[^A-Za-z0-9._-]+/g, '-');

async function selectReports(store: Store, options: ClaimRunOptions): Promise<string[]> {
  if (options.reportIds && options.reportIds.length > 0) return [...options.reportIds];
  if (options.period !== undefined) {
    const p = parsePeriod(options.period);
    const rows = await store.all<{ report_id: string }>(sql`SELECT report_id FROM reports
      WHERE status = 'complete' AND period_start BETWEEN ${p.start}::DATE AND ${p.end}::DATE ORDER BY report_id`);
    return rows.map((r) => r.report_id);
  }
  const rows = await store.all<{ report_id: string }>(
    `SELECT report_id FROM reports WHERE status = 'complete' ORDER BY report_id`,
  );
  return rows.map((r) => r.report_id);
}

/**
 * The claim stage (issue 6): for each report, values the society's and each mandate's claims, replaces
 * the report's claim rows, and writes the CDM claim file, the CCID-style file and one invoice (JSON and
 * PDF) per licensor under `outDir/<report>/`. Recorded as one `claim` run. Idempotent: a re-run with the
 * same inputs and issue date gives the same rows and byte-identical files.
 */
export async function runClaim(store: Store, options: ClaimRunOptions): Promise<ClaimRunResult> {
  const reportIds = await selectReports(store, options);
  if (reportIds.length === 0)
    throw new TuttiError(
      'NOT_FOUND',
      'no complete report to claim; ingest DSR files first or check --report/--period',
    );
  const params = {
    reports: reportIds,
    period: options.period ?? null,
    outDir: options.outDir,
    issueDate: options.issueDate ?? null,
    config: options.config,
  };
  const run = await recordRun(
    store,
    { stage: 'claim', params, codeVersion: options.codeVersion, now: options.now() },
    options.now,
    // One transaction for the run: the reports' old rows deleted once (not per report); the claim lines
    // of every report computed and inserted set-based in DuckDB (claim-lines-sql.ts, the TypeScript
    // formulas being its oracle); then per report only the documents, built from the lines read back.
    // A run that fails leaves the previous claims as they were.
    (runId) =>
      store.transaction(async () => {
        const staged = await stageClaimInputs(store, reportIds, options.config);
        await deleteClaimRows(store, reportIds);
        await computeClaimLinesSql(store, options.config.society.code);
        const lines = await insertStagedClaimRows(store, runId);
        const reports: ReportClaimResult[] = [];
        for (const [i, reportId] of reportIds.entries()) {
          const { inputs, claims } = await readStagedReport(store, staged, reportId);
          const docs = buildClaimDocuments(
            inputs,
            claims,
            options.config,
            options.issueDate ?? inputs.report.dayAfterPeriod,
          );
          await writeInvoicesAndPools(store, reportId, claims.pools, docs, runId);
          const dir = join(options.outDir, safeName(reportId));
          await mkdir(dir, { recursive: true });
          const files: string[] = [];
          const put = async (name: string, data: string | Buffer) => {
            const path = join(dir, name);
            await writeFile(path, data);
            files.push(path);
          };
          await put(docs.cdmFile, formatCdm(docs.cdm));
          await put(docs.ccidFile, formatCcid(docs.ccid));
          for (const inv of docs.invoices) {
            await put(`${inv.invoiceId}.json`, formatInvoiceJson(inv));
            await put(`${inv.invoiceId}.pdf`, await renderInvoicePdf(inv));
          }
          const sumOf = (f: (l: (typeof claims.lines)[number]) => bigint) =>
            micros(claims.lines.reduce((s, l) => s + f(l), 0n));
          reports.push({
            report: reportId,
            works_claimed: new Set(claims.lines.map((l) => l.workId)).size,
            amount_by_right: {
              performing: sumOf((l) => (l.rightType === 'performing' ? l.claimedAmount : 0n)),
              mechanical: sumOf((l) => (l.rightType === 'mechanical' ? l.claimedAmount : 0n)),
            },
            held_overclaim: sumOf((l) => l.heldOverclaim),
            invoices: docs.invoices.map((inv) => ({
              invoice_id: inv.invoiceId,
              licensor: inv.licensor,
              amount: inv.amount,
            })),
            files,
          });
          options.onProgress?.({ report: reportId, done: i + 1, total: reportIds.length });
        }
        await dropStagedClaimTables(store);
        return { reports, counts: { reports: reports.length, claim_lines: lines } };
      }),
  );
  const total = (f: (r: ReportClaimResult) => Micros) => micros(run.reports.reduce((s, r) => s + f(r), 0n));
  return {
    runId: run.runId,
    reports: run.reports,
    totals: {
      performing: total((r) => r.amount_by_right.performing),
      mechanical: total((r) => r.amount_by_right.mechanical),
      held_overclaim: total((r) => r.held_overclaim),
    },
  };
}
