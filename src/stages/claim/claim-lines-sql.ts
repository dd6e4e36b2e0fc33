import { sql, type Store } from '../../warehouse/index.js';

/**
 * The set-based hot path of the claim stage: every report of the run at once, in DuckDB, with the same
 * exact arithmetic as the TypeScript formulas (`spreadPool`, `splitByRight`, `applyShare`,
 * `claimAmounts`, `claimableShares`), which stay the specification and the tests' oracle.
 *
 * Reads the temp tables `claim_run_reports(report_id)`, `claim_res` (usages per summary × resource with
 * the accepted work), `claim_ctx` (per summary: fee, pro-rata basis, split, territory of use),
 * `claim_scope` (mandates in scope per summary × right) and `claim_terr` (which share territories cover
 * which territory of use); writes `claim_cl` (claimant parties) and `claim_new` (the claim lines, with
 * their ids and their order in the claim files).
 *
 * Largest remainder in SQL: each part gets floor(|T| × w / W); the |T| − Σ floors units left go to the
 * parts ranked by (remainder desc, weight desc, id asc), the sign of T put back after (a negative total
 * is split as the mirror of the positive one), exactly as `allocate()`.
 */
export async function computeClaimLinesSql(store: Store, societyCode: string): Promise<void> {
  // applyShare(a, s) = a × ⌊s/10000⌋ + the 'part' side of allocate(a, [part: s mod 10000, rest: 10000 − that]):
  // with two parts the one spare unit exists when the remainder r is not 0 and goes to 'part' when
  // r > 5000, or r = 5000 and its weight is at least the other's ('part' < 'rest' breaks the last tie).
  await store.run(`CREATE OR REPLACE TEMP MACRO claim_apply_share(a, s) AS
    a * (s // 10000) + sign(a) * ((abs(a) * (s % 10000)) // 10000 + CASE
      WHEN (abs(a) * (s % 10000)) % 10000 > 5000 OR ((abs(a) * (s % 10000)) % 10000 = 5000 AND s % 10000 >= 5000) THEN 1 ELSE 0 END)`);

  // Pro rata over usages (spreadPool): the resources plus the part outside the report, whose id sorts last.
  await store.run(`CREATE OR REPLACE TEMP TABLE claim_val AS
    WITH parts AS (
      SELECT r.report_id, r.summary_id, r.block_id, r.resource_ref, r.work_id, r.usages AS w, false AS outside
      FROM claim_res r JOIN claim_ctx c USING (report_id, summary_id)
      UNION ALL
      SELECT report_id, summary_id, NULL, NULL, NULL, basis_usages - report_usages, true FROM claim_ctx WHERE report_usages > 0),
    fl AS (
      SELECT p.*, c.fee, c.split_p, c.split_m, abs(c.fee) * p.w // c.basis_usages AS f, abs(c.fee) * p.w % c.basis_usages AS rem, abs(c.fee) AS a
      FROM parts p JOIN claim_ctx c USING (report_id, summary_id)),
    rk AS (
      SELECT *, a - sum(f) OVER (PARTITION BY report_id, summary_id) AS spare,
        row_number() OVER (PARTITION BY report_id, summary_id ORDER BY rem DESC, w DESC, outside, block_id, resource_ref) AS rn
      FROM fl),
    v AS (
      SELECT report_id, summary_id, block_id, resource_ref, work_id, split_p, split_m,
        (sign(fee) * (f + CASE WHEN rn <= spare THEN 1 ELSE 0 END))::HUGEINT AS value
      FROM rk WHERE NOT outside AND work_id IS NOT NULL),
    s AS (
      SELECT *, abs(value) AS av, split_p + split_m AS t FROM v)
    -- splitByRight: two parts, one spare unit at most; 'mechanical' < 'performing' wins the last tie.
    SELECT report_id, summary_id, block_id, resource_ref, work_id, value,
      (sign(value) * (av * split_p // t + CASE WHEN av - av * split_p // t - av * split_m // t = 1
        AND (av * split_p % t > av * split_m % t OR (av * split_p % t = av * split_m % t AND split_p > split_m)) THEN 1 ELSE 0 END))::HUGEINT AS performing
    FROM s`);

  // claimableShares: covered collection shares of the society's members or affiliates ('society'),
  // else of the first mandate in scope (id order) held by its mandator or affiliated to it.
  await store.run(sql`CREATE OR REPLACE TEMP TABLE claim_cl AS
    WITH ctxw AS (SELECT DISTINCT report_id, summary_id, work_id FROM claim_val),
    cand AS (
      SELECT row_number() OVER () AS rid, x.report_id, x.summary_id, x.work_id, ws.party_id, ws.role, ws.right_type,
        ws.collection_share AS share, ws.society, coalesce(p.is_member, false) OR coalesce(ws.society = ${societyCode}, false) AS ours
      FROM ctxw x JOIN claim_ctx c USING (report_id, summary_id) JOIN work_shares ws ON ws.work_id = x.work_id
        JOIN claim_terr t ON t.territories = ws.territories AND t.territory = c.territory
        LEFT JOIN parties p ON p.party_id = ws.party_id
      WHERE t.covers AND ws.right_type IN ('performing', 'mechanical') AND ws.collection_share > 0),
    mm AS (
      SELECT cand.rid, min(sc.mandate_id) AS mandate_id
      FROM cand JOIN claim_scope sc ON sc.report_id = cand.report_id AND sc.summary_id = cand.summary_id AND sc.right_type = cand.right_type
        AND (sc.party_id = cand.party_id OR sc.society = cand.society)
      WHERE NOT cand.ours GROUP BY cand.rid)
    SELECT report_id, summary_id, work_id, right_type, CASE WHEN ours THEN 'society' ELSE mm.mandate_id END AS licensor,
      CASE WHEN ours THEN NULL ELSE mm.mandate_id END AS mandate_id, party_id, role, sum(share)::INTEGER AS share
    FROM cand LEFT JOIN mm USING (rid)
    WHERE ours OR mm.mandate_id IS NOT NULL
    GROUP BY ALL`);

  // claimAmounts per resource × right, then the claimed and held totals split over the claimants by share.
  await store.run(`CREATE OR REPLACE TEMP TABLE claim_new AS
    WITH cla AS (
      SELECT report_id, summary_id, work_id, right_type, licensor, any_value(mandate_id) AS mandate_id, sum(share)::INTEGER AS share
      FROM claim_cl GROUP BY report_id, summary_id, work_id, right_type, licensor),
    own AS (SELECT report_id, summary_id, work_id, right_type, sum(share)::INTEGER AS own FROM cla GROUP BY ALL),
    oth AS (
      SELECT report_id, work_id, right_type, sum(share)::INTEGER AS others FROM reported_claims
      WHERE report_id IN (SELECT report_id FROM claim_run_reports) GROUP BY ALL),
    o AS (
      SELECT own.*, coalesce(oth.others, 0) AS others,
        CASE WHEN own + coalesce(oth.others, 0) - 10000 > 0 THEN least(own + coalesce(oth.others, 0) - 10000, own) ELSE 0 END AS disputed
      FROM own LEFT JOIN oth USING (report_id, work_id, right_type)),
    rv AS (
      SELECT report_id, summary_id, block_id, resource_ref, work_id, value, 'performing' AS right_type, performing AS work_value FROM claim_val
      UNION ALL
      SELECT report_id, summary_id, block_id, resource_ref, work_id, value, 'mechanical', value - performing FROM claim_val),
    amt AS (
      SELECT rv.*, o.own, o.others, o.disputed, claim_apply_share(work_value, own - disputed)::HUGEINT AS claimed,
        (claim_apply_share(work_value, own) - claim_apply_share(work_value, own - disputed))::HUGEINT AS held
      FROM rv JOIN o USING (report_id, summary_id, work_id, right_type)),
    per AS (
      SELECT amt.*, cla.licensor, cla.mandate_id, cla.share,
        abs(claimed) * cla.share // own AS fc, abs(claimed) * cla.share % own AS rc,
        abs(held) * cla.share // own AS fh, abs(held) * cla.share % own AS rh
      FROM amt JOIN cla USING (report_id, summary_id, work_id, right_type)),
    ranked AS (
      SELECT *,
        abs(claimed) - sum(fc) OVER g AS spare_c, row_number() OVER (g ORDER BY rc DESC, share DESC, licensor) AS rank_c,
        abs(held) - sum(fh) OVER g AS spare_h, row_number() OVER (g ORDER BY rh DESC, share DESC, licensor) AS rank_h
      FROM per
      WINDOW g AS (PARTITION BY report_id, summary_id, block_id, resource_ref, right_type)),
    cdm AS (
      SELECT report_id, summary_id, block_id, resource_ref, licensor,
        row_number() OVER (PARTITION BY report_id ORDER BY summary_id, block_id, resource_ref,
          min(CASE right_type WHEN 'performing' THEN 0 ELSE 1 END), licensor <> 'society', licensor) AS seq
      FROM per GROUP BY report_id, summary_id, block_id, resource_ref, licensor)
    SELECT r.report_id, r.summary_id, r.block_id, r.resource_ref, r.work_id, r.right_type, r.licensor, r.mandate_id,
      r.value AS resource_value, r.work_value, r.share AS share_claimed, r.own, r.others, r.disputed,
      (sign(r.claimed) * (r.fc + CASE WHEN r.rank_c <= r.spare_c THEN 1 ELSE 0 END))::HUGEINT AS claimed_amount,
      (sign(r.held) * (r.fh + CASE WHEN r.rank_h <= r.spare_h THEN 1 ELSE 0 END))::HUGEINT AS held_overclaim,
      r.held AS held_total,
      r.report_id || ':C' || printf('%06d', cdm.seq) AS cdm_claim_id,
      r.report_id || ':C' || printf('%06d', cdm.seq) || CASE r.right_type WHEN 'performing' THEN ':P' ELSE ':M' END AS claim_id,
      row_number() OVER (PARTITION BY r.report_id ORDER BY r.summary_id, r.block_id, r.resource_ref,
        CASE r.right_type WHEN 'performing' THEN 0 ELSE 1 END, r.licensor <> 'society', r.licensor) AS line_ord
    FROM ranked r JOIN cdm USING (report_id, summary_id, block_id, resource_ref, licensor)`);
}
