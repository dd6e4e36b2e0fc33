/** One amount to split: an SQL expression for the group total (the same on every row of a group). */
export interface SplitAmount {
  readonly total: string;
  readonly as: string;
}

/**
 * What to split, as SQL text written by tutti's own code (never user values: those are bound
 * parameters or table rows).
 */
export interface LargestRemainderSpec {
  /** A table name or a parenthesised subquery. */
  readonly from: string;
  /** Columns that make one allocation group (e.g. the claim line). */
  readonly group: readonly string[];
  /** Tie-break id (VARCHAR), unique within a group. */
  readonly id: string;
  /** Non-negative integer weight. */
  readonly weight: string;
  readonly amounts: readonly SplitAmount[];
  /** Rounding step in micro-units: 10000 = cents. Must be ≥ 1. */
  readonly step: bigint;
  /**
   * What the caller knows of the totals: `true`, every total is a whole number of steps (e.g. cash in
   * cents): the whole-step pass alone (wrong parts if it is not so); `false`: both passes on every group,
   * without sorting the groups into whole and not (a whole group's residue pass gives it nothing);
   * unknown: each group takes what it needs.
   */
  readonly wholeSteps?: boolean;
}

/**
 * SQL that splits each group's totals over its rows exactly as the domain's `allocate()` does,
 * in two passes: first whole steps (e.g. cents) by largest remainder, then the sub-step residue in
 * micro-units the same way. Ties go to the larger weight, then the lower id. Totals must be ≥ 0.
 * Integer arithmetic only (HUGEINT `//` and `%`): DuckDB's `/` would give a DOUBLE (DESIGN.md §4).
 * The result has every column of `from` plus one HUGEINT column per amount; Σ per group = total.
 * Equivalence with `allocate()` is a property test (largest-remainder-sql.test.ts).
 */
export function largestRemainderSql(spec: LargestRemainderSpec): string {
  if (spec.step < 1n) throw new RangeError(`step must be at least 1 micro-unit, got ${spec.step}`);
  if (spec.step === 1n || spec.wholeSteps === true) return passes(spec, spec.from, false);
  if (spec.wholeSteps === false) return passes(spec, spec.from, true);
  // Groups whose totals are whole steps (the usual case: cash in cents) need no residue pass, which
  // halves the window work; the others take both passes. A group is wholly on one side.
  const whole = spec.amounts.map((a) => `CAST(${a.total} AS HUGEINT) % ${spec.step} = 0`).join(' AND ');
  return `WITH _lr_in AS MATERIALIZED (SELECT * FROM ${spec.from} _lr_s)
  ${passes(spec, `(SELECT * FROM _lr_in WHERE ${whole})`, false)}
  UNION ALL BY NAME
  ${passes(spec, `(SELECT * FROM _lr_in WHERE NOT (${whole}))`, true)}`;
}

function passes(spec: LargestRemainderSpec, from: string, residue: boolean): string {
  const over = spec.group.length > 0 ? `OVER (PARTITION BY ${spec.group.join(', ')})` : 'OVER ()';
  const ordered = (rem: string) =>
    `row_number() OVER (${spec.group.length > 0 ? `PARTITION BY ${spec.group.join(', ')} ` : ''}ORDER BY ${rem} DESC, _lr_w DESC, _lr_id ASC)`;
  const helpers = ['_lr_w', '_lr_id', '_lr_sw'];
  const a: string[] = [];
  const b: string[] = [];
  const c: string[] = [];
  const d: string[] = [];
  const out: string[] = [];
  spec.amounts.forEach((amount, i) => {
    const total = `CAST(${amount.total} AS HUGEINT)`;
    a.push(`${total} // ${spec.step} AS _u${i}`);
    helpers.push(`_u${i}`, `_bu${i}`, `_ru${i}`, `_su${i}`, `_ku${i}`);
    b.push(`CASE WHEN _lr_sw = 0 THEN 0 ELSE _u${i} * _lr_w // _lr_sw END AS _bu${i}`);
    b.push(`CASE WHEN _lr_sw = 0 THEN 0 ELSE _u${i} * _lr_w % _lr_sw END AS _ru${i}`);
    c.push(`sum(_bu${i}) ${over} AS _su${i}`);
    d.push(`${ordered(`_ru${i}`)} AS _ku${i}`);
    let expr = `(_bu${i} + CASE WHEN _ku${i} <= _u${i} - _su${i} THEN 1 ELSE 0 END) * ${spec.step}`;
    if (residue) {
      a.push(`${total} % ${spec.step} AS _r${i}`);
      helpers.push(`_r${i}`, `_br${i}`, `_rr${i}`, `_sr${i}`, `_kr${i}`);
      b.push(`CASE WHEN _lr_sw = 0 THEN 0 ELSE _r${i} * _lr_w // _lr_sw END AS _br${i}`);
      b.push(`CASE WHEN _lr_sw = 0 THEN 0 ELSE _r${i} * _lr_w % _lr_sw END AS _rr${i}`);
      c.push(`sum(_br${i}) ${over} AS _sr${i}`);
      d.push(`${ordered(`_rr${i}`)} AS _kr${i}`);
      expr += ` + _br${i} + CASE WHEN _kr${i} <= _r${i} - _sr${i} THEN 1 ELSE 0 END`;
    }
    out.push(`CAST(${expr} AS HUGEINT) AS ${amount.as}`);
  });
  return `SELECT * EXCLUDE (${helpers.join(', ')}), ${out.join(', ')} FROM (
  SELECT *, ${d.join(', ')} FROM (
    SELECT *, ${c.join(', ')} FROM (
      SELECT *, ${b.join(', ')} FROM (
        SELECT *, CAST(${spec.weight} AS HUGEINT) AS _lr_w, CAST(${spec.id} AS VARCHAR) AS _lr_id,
          sum(CAST(${spec.weight} AS HUGEINT)) ${over} AS _lr_sw, ${a.join(', ')}
        FROM ${from} _lr_src) _lr_a) _lr_b) _lr_c) _lr_d`;
}
