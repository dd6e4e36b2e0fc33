import { sql, type Store } from '../../warehouse/index.js';

/**
 * Writes the staged claim lines of the whole run (`claim_line`, `claim_cl`, with the
 * invoice of each report × licensor in `claim_inv`) into `claim_lines`, `claim_shares` and
 * `claim_overclaims`, set-based (the caller deleted the reports' old rows). Claim lines and overclaims
 * go in claim-file order; the shares (3 M rows for a 2 M-line quarter) in no particular order: their
 * readers join and group them by claim id, party and role, and a sort spilled to disk.
 * Returns the number of claim lines.
 */
export async function insertStagedClaimRows(store: Store, runId: string): Promise<number> {
  await store.run(sql`INSERT INTO claim_lines
    SELECT l.claim_id, i.invoice_id, c.report_id, c.summary_id, r.block_id, r.resource_ref, r.dsp_resource_id, l.work_id, l.right_type,
      l.licensor, l.mandate_id, c.service, c.commercial_model, c.territory, rep.period_start, rep.period_end, r.usages,
      l.work_value, l.share_claimed, l.claimed_amount, l.held_overclaim, ${runId}
    FROM claim_line l JOIN claim_res r USING (res) JOIN claim_ctx c ON c.ctx = l.ctx
      JOIN claim_inv i ON i.rep = l.rep AND i.lic_ord = l.lic_ord JOIN reports rep ON rep.report_id = c.report_id
    ORDER BY l.ord`);
  await store.run(`INSERT INTO claim_shares
    SELECT l.claim_id, cl.party_id, cl.role, cl.share
    FROM claim_line l JOIN claim_cl cl ON cl.ctx = l.ctx AND cl.work_id = l.work_id AND cl.right_type = l.right_type AND cl.licensor = l.licensor
    ORDER BY l.ord, cl.party_id, cl.role`);
  // One row per summary × work × right with an overclaim, held summed over its resources and claimants.
  await store.run(sql`INSERT INTO claim_overclaims
    SELECT any_value(c.report_id), any_value(c.summary_id), l.work_id, l.right_type, any_value(own), any_value(others),
      any_value(disputed), CASE WHEN any_value(own) + any_value(others) > 11500 THEN 'MajorOverClaim' ELSE 'MinorOverClaim' END,
      sum(held_overclaim)::HUGEINT, ${runId}
    FROM claim_line l JOIN claim_ctx c USING (ctx) WHERE disputed > 0 AND own + others > 10000
    GROUP BY l.ctx, l.work_id, l.right_type
    ORDER BY min(l.ord)`);
  const n = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM claim_line`);
  return Number(n?.n ?? 0n);
}

/** Drops the run's temp tables: the staged lines of a large quarter would otherwise stay in memory. */
export async function dropStagedClaimTables(store: Store): Promise<void> {
  for (const table of [
    'claim_file_rows',
    'claim_rdoc',
    'claim_inv',
    'claim_cd',
    'claim_line',
    'claim_cl',
    'claim_val',
    'claim_res',
    'claim_ctx',
    'claim_scope',
    'claim_terr',
    'claim_lic',
    'claim_run_reports',
  ])
    await store.run(`DROP TABLE IF EXISTS ${table}`);
}
