import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { micros, parsePeriod, TuttiError, type Micros } from '../../domain/index.js';
import { DEFAULT_MATCH_OPTIONS } from '../../matching/index.js';
import { sql, type Store } from '../../warehouse/index.js';
import { DEFAULT_CLAIM_CONFIG_JSON, parseClaimConfig, runClaim, type ClaimConfig } from '../claim/index.js';
import { importCwrFile } from '../cwr/index.js';
import { distribute } from '../distribute/index.js';
import { ingestDsrFiles } from '../dsr/index.js';
import { runIdentifyStage } from '../identify/index.js';
import { importMandates, markSocietyMembers, parseMandatesJson } from '../mandates/index.js';
import { findQuarterInputs } from './find-inputs.js';
import { payOpenInvoices } from './pay-open-invoices.js';

export interface QuarterOptions {
  /** `YYYY-MM`, `YYYY-Qn` or `YYYY`. */
  readonly period: string;
  readonly inDir: string;
  readonly outDir: string;
  /** Record every open invoice of the period as paid in full on the period's last day (demos, benchmarks). */
  readonly assumePaid: boolean;
  readonly claimConfig?: ClaimConfig;
  /** Write member statement PDFs (default true); CSV and Parquet statements are always written. */
  readonly statementPdfs?: boolean;
  readonly codeVersion: string;
  readonly now: () => Date;
  /** Called when a stage starts and ends, with its counts. */
  readonly onStage?: (event: {
    readonly stage: QuarterStage;
    readonly state: 'start' | 'done';
    readonly counts?: Record<string, unknown>;
  }) => void;
}

export const QUARTER_STAGES = [
  'cwr',
  'mandates',
  'dsr',
  'identify',
  'claim',
  'collect',
  'distribute',
] as const;
export type QuarterStage = (typeof QUARTER_STAGES)[number];

export interface QuarterResult {
  readonly period: string;
  readonly inputs: {
    readonly cwr: number;
    readonly dsr: number;
    readonly mandates: number;
    readonly ignored: readonly string[];
  };
  readonly stages: Record<QuarterStage, Record<string, unknown>>;
  readonly seconds: Record<QuarterStage, number>;
  readonly money: { readonly invoiced: Micros; readonly collected: Micros; readonly heldOverclaim: Micros };
  readonly conservation: Record<string, unknown> | null;
  readonly outputs: { readonly claims: string; readonly statements: string };
}

/**
 * Runs a whole period: imports the new CWR files, mandates and DSR files found under `inDir`, then
 * identifies, claims, (optionally) collects and distributes, each stage a recorded run.
 * Resumable: every stage is idempotent (files known by SHA-256; identify and claim replace a report's
 * rows; collect only pays what is outstanding; distribute runs once per period unless new money or
 * corrections arrived), so running the same command after a crash completes the period and gives the
 * same outputs.
 */
export async function runQuarter(store: Store, options: QuarterOptions): Promise<QuarterResult> {
  const period = parsePeriod(options.period);
  const run = { codeVersion: options.codeVersion, now: options.now };
  const inputs = await findQuarterInputs(options.inDir);
  const claimsDir = join(options.outDir, 'claims');
  const statementsDir = join(options.outDir, 'statements');
  const stages = {} as Record<QuarterStage, Record<string, unknown>>;
  const seconds = {} as Record<QuarterStage, number>;

  const stage = async (name: QuarterStage, work: () => Promise<Record<string, unknown>>) => {
    options.onStage?.({ stage: name, state: 'start' });
    const started = performance.now();
    const counts = await work();
    seconds[name] = Math.round(performance.now() - started) / 1000;
    stages[name] = counts;
    options.onStage?.({ stage: name, state: 'done', counts });
  };

  await stage('cwr', async () => {
    const counts = { files: inputs.cwr.length, imported: 0, duplicate: 0, rejected: 0, works: 0 };
    for (const file of inputs.cwr) {
      const result = await importCwrFile(store, file, run);
      counts[
        result.status === 'imported' ? 'imported' : result.status === 'duplicate' ? 'duplicate' : 'rejected'
      ]++;
      counts.works += result.works;
    }
    return counts;
  });

  const config = options.claimConfig ?? parseClaimConfig(DEFAULT_CLAIM_CONFIG_JSON);
  await stage('mandates', async () => {
    let mandates = 0;
    for (const file of inputs.mandates) {
      mandates += (
        await importMandates(store, parseMandatesJson(await readFile(file, 'utf8'), file), {
          ...run,
          source: file,
        })
      ).mandates;
    }
    return { mandates, members: await markSocietyMembers(store, config.society.code) };
  });

  await stage('dsr', async () => {
    const result = await ingestDsrFiles(store, inputs.dsr, run);
    return { ...result.totals };
  });

  await stage('identify', async () => {
    const result = await runIdentifyStage(store, {
      period: period.text,
      options: DEFAULT_MATCH_OPTIONS,
      ...run,
    });
    return { ...result.totals };
  });

  let heldOverclaim = micros(0n);
  await stage('claim', async () => {
    const complete = await store.one<{ n: bigint }>(sql`SELECT count(*) AS n FROM reports
      WHERE status = 'complete' AND period_start BETWEEN ${period.start}::DATE AND ${period.end}::DATE`);
    if (!complete || complete.n === 0n) return { reports: 0 };
    const result = await runClaim(store, { period: period.text, outDir: claimsDir, config, ...run });
    heldOverclaim = result.totals.held_overclaim;
    return {
      reports: result.reports.length,
      performing: result.totals.performing,
      mechanical: result.totals.mechanical,
      held_overclaim: result.totals.held_overclaim,
    };
  });

  await stage('collect', async () => {
    if (!options.assumePaid) return { payments: 0, skipped: 'no --assume-paid' };
    // One run and one INSERT for every open invoice (was one run per invoice).
    const payments = await payOpenInvoices(store, period, run);
    return { payments };
  });

  let conservation: Record<string, unknown> | null = null;
  await stage('distribute', async () => {
    const result = await distribute(store, {
      period: period.text,
      outDir: statementsDir,
      pdf: options.statementPdfs ?? true,
      ...run,
    });
    conservation = result.conservation as unknown as Record<string, unknown>;
    return {
      distribution: result.distribution,
      unchanged: result.unchanged,
      holders: result.statements.holders,
      lines: result.statements.lines,
    };
  });

  const money = await store.one<{ invoiced: bigint; collected: bigint }>(sql`SELECT
      coalesce((SELECT sum(i.amount) FROM invoices i JOIN reports r USING (report_id)
        WHERE r.period_start BETWEEN ${period.start}::DATE AND ${period.end}::DATE), 0)::HUGEINT AS invoiced,
      coalesce((SELECT sum(p.amount) FROM payments p JOIN invoices i USING (invoice_id) JOIN reports r USING (report_id)
        WHERE r.period_start BETWEEN ${period.start}::DATE AND ${period.end}::DATE), 0)::HUGEINT AS collected`);
  if (!money) throw new TuttiError('INTERNAL', 'could not read the period totals');
  return {
    period: period.text,
    inputs: {
      cwr: inputs.cwr.length,
      dsr: inputs.dsr.length,
      mandates: inputs.mandates.length,
      ignored: inputs.other,
    },
    stages,
    seconds,
    money: { invoiced: micros(money.invoiced), collected: micros(money.collected), heldOverclaim },
    conservation,
    outputs: { claims: claimsDir, statements: statementsDir },
  };
}
