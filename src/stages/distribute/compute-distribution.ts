import type { Period } from '../../domain/index.js';
import { sql, type Store } from '../../warehouse/index.js';
import type { DistributionConfig } from './distribution-config.js';
import { arithmeticFor, fixedPartsSplitSql } from './fixed-parts-split-sql.js';
import { partySplitSql } from './party-split-sql.js';
import { largestRemainderSql } from './largest-remainder-sql.js';

/**
 * Computes a distribution into TEMP tables (nothing persistent is touched):
 * - `dist_invoices`: invoices in scope (current claim lines end by the cut-off) with their cash to date;
 * - `dist_lines`: the signed statement lines of this run = what every payee is entitled to now, from
 *   all cash received, minus what earlier distributions issued for the same key (royalties.md §3.9);
 * - `dist_balances`: members' brought forward / earned / paid / carried (payout threshold);
 * - `dist_remittances`: per sister society or mandator.
 * Entitlement is recomputed from the start so that late payments, new claim runs and decisions give
 * signed deltas and issued lines are never rewritten. Every split is `largestRemainderSql`, i.e. the
 * same exact largest-remainder rule as `allocate()`.
 */
export async function computeDistribution(
  store: Store,
  input: {
    readonly distributionId: string;
    readonly period: Period;
    /** Distribution date, ISO: the age of held money is measured to it. */
    readonly date: string;
    readonly config: DistributionConfig;
    /** Called after each step with its name (for progress and timings). */
    readonly onProgress?: (step: string) => void;
    /** Claim lines split to their holders per statement (default 1,000,000; memory versus passes). */
    readonly splitBucketLines?: number;
  },
): Promise<void> {
  const bucketLines = input.splitBucketLines ?? 1_000_000;
  const { config, period } = input;
  const step = config.step;
  const run = async (text: string) => {
    await store.run(text);
    input.onProgress?.(/TEMP TABLE (\w+)/.exec(text)?.[1] ?? 'step');
  };
  await store.run(sql`CREATE OR REPLACE TEMP TABLE dist_params AS
    SELECT ${period.end}::DATE AS cutoff, ${config.commissionBp}::INTEGER AS default_bp,
           ${config.deductionBp}::INTEGER AS deduction_bp, ${config.payoutThreshold}::HUGEINT AS threshold,
           ${input.distributionId}::VARCHAR AS distribution_id, ${input.date}::DATE AS run_date,
           ${config.heldLimitDays}::INTEGER AS held_limit_days`);
  await run(
    'CREATE OR REPLACE TEMP TABLE dist_rates (service VARCHAR PRIMARY KEY, commission_bp INTEGER NOT NULL)',
  );
  for (const [service, bp] of Object.entries(config.commissionBpByService)) {
    await store.run(sql`INSERT INTO dist_rates VALUES (${service}, ${bp})`);
  }

  // The current claim lines of each invoice: those of its latest claim run (a re-run replaces them).
  await run(`CREATE OR REPLACE TEMP TABLE dist_claims AS
    WITH runs_of AS (
      SELECT DISTINCT cl.invoice_id, cl.run_id, coalesce(r.seq, 0) AS seq FROM claim_lines cl LEFT JOIN runs r USING (run_id)),
    latest AS (SELECT invoice_id, arg_max(run_id, {'s': seq, 'r': run_id}) AS run_id FROM runs_of GROUP BY invoice_id),
    current AS (SELECT cl.* FROM claim_lines cl JOIN latest USING (invoice_id, run_id)),
    scoped AS (SELECT invoice_id FROM current GROUP BY invoice_id HAVING max(period_end) <= (SELECT cutoff FROM dist_params)),
    -- Resources in review and not accepted: a small set, so the join below builds on it, not on every match.
    in_review AS (
      SELECT report_id, block_id, resource_ref FROM matches WHERE status IN ('accepted', 'review') GROUP BY ALL
      HAVING bool_or(status = 'review') AND NOT bool_or(status = 'accepted'))
    SELECT c.*,
      CASE WHEN c.work_id IS NULL THEN 'unidentified'
           WHEN d.report_id IS NOT NULL THEN 'review' END AS held_reason,
      CASE WHEN c.mandate_id IS NOT NULL THEN coalesce(md.commission_bp, p.default_bp)
           ELSE coalesce(rt.commission_bp, p.default_bp) END AS commission_bp,
      CASE WHEN c.mandate_id IS NOT NULL THEN 0 ELSE p.deduction_bp END AS deduction_bp,
      md.mandator_party_id
    FROM current c SEMI JOIN scoped USING (invoice_id)
    CROSS JOIN dist_params p
    LEFT JOIN in_review d USING (report_id, block_id, resource_ref)
    LEFT JOIN dist_rates rt ON rt.service = c.service
    LEFT JOIN mandates md ON md.mandate_id = c.mandate_id`);

  await run(`CREATE OR REPLACE TEMP TABLE dist_invoices AS
    WITH cash AS (SELECT invoice_id, sum(amount) AS cash FROM payments GROUP BY invoice_id),
    claimed AS (SELECT invoice_id, sum(greatest(claimed_amount, 0)) AS claimed FROM dist_claims GROUP BY invoice_id)
    SELECT i.invoice_id, coalesce(cash.cash, 0)::HUGEINT AS cash, coalesce(claimed.claimed, 0)::HUGEINT AS claimed
    FROM invoices i LEFT JOIN cash USING (invoice_id) LEFT JOIN claimed USING (invoice_id)
    WHERE claimed.invoice_id IS NOT NULL
       OR (i.invoice_id NOT IN (SELECT invoice_id FROM claim_lines)
           AND i.report_id IN (SELECT report_id FROM reports WHERE period_end <= (SELECT cutoff FROM dist_params)))`);

  // Within the run a claim line is known by `cid`, the row id of its dist_claims row: joins and groups on
  // it are much cheaper than on the long claim ids (which stay the tie-break wherever one is needed).
  // Whether every invoice's cash is whole steps (cents, as services pay): then one pass of the split.
  const cash = await store.one<{ whole: boolean | null }>(
    `SELECT bool_and(cash % ${step} = 0) AS whole FROM dist_invoices WHERE claimed > 0`,
  );

  // Invoice cash → claim lines, pro rata to the claimed amounts (partial payments give partial amounts;
  // the unpaid rest stays receivable). Overclaimed shares are not invoiced (040-claims), so no cash is disputed here.
  await run(
    `CREATE OR REPLACE TEMP TABLE dist_line_clear AS ${largestRemainderSql({
      from: `(SELECT c.rowid AS cid, c.claim_id, c.invoice_id, greatest(c.claimed_amount, 0) AS w, i.cash
            FROM dist_claims c JOIN dist_invoices i USING (invoice_id) WHERE i.claimed > 0)`,
      group: ['invoice_id'],
      id: 'claim_id',
      weight: 'w',
      amounts: [{ total: 'cash', as: 'clear' }],
      step,
      wholeSteps: cash?.whole ?? false,
    })}`,
  );

  // Clear cash → commission, deductions, net per claim line (held lines keep their gross untouched).
  const maxClear = await store.one<{ m: bigint | null }>(
    'SELECT max(greatest(clear, 0))::HUGEINT AS m FROM dist_line_clear',
  );
  await run(`CREATE OR REPLACE TEMP TABLE dist_line_net AS
    SELECT cid, clear AS gross, commission, net FROM (${fixedPartsSplitSql({
      from: `(SELECT l.cid, l.clear, c.commission_bp, c.deduction_bp FROM dist_line_clear l JOIN dist_claims c ON c.rowid = l.cid
              WHERE c.held_reason IS NULL AND l.clear > 0)`,
      total: 'clear',
      parts: [
        { id: 'commission', weight: 'commission_bp' },
        { id: 'deductions', weight: 'deduction_bp' },
        { id: 'net', weight: '10000 - commission_bp - deduction_bp' },
      ],
      step,
      arithmetic: arithmeticFor(maxClear?.m ?? 0n, 10_000n, step),
    })})`);

  // The shares of the lines to split to holders, by line key.
  await run(`CREATE OR REPLACE TEMP TABLE dist_shares AS
    SELECT c.rowid AS cid, s.party_id, s.role, s.share FROM claim_shares s JOIN dist_claims c USING (claim_id)
    WHERE c.held_reason IS NULL AND c.mandate_id IS NULL`);

  // Unknown parties' shares held since at least the limit (royalties.md §2.5, final distribution) are
  // redistributed to the line's other holders pro rata when the rule says so; only when there are any.
  const lapsing =
    config.heldAtLimit === 'redistribute' &&
    ((
      await store.one<{ any: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM statement_lines WHERE payee_kind = 'held' AND reason = 'unknown-party') AS any`,
      )
    )?.any ??
      false);

  // BIGINT products are twice as fast as HUGEINT; use them when this run's amounts and shares allow.
  const bounds = await store.one<{ total: bigint | null; weights: bigint | null }>(`SELECT
    (SELECT max(greatest(gross, 0)) FROM dist_line_net)::HUGEINT AS total,
    greatest((SELECT max(s) FROM (SELECT sum(abs(share)) AS s FROM dist_shares GROUP BY cid)),
             (SELECT max(abs(share_claimed)) FROM dist_claims), 1)::HUGEINT AS weights`);
  const arithmetic = arithmeticFor(bounds?.total ?? 0n, bounds?.weights ?? 1n, step);

  // Net, gross and commission of a line → its parties by share (royalties.md §6.8 rounding order);
  // a mandate's line goes whole to the mandator; a share nobody holds is held as 'unattributed'.
  // In buckets of claim lines (each line is split on its own, so the buckets change nothing): the
  // split's windows over a 20 M-line quarter's 30 M holders did not fit in the memory limit at once.
  const lineCount = Number(
    (await store.one<{ n: bigint }>('SELECT count(*) AS n FROM dist_claims'))?.n ?? 0n,
  );
  const splitBucket = (lo: number, hi: number) =>
    partySplitSql(
      `(SELECT * FROM (WITH ${
        lapsing
          ? `expired AS (
              SELECT s.claim_id, s.party_id FROM statement_lines s JOIN distributions d USING (distribution_id)
              WHERE s.payee_kind = 'held' AND s.reason = 'unknown-party'
              GROUP BY ALL
              HAVING min(d.distribution_date) + (SELECT held_limit_days FROM dist_params) <= (SELECT run_date FROM dist_params)),`
          : ''
      }
            -- One holder per (party, role) of a line, so that the tie-break id below is unique and every
            -- split is a function of the rows' values alone, never of their physical order.
            holders AS (SELECT cid, party_id, role, sum(share)::HUGEINT AS w FROM dist_shares GROUP BY cid, party_id, role),
            ${
              lapsing
                ? `all_shares AS (
              SELECT s.cid, s.party_id, s.role, s.w,
                (pt.party_id IS NULL OR (NOT pt.is_member AND coalesce(pt.pr_society, pt.mr_society) IS NULL))
                  AND e.claim_id IS NOT NULL AS lapsed
              FROM holders s JOIN dist_claims c ON c.rowid = s.cid LEFT JOIN parties pt ON pt.party_id = s.party_id
              LEFT JOIN expired e ON e.claim_id = c.claim_id AND e.party_id = s.party_id),
            shares AS (
              SELECT cid, party_id, role, w FROM all_shares
              WHERE NOT lapsed OR cid IN (SELECT cid FROM all_shares GROUP BY cid HAVING bool_and(lapsed))),`
                : 'shares AS (SELECT cid, party_id, role, w FROM holders),'
            }
            gaps AS (
              SELECT c.rowid AS cid, NULL::VARCHAR AS party_id, NULL::VARCHAR AS role,
                CASE WHEN coalesce(s.w, 0) = 0 THEN greatest(c.share_claimed, 1) ELSE c.share_claimed - s.w END::HUGEINT AS w
              FROM dist_claims c LEFT JOIN (SELECT cid, sum(share) AS w FROM dist_shares GROUP BY cid) s ON s.cid = c.rowid
              WHERE c.held_reason IS NULL AND c.mandate_id IS NULL AND (coalesce(s.w, 0) = 0 OR c.share_claimed > s.w)),
            mandated AS (
              SELECT rowid AS cid, mandator_party_id AS party_id, 'mandator' AS role, 1::HUGEINT AS w FROM dist_claims
              WHERE held_reason IS NULL AND mandate_id IS NOT NULL)
            -- The tie-break id, unique within a line: a party may hold two roles on one line (E and AM), and
            -- with the party alone as id their odd units went to whichever row came first (a new
            -- distribution of the same inputs then moved them between the roles as adjustments).
            SELECT x.*, coalesce(x.party_id, '~unattributed') || '|' || coalesce(x.role, '') AS tie_id, n.gross, n.commission, n.net
            FROM (SELECT * FROM shares UNION ALL SELECT * FROM gaps UNION ALL SELECT * FROM mandated) x
            JOIN dist_line_net n USING (cid)) WHERE cid >= ${lo} AND cid < ${hi})`,
      step,
      arithmetic,
      'cid',
      // Whole-step cash gives whole-step clear amounts, and their fixed parts are whole steps too: the
      // larger lines then need no residue pass; otherwise each line takes what it needs.
      cash?.whole === true ? true : undefined,
    );
  await run(`CREATE OR REPLACE TEMP TABLE dist_party AS ${splitBucket(0, bucketLines)}`);
  for (let lo = bucketLines; lo < lineCount; lo += bucketLines)
    await run(`INSERT INTO dist_party ${splitBucket(lo, lo + bucketLines)}`);

  // What every payee is entitled to now.
  await run(`CREATE OR REPLACE TEMP TABLE dist_entitled AS
    SELECT c.invoice_id, c.claim_id, x.party_id, x.role, x.w::INTEGER AS share,
      CASE WHEN c.mandate_id IS NOT NULL THEN 'mandator'
           WHEN x.party_id IS NULL OR pt.party_id IS NULL THEN 'held'
           WHEN pt.is_member THEN 'member'
           WHEN coalesce(CASE c.right_type WHEN 'mechanical' THEN pt.mr_society ELSE pt.pr_society END, pt.pr_society, pt.mr_society) IS NOT NULL THEN 'society'
           ELSE 'held' END AS payee_kind,
      CASE WHEN c.mandate_id IS NOT NULL THEN x.party_id
           WHEN pt.is_member THEN x.party_id
           ELSE coalesce(CASE c.right_type WHEN 'mechanical' THEN pt.mr_society ELSE pt.pr_society END, pt.pr_society, pt.mr_society) END AS payee,
      CASE WHEN x.party_id IS NULL THEN 'unattributed'
           WHEN c.mandate_id IS NULL AND (pt.party_id IS NULL OR (NOT pt.is_member AND coalesce(pt.pr_society, pt.mr_society) IS NULL)) THEN 'unknown-party'
      END AS reason,
      x.p_gross AS gross, x.p_commission AS commission, x.p_gross - x.p_commission - x.p_net AS deductions, x.p_net AS net,
      x.cid
    FROM dist_party x JOIN dist_claims c ON c.rowid = x.cid LEFT JOIN parties pt ON pt.party_id = x.party_id
    UNION ALL
    SELECT l.invoice_id, l.claim_id, NULL, NULL, NULL, 'held', NULL, c.held_reason, l.clear, 0, 0, l.clear, l.cid
    FROM dist_line_clear l JOIN dist_claims c ON c.rowid = l.cid WHERE c.held_reason IS NOT NULL AND l.clear <> 0
    UNION ALL
    SELECT invoice_id, NULL, NULL, NULL, NULL, 'held', NULL, 'unallocated', cash, 0, 0, cash, NULL
    FROM dist_invoices WHERE claimed = 0 AND cash <> 0`);

  // Signed deltas against what was issued before for the same key; attributes from the current claim
  // line, or from the issued line when the claim line is gone. When nothing was issued yet for these
  // invoices (a period's first distribution) the deltas are the entitlements themselves (their keys are
  // unique: one row per line and holder, per held line, per unallocated invoice), without the grouping.
  const reissue = await store.one<{ any: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM statement_lines s SEMI JOIN dist_invoices USING (invoice_id)) AS any',
  );
  const columns = (
    d: string,
    a: string,
    kind: string,
    usages: string,
  ) => `p.distribution_id, ${d}.party_id, pt.name AS party_name, pt.ipi_name_number,
      ${a}.work_id, w.iswc, w.title AS work_title, ${d}.role, ${d}.share::INTEGER AS share, ${a}.right_type, ${a}.service, ${a}.territory,
      ${a}.period_start, ${a}.period_end, ${usages} AS usages, ${d}.gross, ${d}.commission, ${d}.deductions, ${d}.net, ${kind} AS line_kind,
      ${d}.claim_id, ${d}.invoice_id, ${d}.payee_kind, ${d}.payee, ${d}.reason`;
  if (!reissue?.any) {
    await run(`CREATE OR REPLACE TEMP TABLE dist_lines AS
      SELECT ${columns('d', 'c', `'normal'`, 'coalesce(c.usages, 0)::BIGINT')}
      FROM (SELECT e.* REPLACE (gross::HUGEINT AS gross, commission::HUGEINT AS commission, deductions::HUGEINT AS deductions,
                                net::HUGEINT AS net)
            FROM dist_entitled e WHERE e.gross <> 0 OR e.commission <> 0 OR e.deductions <> 0 OR e.net <> 0) d
      CROSS JOIN dist_params p LEFT JOIN dist_claims c ON c.rowid = d.cid
      LEFT JOIN parties pt ON pt.party_id = d.party_id LEFT JOIN works w ON w.work_id = c.work_id`);
  } else {
    await run(`CREATE OR REPLACE TEMP TABLE dist_lines AS
    WITH issued AS (
      SELECT s.* FROM statement_lines s SEMI JOIN dist_invoices USING (invoice_id)),
    both_sides AS (
      SELECT e.invoice_id, e.claim_id, e.party_id, e.role, e.payee_kind, e.payee, e.reason, e.share,
        e.gross, e.commission, e.deductions, e.net, c.usages, 1 AS side
      FROM dist_entitled e LEFT JOIN dist_claims c ON c.rowid = e.cid
      UNION ALL
      SELECT invoice_id, claim_id, party_id, role, payee_kind, payee, reason, share,
        -gross, -commission, -deductions, -net, -usages, 0 FROM issued),
    delta AS (
      SELECT invoice_id, claim_id, party_id, role, payee_kind, payee, reason,
        arg_max(share, side) AS share, sum(gross)::HUGEINT AS gross, sum(commission)::HUGEINT AS commission,
        sum(deductions)::HUGEINT AS deductions, sum(net)::HUGEINT AS net, coalesce(sum(usages), 0)::BIGINT AS usages
      FROM both_sides GROUP BY ALL
      HAVING sum(gross) <> 0 OR sum(commission) <> 0 OR sum(deductions) <> 0 OR sum(net) <> 0),
    attrs AS (
      SELECT claim_id, any_value(work_id) AS work_id, any_value(right_type) AS right_type, any_value(service) AS service,
        any_value(territory) AS territory, any_value(period_start) AS period_start, any_value(period_end) AS period_end
      FROM (SELECT claim_id, work_id, right_type, service, territory, period_start, period_end FROM dist_claims
            UNION ALL BY NAME
            SELECT claim_id, work_id, right_type, service, territory, period_start, period_end FROM issued
            WHERE claim_id NOT IN (SELECT claim_id FROM dist_claims))
      GROUP BY claim_id)
    SELECT ${columns('d', 'a', `CASE WHEN d.invoice_id IN (SELECT invoice_id FROM issued) THEN 'adjustment' ELSE 'normal' END`, 'd.usages')}
    FROM delta d CROSS JOIN dist_params p LEFT JOIN attrs a USING (claim_id)
    LEFT JOIN parties pt ON pt.party_id = d.party_id LEFT JOIN works w ON w.work_id = a.work_id`);
  }

  // Members: brought forward + earned; below the threshold the whole balance is carried.
  await run(`CREATE OR REPLACE TEMP TABLE dist_balances AS
    WITH last AS (
      SELECT b.party_id, arg_max(b.carried, d.seq) AS carried
      FROM payee_balances b JOIN distributions d USING (distribution_id) GROUP BY b.party_id),
    earned AS (SELECT party_id, sum(net)::HUGEINT AS earned FROM dist_lines WHERE payee_kind = 'member' GROUP BY party_id),
    joined AS (
      SELECT coalesce(e.party_id, l.party_id) AS party_id, coalesce(l.carried, 0)::HUGEINT AS brought_forward,
        coalesce(e.earned, 0)::HUGEINT AS earned
      FROM earned e FULL JOIN (SELECT * FROM last WHERE carried <> 0) l USING (party_id))
    SELECT p.distribution_id, j.party_id, j.brought_forward, j.earned,
      CASE WHEN j.brought_forward + j.earned >= p.threshold THEN j.brought_forward + j.earned ELSE 0 END::HUGEINT AS paid,
      CASE WHEN j.brought_forward + j.earned >= p.threshold THEN 0 ELSE j.brought_forward + j.earned END::HUGEINT AS carried
    FROM joined j CROSS JOIN dist_params p`);

  await run(`CREATE OR REPLACE TEMP TABLE dist_remittances AS
    SELECT p.distribution_id, payee_kind, payee, sum(net)::HUGEINT AS amount, count(*)::BIGINT AS lines
    FROM dist_lines CROSS JOIN dist_params p WHERE payee_kind IN ('society', 'mandator')
    GROUP BY p.distribution_id, payee_kind, payee`);
}
