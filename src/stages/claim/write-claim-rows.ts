import type { Invoice } from '../../formats/invoice/index.js';
import { quoteLiteral, type Store } from '../../warehouse/index.js';
import { insertRows } from './claim-files-sql.js';
import type { ComputedPool } from './compute-claims.js';

/**
 * Deletes the claim rows (invoices, claim_lines, claim_shares, claim_pools, claim_overclaims) of these
 * reports, one statement per table: a DELETE scans its table whatever the number of reports, so a run
 * deletes once for all its reports instead of once per report.
 */
export async function deleteClaimRows(store: Store, reportIds: readonly string[]): Promise<void> {
  const list = `[${reportIds.map((id) => quoteLiteral(id)).join(', ')}]::VARCHAR[]`;
  await store.transaction(async () => {
    await store.run(
      `DELETE FROM claim_shares WHERE claim_id IN (SELECT claim_id FROM claim_lines WHERE list_contains(${list}, report_id))`,
    );
    for (const table of ['claim_lines', 'invoices', 'claim_pools', 'claim_overclaims']) {
      await store.run(`DELETE FROM ${table} WHERE list_contains(${list}, report_id)`);
    }
  });
}

/** A report's invoices and pools (the formula inputs per summary), as `insertInvoicesAndPools` writes them. */
export interface ReportInvoicesAndPools {
  readonly reportId: string;
  readonly pools: readonly ComputedPool[];
  readonly invoices: readonly Invoice[];
  readonly cdmFile: string;
}

/** Inserts the invoices and pools of the run's reports, in their order, a few multi-row statements for the run. */
export async function insertInvoicesAndPools(
  store: Store,
  reports: readonly ReportInvoicesAndPools[],
  runId: string,
): Promise<void> {
  const money = (m: bigint) => m.toString();
  await insertRows(
    store,
    'invoices',
    reports.flatMap((r) =>
      r.invoices.map((inv) => [
        inv.invoiceId,
        r.reportId,
        inv.licensor,
        inv.rightsController,
        inv.currency,
        money(inv.amount),
        money(inv.performing),
        money(inv.mechanical),
        money(inv.heldOverclaim),
        r.cdmFile,
        'issued',
        runId,
      ]),
    ),
  );
  await insertRows(
    store,
    'claim_pools',
    reports.flatMap((r) =>
      r.pools.map((p) => [
        r.reportId,
        p.summary.summaryId,
        p.tariffLabel,
        money(p.summary.netRevenue),
        money(p.summary.subscribers ?? 0n),
        money(p.totalUsages),
        money(p.reportUsages),
        p.tariff.rateBp,
        money(p.tariff.minPerSubscriber),
        money(p.tariff.minPerStream),
        money(p.fee.rateAmount),
        money(p.fee.subscriberAmount),
        money(p.fee.streamAmount),
        money(p.fee.fee),
        p.fee.basis,
        p.tariff.split.performing,
        p.tariff.split.mechanical,
        p.currency,
        runId,
      ]),
    ),
  );
}
