import { TuttiError, micros, type Micros } from '../../domain/index.js';

/**
 * The configured rules of a distribution (royalties.md §3.2, §3.6, §7). Rates are basis points of the
 * gross (1300 = 13 %). A mandate's money takes the mandate's own `commission_bp` and no other deduction
 * (CRM Directive Art. 15(1)).
 */
export interface DistributionConfig {
  /** Management commission when no per-service rate applies. */
  readonly commissionBp: number;
  /** Management commission per service (the claim line's `service`). */
  readonly commissionBpByService: Readonly<Record<string, number>>;
  /** Social/cultural deduction on society money. */
  readonly deductionBp: number;
  /** Members whose balance is below this are carried to the next run (micro-units). */
  readonly payoutThreshold: Micros;
  /** Rounding step in micro-units: 10000 = cents (the worked example), 1 = micro-units. */
  readonly step: bigint;
  /** Days an unknown party's share may stay held (default 1095, about the 3 years of CPI L.324-15). */
  readonly heldLimitDays: number;
  /**
   * At the limit: 'redistribute' pays the share to the claim line's other holders pro rata (the
   * industry's final distribution), 'keep' keeps it held. Either way a party registered later gets
   * its share back through adjustment lines.
   */
  readonly heldAtLimit: 'redistribute' | 'keep';
}

/** Sacem-like defaults from the worked example (royalties.md §6.1 A12): 13 % + 1 %, €1.00 threshold, cents. */
export const DEFAULT_DISTRIBUTION_CONFIG: DistributionConfig = Object.freeze({
  commissionBp: 1300,
  commissionBpByService: Object.freeze({}),
  deductionBp: 100,
  payoutThreshold: micros(1_000_000n),
  step: 10_000n,
  heldLimitDays: 1095,
  heldAtLimit: 'redistribute',
});

function assertBp(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 10_000) {
    throw new TuttiError(
      'USAGE',
      `${field} must be whole basis points between 0 and 10000 (e.g. 1300 = 13 %), got ${value}`,
      { field },
    );
  }
}

/** Fills in defaults and refuses rates that are not whole basis points or that exceed 100 % together. */
export function createDistributionConfig(partial: Partial<DistributionConfig> = {}): DistributionConfig {
  const config = { ...DEFAULT_DISTRIBUTION_CONFIG, ...partial };
  assertBp(config.commissionBp, 'commissionBp');
  assertBp(config.deductionBp, 'deductionBp');
  for (const [service, bp] of Object.entries(config.commissionBpByService)) {
    assertBp(bp, `commissionBpByService.${service}`);
    if (bp + config.deductionBp > 10_000)
      throw new TuttiError('USAGE', `commission and deduction for ${service} exceed 100 %`);
  }
  if (config.commissionBp + config.deductionBp > 10_000)
    throw new TuttiError('USAGE', 'commission and deduction exceed 100 %');
  if (config.step < 1n)
    throw new TuttiError('USAGE', `the rounding step must be at least 1 micro-unit, got ${config.step}`);
  if (!Number.isInteger(config.heldLimitDays) || config.heldLimitDays < 0) {
    throw new TuttiError(
      'USAGE',
      `heldLimitDays must be a whole number of days, got ${config.heldLimitDays}`,
      { field: 'heldLimitDays' },
    );
  }
  if (config.heldAtLimit !== 'redistribute' && config.heldAtLimit !== 'keep') {
    throw new TuttiError(
      'USAGE',
      `heldAtLimit must be 'redistribute' or 'keep', got ${String(config.heldAtLimit)}`,
      { field: 'heldAtLimit' },
    );
  }
  if (config.payoutThreshold < 0n) throw new TuttiError('USAGE', 'the payout threshold cannot be negative');
  return Object.freeze({
    ...config,
    commissionBpByService: Object.freeze({ ...config.commissionBpByService }),
  });
}
