import { quoteLiteral, sql, type Store } from '../../warehouse/index.js';
import type { ClaimDocuments } from './claim-documents.js';
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

    await writeInvoicesAndPools(store, reportId, claims.pools, docs, runId);
    for (const o of claims.overclaims) {
      await store.run(sql`INSERT INTO claim_overclaims VALUES (${reportId}, ${o.summaryId}, ${o.workId}, ${o.rightType}, ${o.ownShare}, ${o.othersShare},
        ${o.disputed}, ${o.status}, ${o.held.toString()}::HUGEINT, ${runId})`);
    }
  });
}

/** Inserts a report's invoices (from its documents) and its pools (the formula inputs per summary). */
export async function writeInvoicesAndPools(
  store: Store,
  reportId: string,
  pools: readonly ComputedPool[],
  docs: ClaimDocuments,
  runId: string,
): Promise<void> {
  for (const inv of docs.invoices) {
    await store.run(sql`INSERT INTO invoices VALUES (${inv.invoiceId}, ${reportId}, ${inv.licensor}, ${inv.rightsController}, ${inv.currency},
        ${inv.amount.toString()}::HUGEINT, ${inv.performing.toString()}::HUGEINT, ${inv.mechanical.toString()}::HUGEINT,
        ${inv.heldOverclaim.toString()}::HUGEINT, ${docs.cdmFile}, 'issued', ${runId})`);
  }
  for (const p of pools) {
    await store.run(sql`INSERT INTO claim_pools VALUES (${reportId}, ${p.summary.summaryId}, ${p.tariffLabel}, ${p.summary.netRevenue.toString()}::HUGEINT,
        ${(p.summary.subscribers ?? 0n).toString()}::BIGINT, ${p.totalUsages.toString()}::BIGINT, ${p.reportUsages.toString()}::BIGINT, ${p.tariff.rateBp},
        ${p.tariff.minPerSubscriber.toString()}::HUGEINT, ${p.tariff.minPerStream.toString()}::HUGEINT, ${p.fee.rateAmount.toString()}::HUGEINT,
        ${p.fee.subscriberAmount.toString()}::HUGEINT, ${p.fee.streamAmount.toString()}::HUGEINT, ${p.fee.fee.toString()}::HUGEINT, ${p.fee.basis},
        ${p.tariff.split.performing}, ${p.tariff.split.mechanical}, ${p.currency}, ${runId})`);
  }
}
