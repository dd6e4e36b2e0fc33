import { sql, type Store } from '../../warehouse/index.js';

/**
 * Writes the staged claim lines of the whole run (`claim_line`, `claim_cl`, with the
 * invoice of each report × licensor in `claim_inv`) into `claim_lines`, `claim_share_sets` and
 * `claim_overclaims`, set-based (the caller deleted the reports' old rows). Overclaims go in claim-file
 * order; claim lines in no particular order (every reader filters, joins or sorts them; sorting 12 M
 * wide rows of a 20 M-line quarter spilled to disk); each distinct set of holders once
 * (`claim_cla.set_no`, numbered after the store's largest set), named by its lines' `share_set`
 * (migration 042).
 * Returns the number of claim lines.
 */
export async function insertStagedClaimRows(store: Store, runId: string): Promise<number> {
  // The run's share sets are numbered after those already stored (the caller removed the orphans).
  const base = Number(
    (await store.one<{ n: bigint }>('SELECT coalesce(max(share_set), 0)::BIGINT AS n FROM claim_share_sets'))
      ?.n ?? 0n,
  );
  await store.run(sql`INSERT INTO claim_lines
    SELECT l.claim_id, i.invoice_id, c.report_id, c.summary_id, r.block_id, r.resource_ref, r.dsp_resource_id, l.work_id, l.right_type,
      l.licensor, l.mandate_id, c.service, c.commercial_model, c.territory, rep.period_start, rep.period_end, r.usages,
      l.work_value, l.share_claimed, l.claimed_amount, l.held_overclaim, ${runId}, l.set_no + ${base}
    FROM claim_line l JOIN claim_res r USING (res) JOIN claim_ctx c ON c.ctx = l.ctx
      JOIN claim_inv i ON i.rep = l.rep AND i.lic_ord = l.lic_ord JOIN reports rep ON rep.report_id = c.report_id`);
  // Each set's holders once, from one of the context × work × right × licensor groups that have it.
  await store.run(`INSERT INTO claim_share_sets
    SELECT s.set_no + ${base}, cl.party_id, cl.role, cl.share
    FROM (SELECT set_no, any_value({'ctx': ctx, 'work_id': work_id, 'right_type': right_type, 'licensor': licensor}) AS g
          FROM claim_cla GROUP BY set_no) s
      JOIN claim_cl cl ON cl.ctx = s.g.ctx AND cl.work_id = s.g.work_id AND cl.right_type = s.g.right_type AND cl.licensor = s.g.licensor
    ORDER BY 1, 2, 3`);
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
    'claim_cla',
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
