import { shareHundredths, type OwnershipShares } from '../domain/index.js';

/**
 * Splits `total` hundredths over `weights` exactly (largest remainder, ties to the lower index): the parts
 * always sum to `total`. Shares are small integers, so plain numbers are exact here.
 */
export function splitShares(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  const order = weights
    .map((w, i) => ({ i, rem: (total * w) % sum }))
    .sort((x, y) => y.rem - x.rem || x.i - y.i);
  let left = total - parts.reduce((s, p) => s + p, 0);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const idx = (order[k] as { i: number }).i;
    parts[idx] = (parts[idx] as number) + 1;
  }
  return parts;
}

/** Ownership per right from three hundredths values. */
export function ownership(performing: number, mechanical: number, sync: number): OwnershipShares {
  return {
    performing: shareHundredths(performing),
    mechanical: shareHundredths(mechanical),
    sync: shareHundredths(sync),
  };
}

export const NO_OWNERSHIP: OwnershipShares = ownership(0, 0, 0);
