import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMicros, micros } from '../../domain/index.js';
import { openStore, type Store } from '../../warehouse/index.js';
import { DECIMAL18_LIMIT, moneyTextSql } from './money-text-sql.js';

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:', { threads: 1 });
});
afterAll(() => store.close());

async function texts(values: readonly bigint[], small: boolean): Promise<string[]> {
  const rows = await store.all<{ t: string }>(
    `SELECT ${moneyTextSql('v', small)} AS t FROM (VALUES ${values.map((v, i) => `(${i}, ${v}::HUGEINT)`).join(', ')}) x(i, v) ORDER BY i`,
  );
  return rows.map((r) => r.t);
}

const HUGEINT_MAX = 2n ** 127n - 1n;
const edges = [0n, 1n, -1n, 999_999n, -999_999n, 1_000_000n, -1_000_000n, -500_000n, 1_125_500_000n];

describe('moneyTextSql', () => {
  it('writes the same text as formatMicros, at the edges', async () => {
    const small = [...edges, DECIMAL18_LIMIT - 1n, 1n - DECIMAL18_LIMIT];
    expect(await texts(small, true)).toEqual(small.map((v) => formatMicros(micros(v))));
    const large = [...small, DECIMAL18_LIMIT, -DECIMAL18_LIMIT, HUGEINT_MAX, -HUGEINT_MAX];
    expect(await texts(large, false)).toEqual(large.map((v) => formatMicros(micros(v))));
  });

  it('writes the same text as formatMicros for any amount, on either path', async () => {
    const small = fc.bigInt({ min: 1n - DECIMAL18_LIMIT, max: DECIMAL18_LIMIT - 1n });
    const any = fc.bigInt({ min: -HUGEINT_MAX, max: HUGEINT_MAX });
    await fc.assert(
      fc.asyncProperty(fc.array(small, { minLength: 1, maxLength: 30 }), async (values) => {
        expect(await texts(values, true)).toEqual(values.map((v) => formatMicros(micros(v))));
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(small, any), { minLength: 1, maxLength: 30 }), async (values) => {
        expect(await texts(values, false)).toEqual(values.map((v) => formatMicros(micros(v))));
      }),
      { numRuns: 60 },
    );
  });

  it('refuses an amount beyond the small path rather than print other digits', async () => {
    await expect(texts([DECIMAL18_LIMIT], true)).rejects.toThrow();
    await expect(texts([-DECIMAL18_LIMIT], true)).rejects.toThrow();
  });
});
