/** A split of one row's total into a few named parts known when the SQL is written. */
export interface FixedPartsSpec {
  /** A table name or a parenthesised subquery. */
  readonly from: string;
  /** Non-negative integer expression: the amount to split on each row. */
  readonly total: string;
  /** The parts: `id` is both the output column and the tie-break (lowest id first); weights are integer expressions ≥ 0. */
  readonly parts: readonly { readonly id: string; readonly weight: string }[];
  /** Rounding step in micro-units (10000 = cents), ≥ 1. */
  readonly step: bigint;
  /**
   * Integer type of the intermediate products (default HUGEINT). BIGINT is about twice as fast and
   * exact only when (total / step + 1) × Σweights and step × Σweights stay below 2^62: the caller
   * checks the bounds of its data (see `arithmeticFor`).
   */
  readonly arithmetic?: 'HUGEINT' | 'BIGINT';
}

/** The integer type for splits whose totals are at most `maxTotal` and weights sum to at most `maxWeights`. */
export function arithmeticFor(maxTotal: bigint, maxWeights: bigint, step: bigint): 'HUGEINT' | 'BIGINT' {
  const limit = 2n ** 62n;
  const safe =
    maxTotal < limit &&
    (maxTotal / step + 1n) * (maxWeights + 1n) < limit &&
    step * (maxWeights + 1n) < limit;
  return safe ? 'BIGINT' : 'HUGEINT';
}

/**
 * SQL that splits each row's total over a fixed set of parts exactly as `allocateInSteps()` does
 * (largest remainder on whole steps, then on the sub-step residue; ties to the larger weight, then the
 * lower id), without windows or extra rows: the order among parts is worked out in scalar CASE
 * expressions, since the parts are known when the SQL is written. Used for commission / deductions /
 * net per claim line, the widest split of a run. Equivalence is a property test.
 */
export function fixedPartsSplitSql(spec: FixedPartsSpec): string {
  if (spec.step < 1n) throw new RangeError(`step must be at least 1 micro-unit, got ${spec.step}`);
  const n = spec.parts.length;
  const idx = [...Array(n).keys()];
  const sorted = [...spec.parts].map((p) => p.id);
  const w = (i: number) => `_fp_w${i}`;
  const int = spec.arithmetic ?? 'HUGEINT';
  const level1 = idx.map((i) => `CAST(${spec.parts[i]?.weight} AS ${int}) AS ${w(i)}`).join(', ');
  const sum = idx.map(w).join(' + ');
  const pass = (name: 'u' | 'r') => {
    const b = (i: number) => `_fp_b${name}${i}`;
    const r = (i: number) => `_fp_r${name}${i}`;
    const cols = idx.flatMap((i) => [
      `CASE WHEN _fp_sw = 0 THEN 0 ELSE _fp_${name} * ${w(i)} // _fp_sw END AS ${b(i)}`,
      `CASE WHEN _fp_sw = 0 THEN 0 ELSE _fp_${name} * ${w(i)} % _fp_sw END AS ${r(i)}`,
    ]);
    const beats = (i: number) =>
      idx
        .filter((j) => j !== i)
        .map((j) => {
          const lower = (sorted[j] ?? '') < (sorted[i] ?? '');
          return `CASE WHEN ${r(j)} > ${r(i)} OR (${r(j)} = ${r(i)} AND (${w(j)} > ${w(i)}${lower ? ` OR ${w(j)} = ${w(i)}` : ''})) THEN 1 ELSE 0 END`;
        })
        .join(' + ') || '0';
    const left = `(_fp_${name} - (${idx.map(b).join(' + ')}))`;
    const amounts = idx.map((i) => `${b(i)} + CASE WHEN ${beats(i)} < ${left} THEN 1 ELSE 0 END`);
    return { cols, amounts, helpers: idx.flatMap((i) => [b(i), r(i)]) };
  };
  const units = pass('u');
  const residue = pass('r');
  const out = idx.map(
    (i) =>
      `CAST((${units.amounts[i]}) * ${spec.step} + ${residue.amounts[i]} AS HUGEINT) AS ${spec.parts[i]?.id}`,
  );
  const helpers = ['_fp_sw', '_fp_u', '_fp_r', ...idx.map(w), ...units.helpers, ...residue.helpers];
  return `SELECT * EXCLUDE (${helpers.join(', ')}), ${out.join(', ')} FROM (
  SELECT *, ${[...units.cols, ...residue.cols].join(', ')} FROM (
    SELECT *, ${sum} AS _fp_sw, CAST(${spec.total} AS ${int}) // ${spec.step} AS _fp_u, CAST(${spec.total} AS ${int}) % ${spec.step} AS _fp_r FROM (
      SELECT *, ${level1} FROM ${spec.from} _fp_src) _fp_a) _fp_b) _fp_c`;
}
