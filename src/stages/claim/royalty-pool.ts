import { allocate, micros, TuttiError, type Micros, type ShareHundredths } from '../../domain/index.js';
import type { Tariff } from './claim-config.js';

/** What a summary record (sales context) says about its money (royalties.md §1.2, §1.7). */
export interface PoolInputs {
  readonly netRevenue: Micros;
  readonly subscribers: bigint;
  /** All usages on the service in the context (TotalUsages): the basis of both the stream minimum and the pro rata. */
  readonly totalUsages: bigint;
}

export type FeeBasis = 'rate' | 'subscriber' | 'stream';

/** The fee of a sales context with the three candidates kept, so an invoice can be explained. */
export interface Fee {
  readonly fee: Micros;
  readonly basis: FeeBasis;
  readonly rateAmount: Micros;
  readonly subscriberAmount: Micros;
  readonly streamAmount: Micros;
}

/**
 * Applies a share (hundredths of a percent, may exceed 100 %) to an amount exactly: the whole
 * multiples are exact, the fractional part is rounded by `allocate()` (largest remainder).
 * @example applyShare(micros(2_250_000_000n), 5000) === 1_125_000_000n
 */
export function applyShare(amount: Micros, share: number): Micros {
  if (!Number.isInteger(share) || share < 0)
    throw new TuttiError('INVALID_SHARE', `share ${share} is not a non-negative integer of hundredths`);
  const whole = BigInt(Math.trunc(share / 10000));
  const rest = share % 10000;
  const part = allocate(amount, [
    { id: 'part', weight: BigInt(rest) },
    { id: 'rest', weight: BigInt(10000 - rest) },
  ]).get('part') as Micros;
  return micros(amount * whole + part);
}

/**
 * The "greater of" rule (royalties.md §1.3): fee = max(rate × NetRevenue, minPerSubscriber × Subscribers,
 * minPerStream × TotalUsages). The comparison is exact (the rate candidate is compared scaled by 10000,
 * before any rounding); only the rate candidate needs rounding, done by `allocate()`. Ties go to the
 * rate, then the subscriber minimum.
 * @example §6.3: 15 % of €18,000,000 beats 0.90 × 2,000,000 and 0.0015 × 1.2 bn → fee €2,700,000, basis 'rate'.
 */
export function computeFee(inputs: PoolInputs, tariff: Tariff): Fee {
  const rateAmount = applyShare(inputs.netRevenue, tariff.rateBp);
  const subscriberAmount = micros(tariff.minPerSubscriber * inputs.subscribers);
  const streamAmount = micros(tariff.minPerStream * inputs.totalUsages);
  const rateScaled = inputs.netRevenue * BigInt(tariff.rateBp);
  let basis: FeeBasis = 'rate';
  let bestScaled = rateScaled;
  if (subscriberAmount * 10000n > bestScaled) {
    basis = 'subscriber';
    bestScaled = subscriberAmount * 10000n;
  }
  if (streamAmount * 10000n > bestScaled) basis = 'stream';
  const fee = basis === 'rate' ? rateAmount : basis === 'subscriber' ? subscriberAmount : streamAmount;
  return { fee, basis, rateAmount, subscriberAmount, streamAmount };
}

/** A resource of a report in one sales context, with its usages. */
export interface PoolResource {
  readonly key: string;
  readonly usages: bigint;
}

/** Id of the part of the fee that belongs to usages not in this report (other licensors' repertoire). */
export const OUTSIDE_REPORT = '\uffffoutside-report';

/**
 * Spreads a fee pro rata over the usages of each resource (royalties.md §1.4): the fee covers all
 * `totalUsages` of the service, so resources get fee × usages / totalUsages and the rest stays outside
 * the report. Exact: Σ values + outside = fee. When the report's usages exceed `totalUsages`
 * (a service that reports no total), the report's own sum is the basis.
 */
export function spreadPool(
  fee: Micros,
  resources: readonly PoolResource[],
  totalUsages: bigint,
): Map<string, Micros> {
  const reported = resources.reduce((s, r) => s + r.usages, 0n);
  const basis = totalUsages > reported ? totalUsages : reported;
  const parts = resources.map((r) => ({ id: r.key, weight: r.usages }));
  parts.push({ id: OUTSIDE_REPORT, weight: basis - reported });
  const values = allocate(fee, parts);
  values.delete(OUTSIDE_REPORT);
  return values;
}

/** Splits the value of 100 % of a work between the rights a stream uses (royalties.md §1.5), exactly. */
export function splitByRight(
  value: Micros,
  split: { readonly performing: ShareHundredths; readonly mechanical: ShareHundredths },
): { performing: Micros; mechanical: Micros } {
  const parts = allocate(value, [
    { id: 'performing', weight: BigInt(split.performing) },
    { id: 'mechanical', weight: BigInt(split.mechanical) },
  ]);
  return { performing: parts.get('performing') as Micros, mechanical: parts.get('mechanical') as Micros };
}
