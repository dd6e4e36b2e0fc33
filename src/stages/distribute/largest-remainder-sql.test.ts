import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { micros } from '../../domain/index.js';
import { openStore, sql, type Store } from '../../warehouse/index.js';
import { allocateInSteps } from './allocate-in-steps.js';
import { largestRemainderSql } from './largest-remainder-sql.js';

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:', { threads: 1 });
});
afterAll(() => store.close());

async function splitInSql(
  groups: { total: bigint; weights: bigint[] }[],
  step: bigint,
  wholeSteps?: boolean,
): Promise<Map<string, bigint>> {
  await store.run('CREATE OR REPLACE TEMP TABLE lr_in (g INTEGER, id VARCHAR, w HUGEINT, total HUGEINT)');
  for (const [g, group] of groups.entries()) {
    for (const [i, w] of group.weights.entries()) {
      await store.run(
        sql`INSERT INTO lr_in VALUES (${g}, ${`p${String(i).padStart(2, '0')}`}, ${w}, ${group.total})`,
      );
    }
  }
  const text = largestRemainderSql({
    from: 'lr_in',
    group: ['g'],
    id: 'id',
    weight: 'w',
    amounts: [{ total: 'total', as: 'part' }],
    step,
    ...(wholeSteps === undefined ? {} : { wholeSteps }),
  });
  const rows = await store.all<{ g: number; id: string; part: bigint }>(
    `SELECT g, id, part FROM (${text}) ORDER BY g, id`,
  );
  return new Map(rows.map((r) => [`${r.g}/${r.id}`, r.part]));
}

describe('largestRemainderSql', () => {
  it('splits the worked example mechanical net in cents as allocate() does (A 241.88, C 241.87, E 483.75)', async () => {
    const parts = await splitInSql([{ total: 967_500_000n, weights: [2500n, 2500n, 5000n] }], 10_000n);
    expect([...parts.values()]).toEqual([241_880_000n, 241_870_000n, 483_750_000n]);
  });

  it('gives the same parts as allocate() at any step, and they sum to the total, whatever the caller says it knows of the totals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            total: fc.oneof(
              fc.bigInt({ min: 0n, max: 10n ** 15n }),
              fc.bigInt({ min: 0n, max: 10n ** 11n }).map((t) => t * 10_000n),
            ),
            weights: fc.array(fc.bigInt({ min: 0n, max: 10_000n }), { minLength: 1, maxLength: 5 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.constantFrom(1n, 100n, 10_000n),
        fc.constantFrom(undefined, false, true),
        async (groups, step, knows) => {
          const usable = groups.map((g) =>
            g.weights.some((w) => w > 0n) ? g : { ...g, weights: [...g.weights, 1n] },
          );
          // `true` only where it is so: every total a whole number of steps.
          const whole = usable.every((g) => g.total % step === 0n);
          const got = await splitInSql(usable, step, knows === true && !whole ? undefined : knows);
          for (const [g, group] of usable.entries()) {
            const parts = group.weights.map((w, i) => ({ id: `p${String(i).padStart(2, '0')}`, weight: w }));
            const expected = allocateInSteps(micros(group.total), parts, step);
            let sum = 0n;
            for (const [id, amount] of expected) {
              expect(got.get(`${g}/${id}`)).toBe(amount);
              sum += got.get(`${g}/${id}`) ?? 0n;
            }
            expect(sum).toBe(group.total);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
