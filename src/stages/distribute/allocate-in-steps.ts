import { allocate, micros, type AllocationPart, type Micros } from '../../domain/index.js';

/**
 * `allocate()` at a rounding step (e.g. 10000 micro-units = one cent): whole steps are allocated by
 * largest remainder, then the sub-step residue in micro-units the same way, so the parts are whole
 * cents whenever the total is, and always sum to the total. The reference the SQL splits are tested against.
 */
export function allocateInSteps<K extends string>(
  total: Micros,
  parts: readonly AllocationPart<K>[],
  step: bigint,
): Map<K, Micros> {
  const steps = allocate(micros(total / step), parts);
  const residue = allocate(micros(total % step), parts);
  return new Map(
    parts.map((p) => [p.id, micros((steps.get(p.id) ?? 0n) * step + (residue.get(p.id) ?? 0n))]),
  );
}
