import { formatMicros, territoryCovers, TuttiError } from '../../domain/index.js';
import { escapeDsrValue, formatMultiValue } from '../../formats/dsr/index.js';
import type { DuckDBValue } from '@duckdb/node-api';
import type { Store } from '../../warehouse/index.js';
import { findTariff, type ClaimConfig } from './claim-config.js';
import type { ClaimReport, ClaimSummary } from './claim-inputs.js';
import { mandateCovers, type MandateScope } from './claimable-share.js';
import { CLAIMED_RIGHTS, type ComputedPool } from './compute-claims.js';
import { loadMandates } from './load-claim-inputs.js';
import { computeFee } from './royalty-pool.js';
import { insertRows } from './claim-files-sql.js';
import { big, claimReportFromRow, claimSummaryFromRow, type Row } from './row-values.js';

/** What the run's documents need per report, beside the claim lines staged in SQL. */
export interface StagedReport {
  readonly report: ClaimReport;
  /** The report's number in the run's temp tables. */
  readonly rep: number;
  readonly pools: readonly ComputedPool[];
  /** The `ctx` of each pool's summary in the temp tables, in the order of `pools`. */
  readonly ctxs: readonly number[];
  readonly currency: string;
}

export interface StagedClaimRun {
  readonly reports: ReadonlyMap<string, StagedReport>;
  readonly mandates: readonly MandateScope[];
  /** Mandate ids by their `lic_ord` in `claim_lic` (0, the society, is not a mandate). */
  readonly mandateByOrd: ReadonlyMap<number, string>;
}

/**
 * Stages the inputs of a claim run for the set-based path, every report at once: the temp tables
 * `claim_run_reports`, `claim_res` (royalty-bearing usages per summary × resource, with the lowest
 * accepted work), `claim_ctx` (per summary: the fee by the greater-of rule, the pro-rata basis, the
 * split, the territory of use), `claim_scope` (mandates covering each summary × right) and `claim_terr`
 * (share territory expressions × territories of use). The per-summary formulas run in TypeScript
 * (`computeFee`, `findTariff`, `mandateCovers`, `territoryCovers`): a handful of rows per report.
 * @throws TuttiError NOT_FOUND / CONFLICT for a missing or incomplete report, CONFLICT for mixed currencies.
 */
export async function stageClaimInputs(
  store: Store,
  reportIds: readonly string[],
  config: ClaimConfig,
): Promise<StagedClaimRun> {
  // rep: the report's place in the run; report_cell: its id as a claim-file cell (claim ids begin with it).
  await store.run(`CREATE OR REPLACE TEMP TABLE claim_run_reports (report_id VARCHAR PRIMARY KEY, rep INTEGER NOT NULL,
    report_cell VARCHAR NOT NULL)`);
  await insertRows(
    store,
    'claim_run_reports',
    reportIds.map((id, i) => [id, i, escapeDsrValue(id)]),
  );
  const reportRows =
    await store.all<Row>(`SELECT q.report_id, r.report_id IS NOT NULL AS found, message_id, sender,
      coalesce(sender_name, sender) AS sender_name, service, territory,
      strftime(period_start, '%Y-%m-%d') AS period_start, strftime(period_end, '%Y-%m-%d') AS period_end,
      strftime(period_end + INTERVAL 1 DAY, '%Y-%m-%d') AS day_after, status
    FROM claim_run_reports q LEFT JOIN reports r USING (report_id)`);
  const byId = new Map(reportRows.map((r) => [String(r['report_id']), r]));
  const reports = new Map<string, ClaimReport>();
  for (const reportId of reportIds) {
    const r = byId.get(reportId);
    if (!r || r['found'] !== true)
      throw new TuttiError('NOT_FOUND', `report ${reportId} is not in the store; ingest its DSR first`, {
        value: reportId,
      });
    if (r['status'] !== 'complete')
      throw new TuttiError(
        'CONFLICT',
        `report ${reportId} is ${String(r['status'])}: claims wait until every part has arrived`,
        { value: reportId },
      );
    reports.set(reportId, claimReportFromRow(reportId, r));
  }

  await store.run(`CREATE OR REPLACE TEMP TABLE claim_res AS
    WITH m AS (
      SELECT report_id, block_id, resource_ref, min(work_id) AS work_id FROM matches
      WHERE report_id IN (SELECT report_id FROM claim_run_reports) AND status = 'accepted' AND work_id IS NOT NULL
      GROUP BY report_id, block_id, resource_ref),
    u AS (
      SELECT report_id, summary_id, block_id, resource_ref, min(dsp_resource_id) AS dsp_resource_id,
        min(transaction_id) AS transaction_id, sum(usages)::BIGINT AS usages
      FROM usage_lines
      WHERE report_id IN (SELECT report_id FROM claim_run_reports) AND summary_id IS NOT NULL AND resource_ref IS NOT NULL
        AND coalesce(royalty_bearing, true)
      GROUP BY report_id, summary_id, block_id, resource_ref HAVING sum(usages) > 0)
    SELECT row_number() OVER (ORDER BY u.report_id, u.summary_id, u.block_id, u.resource_ref) AS res, u.*, m.work_id
    FROM u LEFT JOIN m USING (report_id, block_id, resource_ref)`);

  const summaryRows = await store.all<Row>(`WITH s AS (
      SELECT report_id, summary_id, commercial_model, use_type, territory, service_description, usages,
        total_usages, subscribers, currency, net_revenue
      FROM report_summaries WHERE report_id IN (SELECT report_id FROM claim_run_reports)
      QUALIFY row_number() OVER (PARTITION BY report_id, summary_id ORDER BY record_type) = 1),
    ru AS (SELECT report_id, summary_id, sum(usages)::BIGINT AS report_usages FROM claim_res GROUP BY ALL)
    SELECT s.*, coalesce(ru.report_usages, 0) AS report_usages FROM s LEFT JOIN ru USING (report_id, summary_id)
    ORDER BY s.report_id, s.summary_id`);
  const mandates = await loadMandates(store);
  const staged = new Map<string, StagedReport>();
  const pools = new Map<string, ComputedPool[]>();
  const ctxRows: DuckDBValue[][] = [];
  const repOf = new Map(reportIds.map((id, i) => [id, i]));
  const ctxs = new Map<string, number[]>();
  const scopeRows: DuckDBValue[][] = [];
  const territoriesOfUse = new Set<string>();
  for (const s of summaryRows) {
    const reportId = String(s['report_id']);
    const report = reports.get(reportId) as ClaimReport;
    const summary: ClaimSummary = claimSummaryFromRow(s);
    const reportUsages = big(s['report_usages']) ?? 0n;
    const totalUsages = summary.totalUsages ?? summary.usages ?? reportUsages;
    const services = [report.service, summary.serviceDescription];
    const tariff = findTariff(config, services, summary.commercialModel);
    const fee = computeFee(
      { netRevenue: summary.netRevenue, subscribers: summary.subscribers ?? 0n, totalUsages },
      tariff,
    );
    const basis = totalUsages > reportUsages ? totalUsages : reportUsages;
    const list = pools.get(reportId) ?? [];
    list.push({
      summary,
      tariff,
      fee,
      totalUsages: basis,
      reportUsages,
      currency: summary.currency ?? config.currency,
      tariffLabel: `${tariff.service}/${tariff.commercialModel}`,
    });
    pools.set(reportId, list);
    const territory = summary.territory ?? report.territory;
    territoriesOfUse.add(territory);
    const ctx = ctxRows.length;
    ctxRows.push([
      ctx,
      repOf.get(reportId) as number,
      reportId,
      summary.summaryId,
      fee.fee.toString(),
      fee.basis,
      basis.toString(),
      reportUsages.toString(),
      tariff.split.performing,
      tariff.split.mechanical,
      territory,
      summary.serviceDescription,
      summary.commercialModel,
      escapeDsrValue(summary.summaryId),
      // CD01 TariffParameterValue without its last value (the line's held overclaim).
      `${formatMultiValue([fee.basis, formatMicros(fee.fee), basis.toString()])}|`,
    ]);
    ctxs.set(reportId, [...(ctxs.get(reportId) ?? []), ctx]);
    for (const rightType of CLAIMED_RIGHTS) {
      const use = {
        territory,
        date: report.periodStart,
        services: services.filter((x): x is string => x !== null),
        commercialModel: summary.commercialModel,
        rightType,
      };
      // One row per way a share falls under the mandate: held by the mandator, or affiliated to it.
      for (const m of mandates.filter((x) => mandateCovers(x, use))) {
        scopeRows.push([ctx, rightType, m.mandateId, m.mandatorPartyId, null]);
        for (const society of m.mandatorSocieties)
          scopeRows.push([ctx, rightType, m.mandateId, null, society]);
      }
    }
  }
  for (const [reportId, report] of reports) {
    const list = pools.get(reportId) ?? [];
    const currencies = [...new Set(list.map((p) => p.currency))];
    if (currencies.length > 1)
      throw new TuttiError(
        'CONFLICT',
        `report ${reportId} mixes currencies (${currencies.join(', ')}); one invoice needs one currency`,
      );
    staged.set(reportId, {
      report,
      rep: repOf.get(reportId) as number,
      pools: list,
      ctxs: ctxs.get(reportId) ?? [],
      currency: currencies[0] ?? config.currency,
    });
  }

  await store.run(`CREATE OR REPLACE TEMP TABLE claim_ctx (ctx INTEGER, rep INTEGER, report_id VARCHAR, summary_id VARCHAR,
    fee HUGEINT, fee_basis VARCHAR, basis_usages BIGINT, report_usages BIGINT, split_p INTEGER, split_m INTEGER,
    territory VARCHAR, service VARCHAR, commercial_model VARCHAR, summary_cell VARCHAR, tariff_cell_prefix VARCHAR)`);
  await store.run(`CREATE OR REPLACE TEMP TABLE claim_scope (ctx INTEGER, right_type VARCHAR, mandate_id VARCHAR,
    party_id VARCHAR, society VARCHAR)`);
  await insertRows(store, 'claim_ctx', ctxRows);
  await insertRows(store, 'claim_scope', scopeRows);
  // Licensors in claim-file order: the society, then the mandates by id (as claimLicensors sorts them).
  const mandateIds = mandates.map((m) => m.mandateId).sort();
  await store.run(`CREATE OR REPLACE TEMP TABLE claim_lic (licensor VARCHAR, lic_ord INTEGER)`);
  await insertRows(store, 'claim_lic', [['society', 0], ...mandateIds.map((id, i) => [id, i + 1])]);

  // Territory expressions repeat: each distinct expression × territory of use is resolved once, here.
  const expressions = await store.all<{ territories: string }>(`SELECT DISTINCT territories FROM work_shares
    WHERE right_type IN ('performing', 'mechanical') AND collection_share > 0
      AND work_id IN (SELECT work_id FROM claim_res WHERE work_id IS NOT NULL)`);
  await store.run(
    `CREATE OR REPLACE TEMP TABLE claim_terr (territories VARCHAR, territory VARCHAR, covers BOOLEAN)`,
  );
  const terr: DuckDBValue[][] = [];
  for (const { territories } of expressions)
    for (const t of territoriesOfUse) if (territoryCovers(territories, t)) terr.push([territories, t, true]);
  await insertRows(store, 'claim_terr', terr);
  return { reports: staged, mandates, mandateByOrd: new Map(mandateIds.map((id, i) => [i + 1, id])) };
}
