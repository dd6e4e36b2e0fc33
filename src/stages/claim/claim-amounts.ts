import { allocate, micros, type Micros } from '../../domain/index.js';
import type { Claimant } from './claimable-share.js';
import { applyShare } from './royalty-pool.js';

/** DDEX ClaimStatus for the sum of all claims on a work × right (royalties.md §2.4; 115 % threshold). */
export type OverclaimStatus = 'MinorOverClaim' | 'MajorOverClaim';

/** What each claimant gets on one work × right value, and what is held because of an overclaim. */
export interface ClaimAmounts {
  readonly perClaimant: ReadonlyMap<string, { readonly claimed: Micros; readonly held: Micros }>;
  /** Σ claimed: invoiced. */
  readonly claimed: Micros;
  /** Σ held: the disputed part, not invoiced. */
  readonly held: Micros;
  /** Our part above 100 %, hundredths (0 when no overclaim). */
  readonly disputed: number;
  readonly ownShare: number;
  readonly status: OverclaimStatus | null;
}

/**
 * Values the claimants' shares of one work × right (royalties.md §1.6, §2.4).
 * Our gross claim is value × Σ our shares; when our shares plus those others claim exceed 100 %, the
 * part above 100 % (at most all of ours) is disputed and held, the rest invoiced. Both totals are split
 * between claimants in proportion to their shares with `allocate()`, so per claimant claimed + held sum
 * exactly to the totals, and claimed + held = value × Σ our shares.
 * @example value €1,125.00, we claim 100 %, another licensor 50 % → claimed €562.50, held €562.50.
 */
export function claimAmounts(value: Micros, claimants: readonly Claimant[], othersShare = 0): ClaimAmounts {
  const ownShare = claimants.reduce((s, c) => s + c.share, 0);
  const excess = ownShare + othersShare - 10000;
  const disputed = excess > 0 ? Math.min(excess, ownShare) : 0;
  const gross = applyShare(value, ownShare);
  const claimed = applyShare(value, ownShare - disputed);
  const held = micros(gross - claimed);
  const parts = claimants.map((c) => ({ id: c.licensor, weight: BigInt(c.share) }));
  const claimedSplit = allocate(claimed, parts);
  const heldSplit = allocate(held, parts);
  const perClaimant = new Map(
    claimants.map((c) => [
      c.licensor,
      { claimed: claimedSplit.get(c.licensor) as Micros, held: heldSplit.get(c.licensor) as Micros },
    ]),
  );
  const total = ownShare + othersShare;
  const status: OverclaimStatus | null =
    total <= 10000 ? null : total > 11500 ? 'MajorOverClaim' : 'MinorOverClaim';
  return { perClaimant, claimed, held, disputed, ownShare, status };
}
