import type { Store } from '../../warehouse/index.js';
import { fixedPartsSplitSql } from './fixed-parts-split-sql.js';
import { largestRemainderSql } from './largest-remainder-sql.js';

/**
 * Lines are split in scalar SQL over a fixed number of slots, by tier of holders (up to 4: nearly all
 * lines; 5 to 8); larger ones through windows. A tier's split costs its slots squared per line.
 */
const TIERS = [4, 8];
const SLOTS = TIERS[TIERS.length - 1] as number;

/** The tie-break id of a line's unattributed part (a share nobody holds), as `partySplitSql`'s callers give it. */
const GAP_TIE = '~unattributed|';

/**
 * Prepares the holders of the share sets that `used` names (a query of `share_set` values) from `sets`
 * (`share_set, party_id, role, share`, migration 042), once per set instead of once per claim line:
 * `dist_set_holders` (one row per set × party × role, `w` the summed share, `tie_id` = `party|role`, `pos`
 * its rank by tie_id, `after_gap` whether it sorts after the unattributed part's id) and `dist_set_info`
 * (per set: holders `n`, share total `sw`, `g` the slot of an unattributed part, `w1`…`w8` the first
 * weights by rank).
 */
export async function createSetSplitTables(store: Store, sets: string, used: string): Promise<void> {
  await store.run(`CREATE OR REPLACE TEMP TABLE dist_set_holders AS
    SELECT *, row_number() OVER (PARTITION BY share_set ORDER BY tie_id) AS pos, tie_id > '${GAP_TIE}' AS after_gap
    FROM (SELECT share_set, party_id, role, sum(share)::HUGEINT AS w, party_id || '|' || role AS tie_id
          FROM ${sets} WHERE share_set IN (SELECT share_set FROM ${used}) GROUP BY share_set, party_id, role)`);
  await store.run(`CREATE OR REPLACE TEMP TABLE dist_set_info AS
    SELECT share_set, count(*) AS n, sum(w)::HUGEINT AS sw, 1 + count(*) FILTER (WHERE NOT after_gap) AS g,
      ${[...Array(SLOTS).keys()].map((i) => `coalesce(any_value(w) FILTER (WHERE pos = ${i + 1}), 0)::HUGEINT AS w${i + 1}`).join(', ')}
    FROM dist_set_holders GROUP BY share_set`);
}

/** Drops the tables of `createSetSplitTables`. */
export async function dropSetSplitTables(store: Store): Promise<void> {
  for (const table of ['dist_set_holders', 'dist_set_info'])
    await store.run(`DROP TABLE IF EXISTS temp.main.${table}`);
}

/**
 * Splits each claim line's net, gross and commission over its holders exactly as `partySplitSql` does
 * over one row per line × holder (property-tested against it), but from the line and its share set:
 * `lines` has one row per line, `cid, gross, commission, net, share_set, share_claimed, mandated, mandator`.
 * A line's holders are its set's (party, role) rows, plus an unattributed part (party and role NULL) of
 * `share_claimed − Σ shares` when that is positive (all of it, at least 1, when the set is empty); a
 * mandated line goes whole to its mandator (role 'mandator'). Lines of up to eight holders take their
 * slot weights from the set (no window, no grouping over line × holder rows); the others are expanded
 * and split by `largestRemainderSql`. Gives `cid, party_id, role, w, p_net, p_gross,
 * p_commission` per line × holder. Needs `createSetSplitTables` first. `maxHolders`: at least the
 * holders of any line (a set's holders + 1), when known.
 */
export function setSplitSql(
  lines: string,
  step: bigint,
  arithmetic: 'HUGEINT' | 'BIGINT' = 'HUGEINT',
  wholeSteps?: boolean,
  maxHolders = Number.MAX_SAFE_INTEGER,
): string {
  const maxSlots = TIERS[TIERS.length - 1] as number;
  // Only the tiers (and the windows) that lines of at most `maxHolders` holders can reach: less SQL to plan.
  const tiers = TIERS.filter((_, n) => n === 0 || (TIERS[n - 1] as number) < maxHolders);
  // One tier: the lines of more than `lo` and at most `hi` holders, split over `hi` slots.
  const tier = (lo: number, hi: number, n: number) => {
    const slots = [...Array(hi).keys()];
    const split = (inner: string, total: string, prefix: string) =>
      `(${fixedPartsSplitSql({ from: inner, total, parts: slots.map((i) => ({ id: `${prefix}${i}`, weight: `_ss_w${i}` })), step, arithmetic })})`;
    const pick = (slot: string) =>
      ['n', 'g', 'c']
        .map(
          (p, k) =>
            `[${slots.map((i) => `s.${p}${i}`).join(', ')}][${slot}] AS ${['p_net', 'p_gross', 'p_commission'][k]}`,
        )
        .join(', ');
    // Slot k of a line: the mandator alone; else its set's weights by rank, the unattributed part put in at slot g.
    const weights = slots
      .map((i) => {
        const k = i + 1;
        return `CASE WHEN mandated THEN ${k === 1 ? 1 : 0} WHEN _gap AND _g = ${k} THEN _gw
        WHEN _gap AND _g < ${k} THEN ${k === 1 ? '0' : `_w${k - 1}`} ELSE ${k <= maxSlots ? `_w${k}` : '0'} END::HUGEINT AS _ss_w${i}`;
      })
      .join(', ');
    const inner = `(SELECT cid, gross, commission, net, mandated, mandator, share_set, _gap, _g, _gw, ${weights}
      FROM _ss_k WHERE _k > ${lo} AND _k <= ${hi})`;
    return `_ss_s${n} AS MATERIALIZED (SELECT * FROM ${split(split(split(inner, 'net', 'n'), 'gross', 'g'), 'commission', 'c')}),
  _ss_o${n} AS (
    SELECT s.cid, h.party_id, h.role, h.w, ${pick(`h.pos + CASE WHEN s._gap AND h.after_gap THEN 1 ELSE 0 END`)}
    FROM _ss_s${n} s JOIN dist_set_holders h ON h.share_set = s.share_set
    UNION ALL
    SELECT s.cid, NULL, NULL, s._gw, ${pick('s._g')} FROM _ss_s${n} s WHERE s._gap
    UNION ALL
    SELECT s.cid, s.mandator, 'mandator', 1::HUGEINT, ${pick('1')} FROM _ss_s${n} s WHERE s.mandated)`;
  };
  const large = largestRemainderSql({
    from: `(SELECT l.cid, h.party_id, h.role, h.w, h.tie_id, l.gross, l.commission, l.net
            FROM _ss_k l JOIN dist_set_holders h ON h.share_set = l.share_set WHERE l._k > ${maxSlots}
            UNION ALL
            SELECT cid, NULL, NULL, _gw, '${GAP_TIE}', gross, commission, net FROM _ss_k WHERE _k > ${maxSlots} AND _gap)`,
    group: ['cid'],
    id: 'tie_id',
    weight: 'w',
    amounts: [
      { total: 'net', as: 'p_net' },
      { total: 'gross', as: 'p_gross' },
      { total: 'commission', as: 'p_commission' },
    ],
    step,
    ...(wholeSteps === undefined ? {} : { wholeSteps }),
  });
  const ws = [...Array(maxSlots).keys()].map((i) => `coalesce(i.w${i + 1}, 0) AS _w${i + 1}`).join(', ');
  return `WITH _ss_l AS (
    SELECT l.cid, l.gross, l.commission, l.net, l.mandated, l.mandator, l.share_set,
      coalesce(i.n, 0) AS _n, coalesce(i.g, 1) AS _g, ${ws},
      NOT l.mandated AND (coalesce(i.sw, 0) = 0 OR l.share_claimed > i.sw) AS _gap,
      (CASE WHEN coalesce(i.sw, 0) = 0 THEN greatest(l.share_claimed, 1) ELSE l.share_claimed - i.sw END)::HUGEINT AS _gw
    FROM (SELECT * REPLACE (CASE WHEN mandated THEN NULL ELSE share_set END AS share_set) FROM ${lines} _ss_src) l
      LEFT JOIN dist_set_info i ON i.share_set = l.share_set),
  _ss_k AS MATERIALIZED (
    SELECT *, CASE WHEN mandated THEN 1 ELSE _n + CASE WHEN _gap THEN 1 ELSE 0 END END AS _k FROM _ss_l),
  ${tiers.map((hi, n) => tier(n === 0 ? 0 : (TIERS[n - 1] as number), hi, n)).join(',\n  ')}
  ${tiers.map((_, n) => `SELECT * FROM _ss_o${n}`).join('\n  UNION ALL\n  ')}
  ${maxHolders > maxSlots ? `UNION ALL SELECT cid, party_id, role, w, p_net, p_gross, p_commission FROM (${large}) _ss_large` : ''}`;
}
