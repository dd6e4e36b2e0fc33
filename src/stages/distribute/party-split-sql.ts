import { fixedPartsSplitSql } from './fixed-parts-split-sql.js';
import { largestRemainderSql } from './largest-remainder-sql.js';

/** Lines with at most this many holders are split in scalar SQL; larger ones through windows. */
const SLOTS = 4;

/**
 * Splits each claim line's net, gross and commission over its holders by share, exactly as
 * `allocateInSteps()` (the same rule as `largestRemainderSql`). `from` has one row per holder with
 * `claim_id, party_id, role, w, tie_id, gross, commission, net` (tie_id unique within a line).
 * Lines with up to four holders (nearly all) are gathered into one row, padded with zero-weight slots
 * in tie_id order, split by `fixedPartsSplitSql` and unnested: no sort per line. A zero-weight slot
 * has no remainder, so it never takes a leftover unit and the padding changes nothing.
 * Adds `p_net, p_gross, p_commission`. `arithmetic` as in `fixedPartsSplitSql` (small lines only).
 */
export function partySplitSql(from: string, step: bigint, arithmetic: 'HUGEINT' | 'BIGINT' = 'HUGEINT'): string {
  const slots = [...Array(SLOTS).keys()];
  const split = (inner: string, total: string, prefix: string) =>
    `(${fixedPartsSplitSql({ from: inner, total, parts: slots.map((i) => ({ id: `${prefix}${i}`, weight: `_ps_w${i}` })), step, arithmetic })})`;
  const small = `(SELECT *, ${slots.map((i) => `coalesce(ps[${i + 1}].w, 0) AS _ps_w${i}`).join(', ')} FROM _ps_g WHERE len(ps) <= ${SLOTS})`;
  const pick = (prefix: string) => `[${slots.map((i) => `${prefix}${i}`).join(', ')}][_ps_i]`;
  const large = largestRemainderSql({
    from: `(SELECT * FROM _ps_in WHERE claim_id IN (SELECT claim_id FROM _ps_g WHERE len(ps) > ${SLOTS}))`,
    group: ['claim_id'], id: 'tie_id', weight: 'w',
    amounts: [{ total: 'net', as: 'p_net' }, { total: 'gross', as: 'p_gross' }, { total: 'commission', as: 'p_commission' }], step,
  });
  return `WITH _ps_in AS MATERIALIZED (SELECT * FROM ${from} _ps_s),
  _ps_g AS (
    SELECT claim_id, any_value(net) AS net, any_value(gross) AS gross, any_value(commission) AS commission,
      list({'party_id': party_id, 'role': role, 'w': w, 'tie_id': tie_id} ORDER BY tie_id) AS ps
    FROM _ps_in GROUP BY claim_id)
  SELECT claim_id, ps[_ps_i].party_id AS party_id, ps[_ps_i].role AS role, ps[_ps_i].w AS w, ps[_ps_i].tie_id AS tie_id,
    gross, commission, net, ${pick('n')} AS p_net, ${pick('g')} AS p_gross, ${pick('c')} AS p_commission
  FROM (SELECT *, unnest(range(1, len(ps) + 1)) AS _ps_i FROM ${split(split(split(small, 'net', 'n'), 'gross', 'g'), 'commission', 'c')} _ps_x)
  UNION ALL BY NAME
  SELECT claim_id, party_id, role, w, tie_id, gross, commission, net, p_net, p_gross, p_commission FROM (${large}) _ps_large`;
}
