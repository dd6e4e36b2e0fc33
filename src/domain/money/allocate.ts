import { TuttiError } from '../errors/tutti-error.js';
import { micros, type Micros } from './micros.js';

/** One claimant of an allocation: a stable id (for the tie-break) and a non-negative integer weight. */
export interface AllocationPart<K extends string = string> {
  readonly id: K;
  readonly weight: bigint;
}

/**
 * Splits `total` micro-units over `parts` in proportion to their weights, exactly: the results
 * always sum to `total`. Each part gets floor(total × weight / Σweights); the units left over go one
 * by one to the largest remainders, ties to the larger weight, then to the lowest id (royalties.md §3.6,
 * §6.7). Negative totals (adjustments) are split as the mirror of the positive split.
 * This is the only place in tutti where money is rounded.
 * @example allocate(micros(100n), [{id:'A',weight:1n},{id:'B',weight:1n},{id:'C',weight:1n}])
 *   // Map { A => 34n, B => 33n, C => 33n }
 */
export function allocate<K extends string>(
  total: Micros,
  parts: readonly AllocationPart<K>[],
): Map<K, Micros> {
  if (total < 0n) {
    const mirrored = allocate(micros(0n - total), parts);
    return new Map([...mirrored].map(([k, v]) => [k, micros(0n - v)]));
  }
  let weights = 0n;
  const seen = new Set<K>();
  for (const p of parts) {
    if (p.weight < 0n) throw new TuttiError('ALLOCATION', `part ${p.id} has a negative weight (${p.weight})`);
    if (seen.has(p.id)) throw new TuttiError('ALLOCATION', `part ${p.id} appears twice in one allocation`);
    seen.add(p.id);
    weights += p.weight;
  }
  if (weights === 0n) {
    if (total === 0n) return new Map(parts.map((p) => [p.id, micros(0n)]));
    throw new TuttiError('ALLOCATION', `cannot allocate ${total} micro-units: the weights sum to zero`);
  }
  const rows = parts.map((p) => {
    const exact = total * p.weight;
    return { id: p.id, weight: p.weight, amount: exact / weights, remainder: exact % weights };
  });
  let left = total - rows.reduce((s, r) => s + r.amount, 0n);
  const order = [...rows].sort(
    (a, b) =>
      (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1) ||
      (a.weight === b.weight ? 0 : a.weight > b.weight ? -1 : 1) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  for (const row of order) {
    if (left === 0n) break;
    row.amount += 1n;
    left -= 1n;
  }
  return new Map(rows.map((r) => [r.id, micros(r.amount)]));
}
