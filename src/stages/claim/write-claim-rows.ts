import type { Invoice } from '../../formats/invoice/index.js';
import { quoteLiteral, sql, type Store } from '../../warehouse/index.js';
import type { ClaimDocuments } from './claim-documents.js';
import { insertRows } from './claim-files-sql.js';
import type { ComputedClaims, ComputedPool } from './compute-claims.js';

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

/**
 * Replaces a report's rows in invoices, claim_lines, claim_shares, claim_pools and claim_overclaims
 * with these claims, in one transaction (a re-run replaces, never adds). Lines go through the Appender.
 * `deleted`: the caller already deleted the report's rows in this transaction (`deleteClaimRows`).
 */
export async function writeClaimRows(
  store: Store,
  reportId: string,
  claims: ComputedClaims,
  docs: ClaimDocuments,
  runId: string,
  deleted = false,
): Promise<void> {
  await store.transaction(async () => {
    if (!deleted) await deleteClaimRows(store, [reportId]);
    const report = (await store.one<{ s: string; e: string }>(
      sql`SELECT period_start::VARCHAR AS s, period_end::VARCHAR AS e FROM reports WHERE report_id = ${reportId}`,
    ))!;
    const invoiceOf = new Map(docs.licensors.map((l) => [l.licensor, l.invoiceId]));

    const lines = await store.connection.createAppender('claim_lines');
    const shares = await store.connection.createAppender('claim_shares');
    try {
      for (const l of claims.lines) {
        const nullable = (v: string | null) => (v === null ? lines.appendNull() : lines.appendVarchar(v));
        lines.appendVarchar(l.claimId);
        lines.appendVarchar(invoiceOf.get(l.licensor) as string);
        lines.appendVarchar(reportId);
        lines.appendVarchar(l.summary.summaryId);
        lines.appendVarchar(l.resource.blockId);
        lines.appendVarchar(l.resource.resourceRef);
        nullable(l.resource.dspResourceId);
        lines.appendVarchar(l.workId);
        lines.appendVarchar(l.rightType);
        lines.appendVarchar(l.licensor);
        nullable(l.mandateId);
        nullable(l.summary.serviceDescription);
        nullable(l.summary.commercialModel);
        lines.appendVarchar(l.territory);
        lines.appendVarchar(report.s);
        lines.appendVarchar(report.e);
        lines.appendBigInt(l.resource.usages);
        lines.appendHugeInt(l.workValue);
        lines.appendInteger(l.shareClaimed);
        lines.appendHugeInt(l.claimedAmount);
        lines.appendHugeInt(l.heldOverclaim);
        lines.appendVarchar(runId);
        lines.endRow();
        for (const p of l.parties) {
          shares.appendVarchar(l.claimId);
          shares.appendVarchar(p.partyId);
          shares.appendVarchar(p.role);
          shares.appendInteger(p.share);
          shares.endRow();
        }
      }
      lines.flushSync();
      shares.flushSync();
    } finally {
      lines.closeSync();
      shares.closeSync();
    }

    await insertInvoicesAndPools(
      store,
      [{ reportId, pools: claims.pools, invoices: docs.invoices, cdmFile: docs.cdmFile }],
      runId,
    );
    for (const o of claims.overclaims) {
      await store.run(sql`INSERT INTO claim_overclaims VALUES (${reportId}, ${o.summaryId}, ${o.workId}, ${o.rightType}, ${o.ownShare}, ${o.othersShare},
        ${o.disputed}, ${o.status}, ${o.held.toString()}::HUGEINT, ${runId})`);
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
