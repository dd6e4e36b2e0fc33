import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { micros } from '../../domain/index.js';
import { openStore } from '../../warehouse/index.js';
import {
  ensureClaimTables,
  insertClaimLine,
  insertInvoice,
  insertParty,
  insertPayment,
  insertReport,
} from './claim-tables.fixture.js';
import { distribute } from './distribute.js';

const partyArb = fc.record({ member: fc.boolean(), society: fc.constantFrom(null, '052', '035') });
const lineArb = fc.record({
  invoice: fc.integer({ min: 0, max: 2 }),
  right: fc.constantFrom('performing' as const, 'mechanical' as const),
  claimed: fc.bigInt({ min: 0n, max: 5_000_000_000n }),
  shares: fc.array(
    fc.record({ party: fc.integer({ min: 0, max: 5 }), share: fc.integer({ min: 1, max: 5000 }) }),
    { minLength: 0, maxLength: 4 },
  ),
});

describe('distribute: conservation', () => {
  it('accounts for every micro-unit collected, over several runs with partial payments', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(partyArb, { minLength: 6, maxLength: 6 }),
        fc.array(lineArb, { minLength: 1, maxLength: 6 }),
        fc.array(
          fc.record({
            invoice: fc.integer({ min: 0, max: 2 }),
            amount: fc.bigInt({ min: 1n, max: 3_000_000_000n }),
          }),
          { maxLength: 4 },
        ),
        fc.constantFrom(1n, 10_000n),
        async (parties, lines, payments, step) => {
          const store = await openStore(':memory:', { threads: 1 });
          try {
            await ensureClaimTables(store);
            await insertReport(store);
            // Party 5 is never registered: its shares are held.
            for (const [i, p] of parties.slice(0, 5).entries()) {
              await insertParty(store, {
                id: `P${i}`,
                name: `Party ${i}`,
                member: p.member,
                ...(p.society ? { pr: p.society } : {}),
              });
            }
            await store.run(`INSERT INTO works (work_id, title) VALUES ('W1', 'Work')`);
            for (let i = 0; i < 3; i++) await insertInvoice(store, `INV-${i}`, 0n);
            for (const [i, l] of lines.entries()) {
              const unique = [...new Map(l.shares.map((s) => [s.party, s])).values()];
              await insertClaimLine(store, {
                claimId: `CL-${i}`,
                invoiceId: `INV-${l.invoice}`,
                workId: 'W1',
                rightType: l.right,
                claimed: l.claimed,
                shareClaimed: unique.reduce((s, x) => s + x.share, 0),
                shares: unique.map((s) => ({ party: `P${s.party}`, role: 'C', share: s.share })),
              });
            }
            let cash = 0n;
            let accounted = 0n;
            for (const [i, p] of payments.entries()) {
              await insertPayment(store, `pay-${i}`, `INV-${p.invoice}`, p.amount);
              const result = await distribute(store, {
                period: '2024-03',
                codeVersion: 'test',
                now: () => new Date('2024-07-05'),
                config: { step, payoutThreshold: micros(5_000_000n) },
              });
              const c = result.conservation;
              expect(c.ok).toBe(true);
              expect(c.paid + c.remitted + c.commission + c.deductions + c.held).toBe(c.collected);
              cash += p.amount;
              accounted += c.collected;
            }
            // Cash on invoices without any claimed amount is held as unallocated, so everything is accounted for.
            expect(accounted).toBe(cash);
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
