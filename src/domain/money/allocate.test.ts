import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.js';
import { micros } from './micros.js';

const parts = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    weight: fc.bigInt({ min: 0n, max: 10n ** 12n }),
  }),
  {
    selector: (p) => p.id,
    minLength: 1,
    maxLength: 12,
  },
);

describe('allocate', () => {
  it('always sums exactly to the whole', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), parts, (total, ps) => {
        fc.pre(ps.some((p) => p.weight > 0n));
        const result = allocate(micros(total), ps);
        expect([...result.values()].reduce((s, v) => s + v, 0n)).toBe(total);
      }),
    );
  });

  it('gives every part within one unit of its exact share', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), parts, (total, ps) => {
        const weights = ps.reduce((s, p) => s + p.weight, 0n);
        fc.pre(weights > 0n);
        const result = allocate(micros(total), ps);
        for (const p of ps) {
          const floor = (total * p.weight) / weights;
          const got = result.get(p.id)!;
          expect(got === floor || got === floor + 1n).toBe(true);
        }
      }),
    );
  });

  it('is deterministic whatever the order of the parts', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 9n }), parts, (total, ps) => {
        fc.pre(ps.some((p) => p.weight > 0n));
        const a = allocate(micros(total), ps);
        const b = allocate(micros(total), [...ps].reverse());
        expect(new Map([...b].sort())).toEqual(new Map([...a].sort()));
      }),
    );
  });

  it('gives the odd unit to the lowest id when remainders and weights tie (royalties.md §6.7)', () => {
    // Mechanical €967.50 in cents as micro-cents: A 25 %, C 25 %, E 50 % of 96750 cents.
    const result = allocate(micros(96750n), [
      { id: 'C', weight: 25n },
      { id: 'A', weight: 25n },
      { id: 'E', weight: 50n },
    ]);
    expect(result.get('A')).toBe(24188n);
    expect(result.get('C')).toBe(24187n);
    expect(result.get('E')).toBe(48375n);
  });

  it('gives the spare units to the largest remainders first (royalties.md §6.9)', () => {
    const result = allocate(micros(48375n), [
      { id: 'A', weight: 25n },
      { id: 'C', weight: 25n },
      { id: 'E', weight: 50n },
    ]);
    expect([result.get('A'), result.get('C'), result.get('E')]).toEqual([12094n, 12094n, 24187n]);
  });

  it('refuses weights that sum to zero for a non-zero total', () => {
    expect(() => allocate(micros(5n), [{ id: 'A', weight: 0n }])).toThrow(/weights sum to zero/);
  });
});
