import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { micros, parsePeriod, TuttiError, type Micros } from '../../domain/index.js';
import type { DuckDBValue } from '@duckdb/node-api';
import { formatCcidHeaderRow, formatCcidTrailerRow } from '../../formats/ccid/index.js';
import { formatCdmHeaderRow, formatCdmSummaryRow, formatCdmTrailerRow } from '../../formats/cdm/index.js';
import { escapeDsrValue } from '../../formats/dsr/index.js';
import { formatInvoiceJson, renderInvoicePdf, type Invoice } from '../../formats/invoice/index.js';
import { recordRun, sql, type Store } from '../../warehouse/index.js';
import {
  ccidHeaderOf,
  cdmHeaderOf,
  cdmSummaryOf,
  claimFileNames,
  claimLicensors,
  invoiceOf,
  type ClaimFileNames,
  type ClaimLicensor,
} from './claim-documents.js';
import type { ClaimConfig } from './claim-config.js';
import {
  copyCcidFile,
  copyCdmFile,
  createClaimCellMacros,
  insertRows,
  stageClaimFileRows,
  stageClaimResourceCells,
  type StagedFileRow,
} from './claim-files-sql.js';
import { computeClaimLinesSql } from './claim-lines-sql.js';
import type { ClaimedRight, ComputedPool } from './compute-claims.js';
import { stageClaimInputs, type StagedClaimRun, type StagedReport } from './stage-claim-inputs.js';
import { dropStagedClaimTables, insertStagedClaimRows } from './staged-claim-rows.js';
import { deleteClaimRows, insertInvoicesAndPools } from './write-claim-rows.js';

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

/** A report × licensor × summary × right total of the staged claim lines. */
interface LineTotal {
  readonly rep: number;
  readonly ctx: number;
  readonly lic_ord: number;
  readonly right_ord: number;
  readonly claimed: bigint;
  readonly held: bigint;
  readonly lines: bigint;
}

/** What a report's files and invoices are, planned from the staged lines' totals (few rows). */
interface ReportPlan {
  readonly reportId: string;
  readonly staged: StagedReport;
  readonly names: ClaimFileNames;
  readonly invoices: readonly Invoice[];
  readonly worksClaimed: number;
  readonly performing: Micros;
  readonly mechanical: Micros;
  readonly held: Micros;
}

/**
 * Plans every report's documents from the totals of its staged lines: licensors, invoices, and the
 * header, summary and trailer records of both files (staged in `claim_file_rows`, with `claim_inv`:
 * each report × licensor's invoice and cells). The claim records themselves stay in DuckDB.
 */
async function planReports(
  store: Store,
  run: StagedClaimRun,
  reportIds: readonly string[],
  options: ClaimRunOptions,
): Promise<ReportPlan[]> {
  const totals =
    await store.all<LineTotal>(`SELECT rep, ctx, lic_ord, right_ord, sum(claimed_amount)::HUGEINT AS claimed,
      sum(held_overclaim)::HUGEINT AS held, count(*) AS lines
    FROM claim_line GROUP BY ALL ORDER BY ALL`);
  const perReport = await store.all<{ rep: number; works: bigint; cd01: bigint }>(`SELECT rep,
      count(DISTINCT work_id) AS works, count(*) AS cd01 FROM claim_cd GROUP BY rep`);
  const countsOf = new Map(perReport.map((r) => [r.rep, r]));
  const config = options.config;
  const fileRows: StagedFileRow[] = [];
  const invRows: DuckDBValue[][] = [];
  const plans: ReportPlan[] = [];
  for (const reportId of reportIds) {
    const staged = run.reports.get(reportId);
    if (!staged) throw new TuttiError('INTERNAL', `report ${reportId} was not staged`);
    const { report, rep } = staged;
    const mine = totals.filter((t) => t.rep === rep);
    const mandateOrds = [...new Set(mine.map((t) => t.lic_ord))].filter((o) => o > 0);
    const licensors = claimLicensors(
      report,
      mandateOrds.map((o) => run.mandateByOrd.get(o) as string),
      run.mandates,
      config,
    );
    const ordOf = new Map([[0, 'society'], ...[...run.mandateByOrd].map(([o, id]) => [o, id] as const)]);
    const licOf = new Map(licensors.map((l) => [l.licensor, l]));
    const issueDate = options.issueDate ?? report.dayAfterPeriod;
    const names = claimFileNames(report, config, issueDate);
    const poolOf = new Map(staged.ctxs.map((ctx, i) => [ctx, staged.pools[i] as ComputedPool]));
    const modelOf = (ctx: number) => poolOf.get(ctx)?.summary.commercialModel ?? '';
    const rightOf = (t: LineTotal): ClaimedRight => (t.right_ord === 0 ? 'performing' : 'mechanical');

    for (const lic of licensors) {
      const ord = [...ordOf].find(([, id]) => id === lic.licensor)?.[0] ?? 0;
      invRows.push([
        rep,
        ord,
        lic.invoiceId,
        escapeDsrValue(lic.invoiceId),
        escapeDsrValue(lic.licensor),
        escapeDsrValue(lic.rightsController),
        `-${escapeDsrValue(lic.licensor)}`,
      ]);
    }
    const invoices = licensors.map((lic) =>
      invoiceOf(
        report,
        lic,
        mine
          .filter((t) => ordOf.get(t.lic_ord) === lic.licensor)
          .map((t) => ({
            commercialModel: modelOf(t.ctx),
            rightType: rightOf(t),
            amount: micros(t.claimed),
            heldOverclaim: micros(t.held),
          })),
        { config, currency: staged.currency, cdmFile: names.cdmFile, issueDate },
      ),
    );

    // CDM: header, one CS01 per summary × licensor with lines (then its CD01 from SQL), SRFO.
    const key = (a: number | bigint, b = 0, c = 0): [bigint, bigint, bigint] => [
      BigInt(a),
      BigInt(b),
      BigInt(c),
    ];
    const row = (file: 'cdm' | 'ccid', keys: [bigint, bigint, bigint], line: string) =>
      fileRows.push({ rep, file, keys, line });
    row('cdm', key(-1), formatCdmHeaderRow(cdmHeaderOf(report, config, names.created)));
    let cs01 = 0;
    for (const [i, ctx] of staged.ctxs.entries()) {
      const pool = staged.pools[i] as ComputedPool;
      for (const [ord, licensor] of [...ordOf].sort(([a], [b]) => a - b)) {
        const group = mine.filter((t) => t.ctx === ctx && t.lic_ord === ord);
        if (group.length === 0) continue;
        const lic = licOf.get(licensor) as ClaimLicensor;
        const total = micros(group.reduce((s, t) => s + t.claimed, 0n));
        row(
          'cdm',
          key(ctx, ord),
          formatCdmSummaryRow(cdmSummaryOf(report, pool, lic, staged.currency), total),
        );
        cs01++;
      }
    }
    const cd01 = Number(countsOf.get(rep)?.cd01 ?? 0n);
    row('cdm', key(TRAILER_KEY), formatCdmTrailerRow(1 + cs01 + cd01 + 1, cs01));

    // CCID-style: HDR, one ID per claim line from SQL, TRL.
    const sum = (f: (t: LineTotal) => bigint) => micros(mine.reduce((s, t) => s + f(t), 0n));
    const claimed = sum((t) => t.claimed);
    const held = sum((t) => t.held);
    const lineCount = Number(mine.reduce((s, t) => s + t.lines, 0n));
    row('ccid', key(-1), formatCcidHeaderRow(ccidHeaderOf(report, config, names.created, staged.currency)));
    row('ccid', key(TRAILER_KEY), formatCcidTrailerRow(lineCount, claimed, held));

    plans.push({
      reportId,
      staged,
      names,
      invoices,
      worksClaimed: Number(countsOf.get(rep)?.works ?? 0n),
      performing: sum((t) => (t.right_ord === 0 ? t.claimed : 0n)),
      mechanical: sum((t) => (t.right_ord === 1 ? t.claimed : 0n)),
      held,
    });
  }
  await store.run(`CREATE OR REPLACE TEMP TABLE claim_inv (rep INTEGER, lic_ord INTEGER, invoice_id VARCHAR,
    invoice_cell VARCHAR, licensor_cell VARCHAR, rights_controller_cell VARCHAR, licensor_suffix_cell VARCHAR)`);
  await insertRows(store, 'claim_inv', invRows);
  await stageClaimFileRows(store, fileRows);
  return plans;
}

/** The sort key of a file's last record (after every claim record). */
const TRAILER_KEY = 2n ** 62n;

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
    // One transaction for the run, set-based in DuckDB: the reports' old rows deleted once; the claim
    // lines of every report computed (claim-lines-sql.ts, the TypeScript formulas being its oracle) and
    // inserted; the claim files written by COPY from the staged lines (claim-files-sql.ts). TypeScript
    // only plans the documents from the lines' totals and writes the invoices (a few per report).
    // A run that fails leaves the previous claims as they were.
    (runId) =>
      store.transaction(async () => {
        const staged = await stageClaimInputs(store, reportIds, options.config);
        await deleteClaimRows(store, reportIds);
        await computeClaimLinesSql(store, options.config.society.code);
        const plans = await planReports(store, staged, reportIds, options);
        const lines = await insertStagedClaimRows(store, runId);
        await insertInvoicesAndPools(
          store,
          plans.map((p) => ({
            reportId: p.reportId,
            pools: p.staged.pools,
            invoices: p.invoices,
            cdmFile: p.names.cdmFile,
          })),
          runId,
        );
        await createClaimCellMacros(store);
        await stageClaimResourceCells(store);
        const reports: ReportClaimResult[] = [];
        for (const [i, plan] of plans.entries()) {
          const dir = join(options.outDir, safeName(plan.reportId));
          await mkdir(dir, { recursive: true });
          const files = [join(dir, plan.names.cdmFile), join(dir, plan.names.ccidFile)];
          await copyCdmFile(store, plan.staged.rep, files[0] as string);
          await copyCcidFile(store, plan.staged.rep, files[1] as string);
          for (const inv of plan.invoices) {
            const path = join(dir, inv.invoiceId);
            await writeFile(`${path}.json`, formatInvoiceJson(inv));
            await writeFile(`${path}.pdf`, await renderInvoicePdf(inv));
            files.push(`${path}.json`, `${path}.pdf`);
          }
          reports.push({
            report: plan.reportId,
            works_claimed: plan.worksClaimed,
            amount_by_right: { performing: plan.performing, mechanical: plan.mechanical },
            held_overclaim: plan.held,
            invoices: plan.invoices.map((inv) => ({
              invoice_id: inv.invoiceId,
              licensor: inv.licensor,
              amount: inv.amount,
            })),
            files,
          });
          options.onProgress?.({ report: plan.reportId, done: i + 1, total: plans.length });
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
