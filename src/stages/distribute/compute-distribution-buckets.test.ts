import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../domain/index.js';
import { openStore, type Store } from '../../warehouse/index.js';
import {
  ensureClaimTables,
  insertClaimLine,
  insertInvoice,
  insertParty,
  insertPayment,
  insertReport,
} from './claim-tables.fixture.js';
import { computeDistribution } from './compute-distribution.js';
import { createDistributionConfig } from './distribution-config.js';

const lineArb = fc.record({
  invoice: fc.integer({ min: 0, max: 1 }),
  claimed: fc.bigInt({ min: 0n, max: 5_000_000_000n }),
  // Up to six holders: lines of more than four go through the windowed split.
  shares: fc.uniqueArray(
    fc.record({ party: fc.integer({ min: 0, max: 6 }), share: fc.integer({ min: 1, max: 3000 }) }),
    { minLength: 0, maxLength: 6, selector: (s) => s.party },
  ),
});

async function computedLines(store: Store, splitBucketLines?: number): Promise<unknown[]> {
  await computeDistribution(store, {
    distributionId: 'D-2024-03-1',
    period: parsePeriod('2024-03'),
    date: '2024-03-31',
    config: createDistributionConfig({}),
    ...(splitBucketLines === undefined ? {} : { splitBucketLines }),
  });
  return store.all('SELECT * FROM dist_lines ORDER BY ALL');
}

describe('computeDistribution: the holders split in buckets of claim lines', () => {
  it('gives the same statement lines whatever the bucket size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineArb, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 3 }),
        async (lines, bucket) => {
          const store = await openStore(':memory:', { threads: 1 });
          try {
            await ensureClaimTables(store);
            await insertReport(store);
            // Party 6 is never registered: its shares are held.
            for (let i = 0; i < 6; i++)
              await insertParty(store, { id: `P${i}`, name: `Party ${i}`, member: true });
            await store.run(`INSERT INTO works (work_id, title) VALUES ('W1', 'Work')`);
            for (let i = 0; i < 2; i++) await insertInvoice(store, `INV-${i}`, 0n);
            for (const [i, l] of lines.entries()) {
              await insertClaimLine(store, {
                claimId: `CL-${i}`,
                invoiceId: `INV-${l.invoice}`,
                workId: 'W1',
                rightType: 'performing',
                claimed: l.claimed,
                shareClaimed: l.shares.reduce((s, x) => s + x.share, 0),
                shares: l.shares.map((s) => ({ party: `P${s.party}`, role: 'C', share: s.share })),
              });
            }
            await insertPayment(store, 'pay-0', 'INV-0', 1_234_567_891n);
            await insertPayment(store, 'pay-1', 'INV-1', 987_654_321n);
            const whole = await computedLines(store);
            expect(whole.length).toBeGreaterThan(0);
            expect(await computedLines(store, bucket)).toEqual(whole);
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});
