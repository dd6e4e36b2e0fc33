import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { micros } from '../../domain/index.js';
import { openStore, sql, type Store } from '../../warehouse/index.js';
import { allocateInSteps } from './allocate-in-steps.js';
import { arithmeticFor, fixedPartsSplitSql } from './fixed-parts-split-sql.js';

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:', { threads: 1 });
});
afterAll(() => store.close());

const IDS = ['commission', 'deductions', 'net'] as const;
// Equal weights often, so that the tie-breaks are exercised.
const weight = fc.oneof(fc.constantFrom(0, 2500, 5000), fc.integer({ min: 0, max: 10_000 }));

describe('fixedPartsSplitSql', () => {
  it('splits the worked example line: 1,125.00 at 13 % / 1 % / 86 % gives 146.25 / 11.25 / 967.50', async () => {
    const text = fixedPartsSplitSql({
      from: '(SELECT 1125000000 AS t)',
      total: 't',
      parts: IDS.map((id, i) => ({ id, weight: String([1300, 100, 8600][i]) })),
      step: 10_000n,
    });
    expect(await store.one(`SELECT commission, deductions, net FROM (${text})`)).toEqual({
      commission: 146_250_000n,
      deductions: 11_250_000n,
      net: 967_500_000n,
    });
  });

  it('gives the same parts as allocateInSteps(), rows at a time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            total: fc.oneof(
              fc.bigInt({ min: 0n, max: 10n ** 15n }),
              fc.bigInt({ min: 0n, max: 10n ** 12n }),
              fc.bigInt({ min: 0n, max: 10n ** 9n }).map((t) => t * 10_000n),
            ),
            weights: fc.tuple(weight, weight, weight),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.constantFrom(1n, 10_000n),
        async (rows, step) => {
          await store.run(
            'CREATE OR REPLACE TEMP TABLE fp_in (k INTEGER, t HUGEINT, w0 INTEGER, w1 INTEGER, w2 INTEGER)',
          );
          for (const [k, r] of rows.entries())
            await store.run(
              sql`INSERT INTO fp_in VALUES (${k}, ${r.total}, ${r.weights[0]}, ${r.weights[1]}, ${r.weights[2]})`,
            );
          const max = rows.reduce((m, r) => (r.total > m ? r.total : m), 0n);
          // BIGINT when the bounds allow it (small totals), HUGEINT otherwise: both are checked.
          const arithmetic = arithmeticFor(max, 30_000n, step);
          const text = fixedPartsSplitSql({
            from: 'fp_in',
            total: 't',
            parts: IDS.map((id, i) => ({ id, weight: `w${i}` })),
            step,
            arithmetic,
          });
          const got = await store.all<{ k: number; commission: bigint; deductions: bigint; net: bigint }>(
            `SELECT k, commission, deductions, net FROM (${text}) ORDER BY k`,
          );
          for (const [k, r] of rows.entries()) {
            if (r.weights.every((x) => x === 0) && r.total !== 0n) continue; // allocate() refuses; the run's conservation check catches it
            const expected = allocateInSteps(
              micros(r.total),
              IDS.map((id, i) => ({ id, weight: BigInt(r.weights[i] ?? 0) })),
              step,
            );
            expect(got[k]).toEqual({
              k,
              commission: expected.get('commission'),
              deductions: expected.get('deductions'),
              net: expected.get('net'),
            });
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('uses BIGINT only where the products cannot pass 2^62', () => {
    expect(arithmeticFor(10n ** 15n, 10_000n, 10_000n)).toBe('BIGINT');
    expect(arithmeticFor(10n ** 15n, 10_000n, 1n)).toBe('HUGEINT');
    expect(arithmeticFor(2n ** 62n, 1n, 10_000n)).toBe('HUGEINT');
  });
});
