import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { micros } from '../../domain/index.js';
import { openStore, sql, type Store } from '../../warehouse/index.js';
import { allocateInSteps } from './allocate-in-steps.js';
import { partySplitSql } from './party-split-sql.js';

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:', { threads: 1 });
});
afterAll(() => store.close());

const amount = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 13n }),
  fc.bigInt({ min: 0n, max: 10n ** 9n }).map((t) => t * 10_000n),
);
const weight = fc.oneof(fc.constantFrom(0, 2500, 3333, 5000), fc.integer({ min: 0, max: 10_000 }));

describe('partySplitSql', () => {
  it('gives every holder what allocateInSteps() gives, for small lines and lines of more than four holders, in HUGEINT or BIGINT, with or without whole steps known', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            net: amount,
            gross: amount,
            commission: amount,
            weights: fc.array(weight, { minLength: 1, maxLength: 7 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.constantFrom(1n, 10_000n),
        fc.constantFrom('HUGEINT' as const, 'BIGINT' as const),
        fc.constantFrom('unknown' as const, 'false' as const, 'known' as const),
        async (lines, step, arithmetic, steps) => {
          await store.run(
            `CREATE OR REPLACE TEMP TABLE ps_in (claim_id VARCHAR, party_id VARCHAR, role VARCHAR, w HUGEINT, tie_id VARCHAR, gross HUGEINT, commission HUGEINT, net HUGEINT)`,
          );
          const usable = lines.map((l) =>
            l.weights.some((w) => w > 0) ? l : { ...l, weights: [...l.weights, 1] },
          );
          for (const [c, l] of usable.entries()) {
            // Every other line's holders inserted last first: the split must not follow the rows' order.
            const holders = [...l.weights.entries()];
            for (const [i, w] of c % 2 === 0 ? holders : holders.reverse()) {
              await store.run(
                sql`INSERT INTO ps_in VALUES (${`CL${c}`}, ${`P${i}`}, 'A', ${w}, ${`P${i}|A`}, ${l.gross}, ${l.commission}, ${l.net})`,
              );
            }
          }
          // wholeSteps: not said, said false (both passes), or said as it is (true when every total is whole steps).
          const whole = usable.every((l) => [l.net, l.gross, l.commission].every((a) => a % step === 0n));
          const wholeSteps = steps === 'unknown' ? undefined : steps === 'known' && whole;
          const rows = await store.all<{
            claim_id: string;
            tie_id: string;
            p_net: bigint;
            p_gross: bigint;
            p_commission: bigint;
          }>(
            `SELECT claim_id, tie_id, p_net, p_gross, p_commission FROM (${partySplitSql('ps_in', step, arithmetic, 'claim_id', wholeSteps)}) ORDER BY claim_id, tie_id`,
          );
          const got = new Map(rows.map((r) => [`${r.claim_id}/${r.tie_id}`, r]));
          expect(rows.length).toBe(usable.reduce((s, l) => s + l.weights.length, 0));
          for (const [c, l] of usable.entries()) {
            const parts = l.weights.map((w, i) => ({ id: `P${i}|A`, weight: BigInt(w) }));
            const net = allocateInSteps(micros(l.net), parts, step);
            const gross = allocateInSteps(micros(l.gross), parts, step);
            const commission = allocateInSteps(micros(l.commission), parts, step);
            for (const p of parts) {
              expect(got.get(`CL${c}/${p.id}`)).toMatchObject({
                p_net: net.get(p.id),
                p_gross: gross.get(p.id),
                p_commission: commission.get(p.id),
              });
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
