import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { micros, parseMicros } from '../../domain/index.js';
import { DEFAULT_CLAIM_CONFIG_JSON, parseClaimConfig } from './claim-config.js';
import { applyShare, computeFee, splitByRight, spreadPool } from './royalty-pool.js';

const tariff = parseClaimConfig(DEFAULT_CLAIM_CONFIG_JSON).tariffs[0]!;
const eur = (text: string) => parseMicros(text);

describe('computeFee (greater-of rule, royalties.md §1.3)', () => {
  it('takes 15 % of €18,000,000 when the revenue rate binds (§6.3)', () => {
    const fee = computeFee(
      { netRevenue: eur('18000000.00'), subscribers: 2_000_000n, totalUsages: 1_200_000_000n },
      tariff,
    );
    expect(fee.basis).toBe('rate');
    expect(fee.fee).toBe(eur('2700000'));
    expect(fee.subscriberAmount).toBe(eur('1800000'));
    expect(fee.streamAmount).toBe(eur('1800000'));
  });

  it('takes the subscriber minimum of €1,800,000 when revenue is €10,000,000 (§6.9)', () => {
    const fee = computeFee(
      { netRevenue: eur('10000000'), subscribers: 2_000_000n, totalUsages: 1_200_000_000n },
      tariff,
    );
    expect(fee.rateAmount).toBe(eur('1500000'));
    expect(fee.fee).toBe(eur('1800000'));
    expect(fee.basis).toBe('subscriber');
  });

  it('takes the per-stream minimum when streams are many and subscribers few', () => {
    const fee = computeFee({ netRevenue: eur('1000'), subscribers: 100n, totalUsages: 1_000_000n }, tariff);
    expect(fee).toMatchObject({ basis: 'stream', fee: eur('1500') });
  });

  it('compares exactly before rounding the rate candidate', () => {
    // 15 % of 0.000003 is 0.00000045: rounds to 0, yet it beats a zero minimum; the fee is 0 micro-units, basis rate.
    const fee = computeFee({ netRevenue: micros(3n), subscribers: 0n, totalUsages: 0n }, tariff);
    expect(fee).toMatchObject({ basis: 'rate', fee: 0n });
  });

  it('never returns less than any candidate rounded', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.bigInt({ min: 0n, max: 10n ** 8n }),
        fc.bigInt({ min: 0n, max: 10n ** 10n }),
        (net, subs, usages) => {
          const fee = computeFee({ netRevenue: micros(net), subscribers: subs, totalUsages: usages }, tariff);
          expect(
            fee.fee >= fee.subscriberAmount && fee.fee >= fee.streamAmount && fee.fee >= fee.rateAmount,
          ).toBe(true);
        },
      ),
    );
  });
});

describe('spreadPool (pro rata, royalties.md §1.4)', () => {
  it('gives 1,000,000 of 1,200,000,000 streams €2,250.00 of a €2,700,000 fee (§6.4)', () => {
    const values = spreadPool(eur('2700000'), [{ key: 'R1', usages: 1_000_000n }], 1_200_000_000n);
    expect(values.get('R1')).toBe(eur('2250'));
    expect(splitByRight(values.get('R1')!, tariff.split)).toEqual({
      performing: eur('1125'),
      mechanical: eur('1125'),
    });
  });

  it('gives €1,500.00 when the minimum binds (§6.9)', () => {
    expect(spreadPool(eur('1800000'), [{ key: 'R1', usages: 1_000_000n }], 1_200_000_000n).get('R1')).toBe(
      eur('1500'),
    );
  });

  it('uses the report usages as the basis when the service reports no larger total', () => {
    const values = spreadPool(
      micros(100n),
      [
        { key: 'A', usages: 1n },
        { key: 'B', usages: 2n },
      ],
      0n,
    );
    expect([values.get('A'), values.get('B')]).toEqual([33n, 67n]);
  });

  it('never hands out more than the fee, and all of it when the report is the whole service', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 6n }), { minLength: 1, maxLength: 20 }),
        fc.bigInt({ min: 0n, max: 10n ** 7n }),
        (fee, usages, extra) => {
          const resources = usages.map((u, i) => ({ key: `R${i}`, usages: u }));
          const reported = usages.reduce((s, u) => s + u, 0n);
          const values = spreadPool(micros(fee), resources, reported + extra);
          const sum = [...values.values()].reduce((s, v) => s + v, 0n);
          expect(sum <= fee).toBe(true);
          if (extra === 0n) expect(sum).toBe(fee);
        },
      ),
    );
  });
});

describe('applyShare', () => {
  it('is exact for whole and fractional shares', () => {
    expect(applyShare(eur('1125'), 10000)).toBe(eur('1125'));
    expect(applyShare(eur('1125'), 15000)).toBe(eur('1687.5'));
    expect(applyShare(micros(1n), 5000)).toBe(1n);
  });

  it('stays within one micro-unit of the exact product', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 30000 }), (v, share) => {
        const got = applyShare(micros(v), share);
        const floor = (v * BigInt(share)) / 10000n;
        expect(got === floor || got === floor + 1n).toBe(true);
      }),
    );
  });
});
