import { sql, type Store } from '../../warehouse/index.js';

/** `res × LINE_KEY + right (0 performing, 1 mechanical) × LINE_KEY / 2 + licensor`: the lines' order as one BIGINT. */
export const LINE_KEY = 2 ** 21;

/**
 * The set-based hot path of the claim stage: every report of the run at once, in DuckDB, with the same
 * exact arithmetic as the TypeScript formulas (`spreadPool`, `splitByRight`, `applyShare`,
 * `claimAmounts`, `claimableShares`), which stay the specification and the tests' oracle.
 *
 * Reads the temp tables `claim_run_reports(report_id, rep)`, `claim_res` (usages per summary × resource
 * `res` with the accepted work), `claim_ctx` (per summary `ctx`: fee, pro-rata basis, split, territory of
 * use), `claim_scope` (mandates in scope per summary × right), `claim_terr` (which share territories cover
 * which territory of use) and `claim_lic` (licensors in file order); writes `claim_val` (values per
 * resource), `claim_cl` (claimant parties), `claim_line` (the claim lines, `ord` their order in the
 * files) and `claim_cd` (one row per CD01 claim of the CDM file, `seq` its number in the report).
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
  // Integer keys from here on: `ctx` a summary of the run, `res` a summary × resource in file order.
  await store.run(`CREATE OR REPLACE TEMP TABLE claim_val AS
    WITH parts AS (
      SELECT c.ctx, r.res, r.work_id, r.usages AS w, false AS outside
      FROM claim_res r JOIN claim_ctx c USING (report_id, summary_id)
      UNION ALL
      SELECT ctx, NULL, NULL, basis_usages - report_usages, true FROM claim_ctx WHERE report_usages > 0),
    fl AS (
      SELECT p.*, c.rep, c.fee, c.split_p, c.split_m, abs(c.fee) * p.w // c.basis_usages AS f, abs(c.fee) * p.w % c.basis_usages AS rem, abs(c.fee) AS a
      FROM parts p JOIN claim_ctx c USING (ctx)),
    rk AS (
      SELECT *, a - sum(f) OVER (PARTITION BY ctx) AS spare,
        row_number() OVER (PARTITION BY ctx ORDER BY rem DESC, w DESC, outside, res) AS rn
      FROM fl),
    v AS (
      SELECT rep, ctx, res, work_id, split_p, split_m,
        (sign(fee) * (f + CASE WHEN rn <= spare THEN 1 ELSE 0 END))::HUGEINT AS value
      FROM rk WHERE NOT outside AND work_id IS NOT NULL),
    s AS (
      SELECT *, abs(value) AS av, split_p + split_m AS t FROM v)
    -- splitByRight: two parts, one spare unit at most; 'mechanical' < 'performing' wins the last tie.
    SELECT rep, ctx, res, work_id, value,
      (sign(value) * (av * split_p // t + CASE WHEN av - av * split_p // t - av * split_m // t = 1
        AND (av * split_p % t > av * split_m % t OR (av * split_p % t = av * split_m % t AND split_p > split_m)) THEN 1 ELSE 0 END))::HUGEINT AS performing
    FROM s`);

  // claimableShares: covered collection shares of the society's members or affiliates ('society'),
  // else of the first mandate in scope (id order) held by its mandator or affiliated to it.
  await store.run(sql`CREATE OR REPLACE TEMP TABLE claim_cl AS
    WITH ctxw AS (SELECT DISTINCT ctx, work_id FROM claim_val),
    cand AS (
      SELECT row_number() OVER () AS rid, x.ctx, x.work_id, ws.party_id, ws.role, ws.right_type,
        ws.collection_share AS share, ws.society, coalesce(p.is_member, false) OR coalesce(ws.society = ${societyCode}, false) AS ours
      FROM ctxw x JOIN claim_ctx c USING (ctx) JOIN work_shares ws ON ws.work_id = x.work_id
        JOIN claim_terr t ON t.territories = ws.territories AND t.territory = c.territory
        LEFT JOIN parties p ON p.party_id = ws.party_id
      WHERE t.covers AND ws.right_type IN ('performing', 'mechanical') AND ws.collection_share > 0),
    mm AS (
      SELECT cand.rid, min(sc.mandate_id) AS mandate_id
      FROM cand JOIN claim_scope sc ON sc.ctx = cand.ctx AND sc.right_type = cand.right_type
        AND (sc.party_id = cand.party_id OR sc.society = cand.society)
      WHERE NOT cand.ours GROUP BY cand.rid)
    SELECT ctx, work_id, right_type, CASE WHEN ours THEN 'society' ELSE mm.mandate_id END AS licensor,
      CASE WHEN ours THEN NULL ELSE mm.mandate_id END AS mandate_id, party_id, role, sum(share)::INTEGER AS share
    FROM cand LEFT JOIN mm USING (rid)
    WHERE ours OR mm.mandate_id IS NOT NULL
    GROUP BY ALL`);

  // BIGINT arithmetic is much cheaper than HUGEINT: use it when no product below can exceed 2^63
  // (|value| × a share sum, the largest operand of claim_apply_share and of the split by licensor;
  // a resource's value is a part of its summary's fee, so |value| ≤ |fee|).
  const bounds = await store.one<{ v: bigint | null; s: bigint | null }>(`SELECT
    (SELECT max(abs(fee)) FROM claim_ctx)::HUGEINT AS v,
    (SELECT max(s) FROM (SELECT sum(share) AS s FROM claim_cl GROUP BY ctx, work_id, right_type))::HUGEINT AS s`);
  const T = (bounds?.v ?? 0n) * ((bounds?.s ?? 0n) + 10_000n) * 4n < 2n ** 63n ? 'BIGINT' : 'HUGEINT';

  // claimAmounts per resource × right, then the claimed and held totals split over the licensors by
  // share (largest remainder; a right with one licensor, the usual case, takes the whole without ranking).
  // `ord` is the claim lines' order: summary × resource, performing before mechanical, then licensor.
  await store.run(`CREATE OR REPLACE TEMP TABLE claim_line AS
    WITH cla AS (
      SELECT ctx, work_id, right_type, licensor, any_value(mandate_id) AS mandate_id, sum(share)::INTEGER AS share
      FROM claim_cl GROUP BY ctx, work_id, right_type, licensor),
    own AS (
      SELECT ctx, work_id, right_type, sum(share)::INTEGER AS own, count(*) AS nlic FROM cla GROUP BY ALL),
    oth AS (
      SELECT c.ctx, rc.work_id, rc.right_type, sum(rc.share)::INTEGER AS others
      FROM reported_claims rc JOIN claim_ctx c USING (report_id) GROUP BY ALL),
    o AS (
      SELECT own.*, coalesce(oth.others, 0) AS others,
        CASE WHEN own + coalesce(oth.others, 0) - 10000 > 0 THEN least(own + coalesce(oth.others, 0) - 10000, own) ELSE 0 END AS disputed
      FROM own LEFT JOIN oth USING (ctx, work_id, right_type)),
    rv AS (
      SELECT rep, ctx, res, work_id, value::${T} AS value, 'performing' AS right_type, 0 AS right_ord,
        performing::${T} AS work_value FROM claim_val
      UNION ALL
      SELECT rep, ctx, res, work_id, value::${T}, 'mechanical', 1, (value - performing)::${T} FROM claim_val),
    amt AS (
      SELECT rv.*, o.own, o.others, o.disputed, o.nlic, claim_apply_share(work_value, own - disputed)::${T} AS claimed,
        (claim_apply_share(work_value, own) - claim_apply_share(work_value, own - disputed))::${T} AS held
      FROM rv JOIN o USING (ctx, work_id, right_type)),
    per AS (
      SELECT amt.*, cla.licensor, l.lic_ord, cla.mandate_id, cla.share
      FROM amt JOIN cla USING (ctx, work_id, right_type) JOIN claim_lic l USING (licensor)),
    single AS (
      SELECT * EXCLUDE (claimed, held, nlic), claimed AS claimed_amount, held AS held_overclaim FROM per WHERE nlic = 1),
    multi AS (
      SELECT *, abs(claimed) * share // own AS fc, abs(claimed) * share % own AS rc,
        abs(held) * share // own AS fh, abs(held) * share % own AS rh
      FROM per WHERE nlic > 1),
    ranked AS (
      SELECT *,
        abs(claimed) - sum(fc) OVER g AS spare_c, row_number() OVER (g ORDER BY rc DESC, share DESC, licensor) AS rank_c,
        abs(held) - sum(fh) OVER g AS spare_h, row_number() OVER (g ORDER BY rh DESC, share DESC, licensor) AS rank_h
      FROM multi
      WINDOW g AS (PARTITION BY res, right_ord)),
    lines AS (
      SELECT * FROM single
      UNION ALL BY NAME
      SELECT * EXCLUDE (claimed, held, nlic, fc, rc, fh, rh, spare_c, rank_c, spare_h, rank_h),
        (sign(claimed) * (fc + CASE WHEN rank_c <= spare_c THEN 1 ELSE 0 END))::${T} AS claimed_amount,
        (sign(held) * (fh + CASE WHEN rank_h <= spare_h THEN 1 ELSE 0 END))::${T} AS held_overclaim
      FROM ranked),
    -- One CD01 per summary × resource × licensor, numbered per report in claim-file order (the resource,
    -- then licensors with a performing line before those with only a mechanical one, then licensor order).
    g AS (SELECT rep, res, lic_ord, min(right_ord) AS first_right FROM lines GROUP BY rep, res, lic_ord),
    numbered AS (SELECT res, lic_ord, row_number() OVER (PARTITION BY rep ORDER BY res, first_right, lic_ord) AS seq FROM g)
    SELECT l.* RENAME (share AS share_claimed), n.seq,
      r.report_id || ':C' || printf('%06d', n.seq) || CASE l.right_ord WHEN 0 THEN ':P' ELSE ':M' END AS claim_id,
      l.res * ${LINE_KEY} + l.right_ord * ${LINE_KEY / 2} + l.lic_ord AS ord
    FROM lines l JOIN numbered n USING (res, lic_ord) JOIN claim_run_reports r USING (rep)
    ORDER BY ord`);

  // The CD01 claims: both rights of a summary × resource × licensor side by side.
  await store.run(`CREATE OR REPLACE TEMP TABLE claim_cd AS
    SELECT rep, ctx, res, lic_ord, seq, any_value(work_id) AS work_id, any_value(value) AS resource_value,
      coalesce(any_value(share_claimed) FILTER (WHERE right_ord = 1), 0) AS share_m,
      coalesce(any_value(share_claimed) FILTER (WHERE right_ord = 0), 0) AS share_p,
      coalesce(any_value(claimed_amount) FILTER (WHERE right_ord = 1), 0)::HUGEINT AS claimed_m,
      coalesce(any_value(claimed_amount) FILTER (WHERE right_ord = 0), 0)::HUGEINT AS claimed_p,
      sum(held_overclaim)::HUGEINT AS held
    FROM claim_line GROUP BY rep, ctx, res, lic_ord, seq`);
}
